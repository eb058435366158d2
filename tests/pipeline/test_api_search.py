"""GET /v1/search over the archive built by pipeline.archive.build_index."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from pipeline.api import ApiSettings, create_app
from pipeline.archive import build_index

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"


def test_api_search_returns_ranked_hits_with_facets(tmp_path):
    db = tmp_path / "archive.sqlite"
    build_index(SEEDS, db)
    with TestClient(create_app(ApiSettings(db=db))) as client:
        hits = client.get("/v1/search", params={"q": "hoi nghi so ket"}).json()["hits"]
        assert {h["source_name"][:3] for h in hits[:2]} == {"000", "003"}
        assert all(h["snippet"] for h in hits)
        only_2020 = client.get("/v1/search", params={"q": "hoi nghi", "year": 2020}).json()["hits"]
        assert [h["source_name"][:3] for h in only_2020] == ["003"]
        assert client.get("/v1/search", params={"q": "x", "limit": 0}).status_code == 422


def test_api_search_without_an_archive_is_503_with_an_error_body():
    with TestClient(create_app(ApiSettings(db=None))) as client:
        response = client.get("/v1/search", params={"q": "hoi nghi"})
    assert response.status_code == 503
    assert response.json()["code"] == "archive_not_found"
