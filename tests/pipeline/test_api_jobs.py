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
