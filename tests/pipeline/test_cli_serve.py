"""`vnplan serve`: a real uvicorn process on 127.0.0.1 (random free port, bounded wait, killed at the end)."""
from __future__ import annotations

import hashlib

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pipeline.archive import build_index

pytestmark = pytest.mark.slow  # starts the API server in a subprocess

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"
VNPLAN = Path(sys.executable).with_name("vnplan")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    db = tmp_path / "archive.sqlite"
    build_index(SEEDS, db)
    port = _free_port()
    proc = subprocess.Popen([str(VNPLAN), "serve", "--port", str(port), "--db", str(db),
                             "--records", str(tmp_path / "records"), "--max-upload-mb", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):  # bounded wait for the server to listen (at most ~30 s)
            if proc.poll() is not None:
                pytest.fail(f"vnplan serve exited: {proc.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("vnplan serve did not answer /healthz")
        yield base, tmp_path
    finally:
        proc.kill()
        proc.wait(10)


def test_cli_serve_answers_on_loopback(server):
    base, tmp_path = server
    seed = SEEDS / "003_be6c1cea0ccb87ad.txt"
    posted = httpx.post(f"{base}/v1/extract", files={"file": (seed.name, seed.read_bytes())}, timeout=120)
    assert posted.status_code == 200, posted.text
    doc_id = posted.json()["doc_id"]
    assert doc_id == hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    assert httpx.get(f"{base}/v1/records/{doc_id}").json() == posted.json()
    assert (tmp_path / "records" / f"{doc_id}.json").is_file()
    hits = httpx.get(f"{base}/v1/search", params={"q": "hoi nghi so ket"}).json()["hits"]
    assert {h["source_name"][:3] for h in hits[:2]} == {"000", "003"}


def test_cli_serve_refuses_a_streamed_upload_past_the_limit(server):
    base, _ = server

    def chunks():  # chunked transfer: no Content-Length, the server must count while it streams
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(200):
            yield b"x" * 16384
    response = httpx.post(f"{base}/v1/extract", content=chunks(), timeout=60,
                          headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
