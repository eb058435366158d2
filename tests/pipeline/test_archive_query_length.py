"""Search queries: repeated words count once, long queries keep their snippets, too long ones are refused
with one line (QueryTooLongError) by the library, the CLI (exit 2) and the API (422)."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pipeline.api import ApiSettings, create_app
from pipeline.archive import MAX_QUERY_WORDS, build_index, query_words, search
from pipeline.cli import app
from schemas.errors import QueryTooLongError

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"
PLAN = SEEDS / "003_be6c1cea0ccb87ad.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "archive.sqlite"
    build_index(SEEDS, path)
    return path


def test_archive_query_words_are_distinct_and_folded() -> None:
    assert query_words("Hội nghị hội nghị Đại hội đại") == ["Hội", "nghị", "hội", "Dại", "dại"]


def test_archive_long_query_from_a_plan_finds_it_with_a_snippet(db: Path) -> None:
    words = query_words(PLAN.read_text(encoding="utf-8"))[:MAX_QUERY_WORDS]
    hits = search(db, " ".join(words * 3))  # 1,500 words, 500 distinct
    assert [h.source_name[:3] for h in hits] == ["003"]
    assert "[" in hits[0].snippet


def test_archive_query_over_the_limit_is_refused(db: Path) -> None:
    query = " ".join(f"tu{i}" for i in range(3000))
    with pytest.raises(QueryTooLongError) as info:
        search(db, query)
    assert "3000 words" in info.value.message and str(MAX_QUERY_WORDS) in info.value.message
    result = CliRunner().invoke(app, ["search", query, "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: {info.value.message}"]
    with TestClient(create_app(ApiSettings(db=db))) as client:
        response = client.get("/v1/search", params={"q": query})
    assert response.status_code == 422
    assert response.json()["code"] == "query_too_long"
