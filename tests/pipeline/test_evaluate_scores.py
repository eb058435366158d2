"""vnplan eval: the project's own scorer, checked against the gold it ships and the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, norm, ratio, value_norm
from pipeline.extract import extract_file
from tests.conftest import GOLD, SEED_IDS, seed_path

SHARED_SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


def _perfect_record(g: dict) -> dict:
    """A record that says exactly what the gold says, with evidence pointing at a placeholder text."""
    text = "x" * 10
    ev = [{"start": 0, "end": 1, "page": None, "text": "x"}]
    doc = dict(g["document"])
    if doc.get("issued"):
        doc["issued"] = {"text": doc["issued"], "value": doc["issued"], "granularity": "day"}
    if doc.get("signer"):
        doc["signer"] = {"name": doc["signer"]}
    roles = {"deadline": set(g.get("deadlines", [])), "event": set(g.get("events", []))}
    dates = [{"value": v, "role": next((r for r, vs in roles.items() if v in vs), "other"), "evidence": ev}
             for v in g["dates"]]
    return {
        "text": text, "document": doc,
        "citations": [{**c, "date": {"value": c["date"]} if c.get("date") else None, "evidence": ev}
                      for c in g["citations"]],
        "dates": dates,
        "units": [{"name": u["name"], "roles": u["roles"], "evidence": ev} for u in g["units"]],
        "conferences": [{**c, "time": {"value": c["time"]} if c.get("time") else None, "evidence": ev}
                        for c in g["conferences"]],
        "awards": [{"name": a["name"], "level": a["level"], "evidence": ev} for a in g["awards"]],
        "movements": [{"name": m if isinstance(m, str) else m["name"], "evidence": ev} for m in g["movements"]],
        "tasks": [{"description": t["text"], "period": {"value": t["period"]}, "lead": t["lead"],
                   "support": t["support"], "director": t["director"], "evidence": ev} for t in g.get("tasks", [])],
    }


def test_evaluate_perfect_records_score_one(tmp_path: Path) -> None:
    for gp in GOLD.glob("*.json"):
        g = json.loads(gp.read_text(encoding="utf-8"))
        (tmp_path / gp.name).write_text(json.dumps(_perfect_record(g), ensure_ascii=False), encoding="utf-8")
    s = evaluate(GOLD, tmp_path).summary
    assert s["overall"] == 1.0, s
    assert s["detail"]["evidence_coverage"] == 1.0 and s["detail"]["grounding_acc"] == 1.0


def test_evaluate_missing_records_score_zero_facts(tmp_path: Path) -> None:
    r = evaluate(GOLD, tmp_path)
    assert sorted(r.missing) == SEED_IDS
    assert r.summary["fields"]["dates"] == 0.0 and r.summary["fields"]["units"] == 0.0


def test_evaluate_penalises_extras_and_wrong_evidence(tmp_path: Path) -> None:
    gp = GOLD / f"{SEED_IDS[0]}.json"
    g = json.loads(gp.read_text(encoding="utf-8"))
    rec = _perfect_record(g)
    rec["dates"].append({"value": "1999-01-01", "role": "other", "evidence": [{"start": 0, "end": 1, "text": "y"}]})
    (tmp_path / gp.name).write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    s = evaluate(tmp_path.parent / "none", tmp_path).summary  # empty gold dir: nothing scored
    assert s["overall"] == 0.0
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / gp.name).write_text(gp.read_text(encoding="utf-8"), encoding="utf-8")
    s = evaluate(gold_dir, tmp_path).summary
    assert s["detail"]["dates_p"] < 1.0
    assert s["detail"]["grounding_acc"] < 1.0


@pytest.mark.parametrize("a,b,same", [
    ("Ủy ban nhân dân tỉnh Nam Định", "UBND tỉnh Nam Định", True),
    ("Uỷ ban nhân dân tỉnh Hoà Bình", "Ủy ban nhân dân tỉnh Hòa Bình", True),
    ("Chiến sỹ thi đua toàn quốc", "Chiến sĩ thi đua toàn quốc", True),
    ("Sở Nội vụ", "Sở Tài chính", False),
])
def test_evaluate_name_normalisation(a: str, b: str, same: bool) -> None:
    assert (ratio(a, b) >= 0.9) is same
    assert norm(a) == norm(a.upper()).lower()


def test_evaluate_value_normalisation() -> None:
    assert value_norm(" 2024-q1 ") == "2024-Q1"
    assert value_norm("2024-05-30T00:00:00") == "2024-05-30"


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is not beside this checkout")
def test_evaluate_agrees_with_shared_scorer_on_seeds(tmp_path: Path) -> None:
    for doc_id in SEED_IDS:
        rec = extract_file(seed_path("txt", doc_id))
        (tmp_path / f"{doc_id}.json").write_text(rec.model_dump_json(), encoding="utf-8")
    ours = evaluate(GOLD, tmp_path).summary
    out = subprocess.run([sys.executable, str(SHARED_SCORER), "--pred", str(tmp_path), "--gold", str(GOLD), "--json"],
                         check=True, capture_output=True, text=True).stdout
    theirs = json.loads(out)
    assert ours["overall"] == theirs["overall"]
    assert ours["fields"] == theirs["fields"]
    assert ours["detail"] == theirs["detail"]
