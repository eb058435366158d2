"""The review page (pipeline/review.py): highlights, overlaps, escaping, self-containment."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.extract import extract_file
from pipeline.review import collect_facts, render_review, render_text, Span
from schemas.record import Record

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt" / "000_0a0c4b2e8b83855c.txt"


def _record(text: str, **facts) -> Record:
    return Record.model_validate({"doc_id": "t", "text": text, "source": {
        "path": "t.txt", "name": "t.txt", "format": "txt", "sha256": "0" * 64, "size": len(text)}, **facts})


def _ev(text: str, start: int, end: int) -> list[dict]:
    return [{"start": start, "end": end, "text": text[start:end]}]


def test_review_overlapping_spans_all_render_and_the_text_survives():
    text = "Hội nghị sơ kết ngày 15/7/2024 tại Hà Nội."
    date_at = text.index("15/7/2024")
    record = _record(text, conferences=[{"kind": "interim_review", "evidence": _ev(text, 0, date_at + 9)}],
                     dates=[{"text": "15/7/2024", "value": "2024-07-15", "granularity": "day", "role": "event",
                             "evidence": _ev(text, date_at, date_at + 9)}])
    page = render_review(record)
    body = page.split('<div id="text">', 1)[1].split("</div>", 1)[0]
    assert re.sub(r"<[^>]+>", "", body) == text  # nothing lost or doubled by the segments
    assert 'id="s-conferences-0-0"' in page and 'id="s-dates-0-0"' in page
    inner = re.search(r'<mark id="s-dates-0-0" class="k-dates multi" data-s="([^"]+)"', page)
    assert inner and set(inner.group(1).split()) == {"s-conferences-0-0", "s-dates-0-0"}


def test_review_escapes_document_text():
    text = 'Kế hoạch <script>alert("x")</script> & <img src=x onerror=alert(1)> năm 2024'
    at = text.index("năm 2024")
    record = _record(text, dates=[{"text": "năm 2024", "value": "2024", "granularity": "year",
                                   "evidence": _ev(text, at, at + 8)}],
                     movements=[{"name": "<b>phong trào</b>", "evidence": _ev(text, 0, 8)}])
    page = render_review(record)
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>phong" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_review_page_is_self_contained_and_lists_every_seed_fact():
    record = extract_file(SEED)
    page = render_review(record)
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page)  # no external assets
    assert "<link" not in page and "@import" not in page
    facts, dropped = collect_facts(record)
    linked = re.findall(r'data-target="([^"]+)"', page)
    assert len(linked) == sum(1 for f in facts if f.spans) and len(record.dates) >= 1
    for target in linked:
        assert f'id="{target}"' in page  # every fact in the panel has its span in the text
    for kind in ("dates", "conferences"):
        assert f'class="k-{kind}' in page or not getattr(record, kind)


def test_review_render_text_splits_at_every_boundary():
    spans = [Span("a", "dates", 0, 4), Span("b", "units", 2, 6)]
    html_text = render_text("abcdef", spans)
    assert html_text.count("<mark") == 3
    assert re.sub(r"<[^>]+>", "", html_text) == "abcdef"
