"""The API as a service: offline docs, a typed OpenAPI document, a bounded extraction queue, header and body
timeouts, and one-line errors for a --db that is not an archive."""
from __future__ import annotations

import asyncio
import socket
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pipeline.api import ApiSettings, ExtractQueueMiddleware, create_app, header_timeout_protocol
from pipeline.cli import app as cli


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ApiSettings())) as c:
        yield c


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_their_assets_from_the_package(client, page):
    html = client.get(page).text
    assert "cdn" not in html.lower() and "https://" not in html and "googleapis" not in html
    scripts = [part.split('"')[0] for part in html.split('src="')[1:]]
    assert scripts and all(s.startswith("/") for s in scripts)
    for src in scripts:
        asset = client.get(src)
        assert asset.status_code == 200 and len(asset.content) > 100_000  # the real bundle, not a stub


def test_api_openapi_declares_the_record_as_the_extract_answer(client):
    spec = client.get("/openapi.json").json()
    ok = spec["paths"]["/v1/extract"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Record"}
    record = spec["components"]["schemas"]["Record"]
    assert {"doc_id", "document_key", "source", "text", "dates", "units"} <= set(record["properties"])
    busy = spec["paths"]["/v1/extract"]["post"]["responses"]["503"]["content"]["application/json"]["schema"]
    assert busy == {"$ref": "#/components/schemas/ErrorBody"}


def test_api_extract_queue_full_is_503_with_retry_after():
    release = asyncio.Event()

    async def slow(scope, receive, send):  # an extraction that holds its slot until released
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def scenario():
        transport = httpx.ASGITransport(app=ExtractQueueMiddleware(slow, capacity=2, retry_after=7))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            held = [asyncio.create_task(c.post("/v1/extract", content=b"x")) for _ in range(2)]
            await asyncio.sleep(0.05)
            refused = await c.post("/v1/extract", content=b"x")
            other = asyncio.create_task(c.get("/healthz"))  # only extractions are counted
            release.set()
            return refused, [await t for t in held], await other

    refused, held, other = asyncio.run(scenario())
    assert refused.status_code == 503 and refused.headers["retry-after"] == "7"
    assert refused.json()["code"] == "queue_full"
    assert [r.status_code for r in held] == [200, 200] and other.status_code == 200


def test_api_stalled_request_body_is_408():
    app = create_app(ApiSettings(body_timeout=0.2))
    sent: list[dict] = []

    async def receive():
        await asyncio.sleep(60)  # the client sent its headers, then nothing

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/v1/extract", "raw_path": b"/v1/extract", "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
             "headers": [(b"content-type", b"multipart/form-data; boundary=x"), (b"content-length", b"100")]}
    started = time.monotonic()
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))
    assert time.monotonic() - started < 5
    assert sent[0]["status"] == 408
    assert b'"code":"body_timeout"' in sent[1]["body"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_api_connection_without_request_headers_is_closed():
    port = _free_port()
    config = uvicorn.Config(create_app(ApiSettings()), host="127.0.0.1", port=port, log_level="warning",
                            http=header_timeout_protocol(0.5))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as half_open:
            half_open.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
            assert half_open.recv(100) == b""  # closed by the server, well before the 5 s socket timeout
        assert httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200  # a whole request is answered
    finally:
        server.should_exit = True
        thread.join(10)


def test_api_and_cli_db_that_is_not_sqlite_give_one_line(tmp_path):
    db = tmp_path / "archive.sqlite"
    db.write_text("these are notes, not a database\n" * 50, encoding="utf-8")
    with TestClient(create_app(ApiSettings(db=db))) as client:
        response = client.get("/v1/search", params={"q": "hoi nghi"})
    assert response.status_code == 503 and response.json()["code"] == "not_an_archive"
    assert "\n" not in response.json()["message"]
    runner = CliRunner()
    for args in (["search", "hoi nghi", "--db", str(db)], ["index", str(tmp_path), "--db", str(db)],
                 ["serve", "--db", str(db), "--port", str(_free_port())]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.strip().splitlines() == [f"error: {db}: not a vnplan archive (not an SQLite "
                                                      f"database: file is not a database); pass the file "
                                                      f"vnplan index wrote"]
