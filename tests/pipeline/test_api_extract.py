"""POST /v1/extract and GET /v1/records/{id} (pipeline/api.py) through FastAPI's TestClient."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.api import ApiSettings, create_app
from pipeline.extract import extract_file
from pipeline.ingest import SUPPORTED_SUFFIXES

pytestmark = pytest.mark.slow  # every upload is extracted in a forkserver worker process

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


@pytest.fixture(scope="module")
def records_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("api_records")


@pytest.fixture(scope="module")
def client(records_dir):
    with TestClient(create_app(ApiSettings(records_dir=records_dir, timeout=120))) as c:
        yield c


@pytest.mark.parametrize("seed", ["txt/000_0a0c4b2e8b83855c.txt", "docx/000_0a0c4b2e8b83855c.docx"])
def test_api_extract_returns_the_same_record_as_the_cli(client, seed):
    path = SEEDS / seed
    if path.suffix not in SUPPORTED_SUFFIXES:
        pytest.skip(f"no backend for {path.suffix} yet")
    response = client.post("/v1/extract", files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
    assert response.status_code == 200, response.text
    api = response.json()
    cli = json.loads(extract_file(path).model_dump_json())
    # the one field that differs: the API knows no path on the client's disk, only the file name
    assert api["source"]["path"] == path.name
    cli["source"]["path"] = path.name
    assert api == cli
    assert api["text"] and api["doc_id"] == hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def test_api_keeps_extracted_records_and_serves_them_by_id(client, records_dir):
    path = SEEDS / "txt" / "003_be6c1cea0ccb87ad.txt"
    posted = client.post("/v1/extract", files={"file": ("Kế hoạch 003.txt", path.read_bytes())}).json()
    assert posted["source"]["name"] == "Kế_hoạch_003.txt"
    fetched = client.get(f"/v1/records/{posted['doc_id']}")
    assert fetched.status_code == 200 and fetched.json() == posted
    assert (records_dir / f"{posted['doc_id']}.json").is_file()


def test_api_same_name_uploads_never_replace_each_other(client, records_dir):
    first, second = (SEEDS / "txt" / f"{seed}.txt" for seed in ("002_4be30ec671f9d110", "004_0a9742e511dfa48d"))
    a = client.post("/v1/extract", files={"file": ("report.txt", first.read_bytes())}).json()
    b = client.post("/v1/extract", files={"file": ("report.txt", second.read_bytes())}).json()
    assert a["doc_id"] != b["doc_id"]
    assert client.get(f"/v1/records/{a['doc_id']}").json()["text"] == a["text"]
    assert client.get(f"/v1/records/{b['doc_id']}").json()["text"] == b["text"]
    # the same bytes under another name: the same id, and the first upload's record stays as it was
    again = client.post("/v1/extract", files={"file": ("other.txt", first.read_bytes())}).json()
    assert again["doc_id"] == a["doc_id"]
    assert client.get(f"/v1/records/{a['doc_id']}").json()["source"]["name"] == "report.txt"


def test_api_upload_name_never_becomes_a_path(client, records_dir, tmp_path):
    path = SEEDS / "txt" / "001_0a1aa67df8461fe0.txt"
    response = client.post("/v1/extract", files={"file": ("../../../tmp/evil/x.txt", path.read_bytes())})
    assert response.status_code == 200
    assert response.json()["source"]["path"] == "x.txt"
    assert (records_dir / f"{response.json()['doc_id']}.json").is_file()
    assert not any(p.name.startswith("x") for p in records_dir.iterdir())
    assert not Path("/tmp/evil").exists()


@pytest.mark.parametrize("record_id", ["no-such-record", "..%2F..%2Fetc%2Fpasswd", ".hidden"])
def test_api_unknown_record_id_is_404_with_an_error_body(client, record_id):
    response = client.get(f"/v1/records/{record_id}")
    assert response.status_code == 404
    assert set(response.json()) >= {"error", "code", "message"}


def test_api_health_and_openapi(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and ".txt" in health["formats"]
    spec = client.get("/openapi.json").json()
    assert {"/v1/extract", "/v1/records/{record_id}", "/v1/search", "/healthz"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200
