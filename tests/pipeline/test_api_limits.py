"""The API's limits: upload size (413), file types by suffix and content (415), bad input (422) and the
time limit per document (504), each with an {error, code, message} body."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.api import ApiSettings, create_app

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt" / "000_0a0c4b2e8b83855c.txt"
LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ApiSettings(max_upload_bytes=LIMIT, timeout=120))) as c:
        yield c


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "code", "message"} and body["code"] == code
    return body


def test_api_upload_past_the_limit_is_413(client):
    big = "Kế hoạch thi đua.\n".encode() * (2 * LIMIT // 10)
    _error(client.post("/v1/extract", files={"file": ("big.txt", big)}), 413, "file_too_large")


def test_api_streamed_body_past_the_limit_is_413_without_content_length(client):
    def chunks():
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(40):
            yield b"x" * 16384
    response = client.post("/v1/extract", content=chunks(),
                           headers={"content-type": "multipart/form-data; boundary=b"})
    _error(response, 413, "file_too_large")


@pytest.mark.parametrize("name, content, code", [
    ("plan.exe", b"MZ\x90\x00", "unsupported_format"),
    ("noext", b"hello", "unsupported_format"),
    ("fake.pdf", b"just text, not a PDF", "content_mismatch"),
    ("fake.docx", b"plain text renamed to docx", "content_mismatch"),
    ("junk.txt", bytes(range(256)) * 4, "content_mismatch"),
])
def test_api_unknown_type_or_content_is_415(client, name, content, code):
    _error(client.post("/v1/extract", files={"file": (name, content)}), 415, code)


def test_api_bad_input_is_422(client):
    _error(client.post("/v1/extract", files={"file": ("empty.txt", b"")}), 422, "empty_file")
    truncated = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"
    body = _error(client.post("/v1/extract", files={"file": ("broken.pdf", truncated)}), 422, "corrupt_file")
    assert "vnplan-upload" not in body["message"]  # the server's temporary name never leaks


@pytest.mark.slow  # a worker process is started and killed
def test_api_time_limit_is_504_and_the_next_request_still_works():
    with TestClient(create_app(ApiSettings(timeout=0.001))) as c:
        body = _error(c.post("/v1/extract", files={"file": (SEED.name, SEED.read_bytes())}), 504, "time_limit")
        assert SEED.name in body["message"]
    with TestClient(create_app(ApiSettings(timeout=120))) as c:
        assert c.post("/v1/extract", files={"file": (SEED.name, SEED.read_bytes())}).status_code == 200


def test_api_request_without_a_file_is_422_with_an_error_body(client):
    _error(client.post("/v1/extract", data={"other": "x"}), 422, "invalid_request")
