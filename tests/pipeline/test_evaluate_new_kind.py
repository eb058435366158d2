"""A fact kind added to the registry is scored without touching the evaluation: by its main field."""
from __future__ import annotations

from pipeline import evaluate
from pipeline.kinds import BY_KEY, FactKind
from schemas.record import Movement

# a hypothetical kind: amounts of money (kinh phí) a plan budgets, identified by the amount as printed
BUDGETS = FactKind("budgets", Movement, lambda doc, context=None: [], "Budgets", "#ffffff", lambda b: b.name,
                   ("name TEXT",), lambda b: {"name": b.name}, main_field="name")


def test_evaluate_scores_a_kind_without_a_scorer_of_its_own_by_its_main_field() -> None:
    score = evaluate.score_by_main_field(BUDGETS)
    gold = {"budgets": [{"name": "Kinh phí sự nghiệp 50 triệu đồng", "aliases": ["50 triệu đồng"]},
                        {"name": "Quỹ thi đua, khen thưởng 120 triệu đồng"}]}
    rec = {"budgets": [{"name": "50 triệu đồng"}, {"name": "Nguồn xã hội hóa"}]}
    r = evaluate.Report()
    score(gold, rec, r, "d")
    prf = r.prf("budgets")
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)
    assert any("budgets missed: Quỹ thi đua" in n for n in r.notes)
    assert any("budgets extra: Nguồn xã hội hóa" in n for n in r.notes)


def test_evaluate_keeps_the_own_scorer_of_every_registered_kind() -> None:
    scorers = dict(evaluate.SCORERS)
    assert scorers["movements"] is evaluate.score_movements
    assert scorers["units"] is evaluate.score_units
    assert set(scorers) == {"document", *BY_KEY}
