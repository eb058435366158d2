"""POST /v1/jobs answers at once (202 with an id); GET /v1/jobs/{id} gives the status, then the record."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.api import ApiSettings, create_app
from pipeline.extract import extract_file

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt" / "000_0a0c4b2e8b83855c.txt"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(ApiSettings(records_dir=tmp_path_factory.mktemp("jobs"), timeout=120))) as c:
        yield c


def _wait(client, url: str) -> dict:
    seen = []
    for _ in range(600):
        body = client.get(url).json()
        seen.append(body["status"])
        if body["status"] in ("done", "failed"):
            body["seen"] = seen
            return body
        time.sleep(0.1)
    raise AssertionError(f"job never finished: {seen[-5:]}")


def test_api_job_is_accepted_at_once_and_then_gives_the_record(client):
    response = client.post("/v1/jobs", files={"file": (SEED.name, SEED.read_bytes(), "text/plain")})
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] == "queued" and response.headers["location"] == job["url"] == f"/v1/jobs/{job['id']}"
    body = _wait(client, job["url"])
    assert body["status"] == "done" and set(body["seen"]) <= {"queued", "running", "done"}
    expected = json.loads(extract_file(SEED).model_dump_json())
    expected["source"]["path"] = SEED.name
    assert body["record"] == expected and body["name"] == SEED.name


def test_api_job_of_a_bad_document_fails_with_the_error_body(client):
    response = client.post("/v1/jobs", files={"file": ("broken.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")})
    assert response.status_code == 202
    body = _wait(client, response.json()["url"])
    assert body["status"] == "failed" and body["error"]["code"] == "corrupt_file"
    assert "broken.pdf" in body["error"]["message"]


def test_api_job_refuses_what_extract_refuses_at_once(client):
    response = client.post("/v1/jobs", files={"file": ("x.exe", b"MZ...", "application/octet-stream")})
    assert response.status_code == 415 and response.json()["code"] == "unsupported_format"


def test_api_unknown_job_is_404_with_an_error_body(client):
    response = client.get("/v1/jobs/0123456789abcdef")
    assert response.status_code == 404 and response.json()["code"] == "job_not_found"


def test_api_job_record_is_kept_by_its_content_id(client):
    response = client.post("/v1/jobs", files={"file": ("renamed.txt", SEED.read_bytes(), "text/plain")})
    body = _wait(client, response.json()["url"])
    doc_id = extract_file(SEED).doc_id
    assert body["status"] == "done" and body["doc_id"] == body["record"]["doc_id"] == doc_id
    kept = client.get(f"/v1/records/{doc_id}")
    assert kept.status_code == 200 and kept.json()["doc_id"] == doc_id


def test_api_running_jobs_count_against_the_queue_bound():
    import asyncio

    import httpx

    from pipeline.api import ExtractLoad, ExtractQueueMiddleware

    async def ok(scope, receive, send):
        await send({"type": "http.response.start", "status": 202, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def scenario():
        load = ExtractLoad()
        load.active = 2  # two accepted jobs still running
        transport = httpx.ASGITransport(app=ExtractQueueMiddleware(ok, capacity=2, retry_after=5, load=load))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            refused = [await c.post(path, content=b"x") for path in ("/v1/jobs", "/v1/extract")]
            load.active = 1
            accepted = await c.post("/v1/jobs", content=b"x")
        return refused, accepted, load.active

    refused, accepted, active = asyncio.run(scenario())
    assert [r.status_code for r in refused] == [503, 503] and refused[0].json()["code"] == "queue_full"
    assert refused[0].headers["retry-after"] == "5" and accepted.status_code == 202 and active == 1
