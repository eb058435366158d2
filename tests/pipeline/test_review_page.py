"""The review page (pipeline/review.py): highlights, overlaps, escaping, self-containment."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.extract import extract_file
from pipeline.review import Span, collect_facts, group_facts, header_value, render_review, render_text
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
    # facts of one value are one line of the panel, which links every span of every one of them
    linked = [t for ts in re.findall(r'data-targets="([^"]+)"', page) for t in ts.split()]
    assert sorted(linked) == sorted(s.id for f in facts for s in f.spans) and len(record.dates) >= 1
    for target in linked:
        assert f'id="{target}"' in page  # every fact in the panel has its span in the text
    for kind in ("dates", "conferences"):
        assert f'class="k-{kind}' in page or not getattr(record, kind)


def test_review_render_text_splits_at_every_boundary():
    spans = [Span("a", "dates", 0, 4), Span("b", "units", 2, 6)]
    html_text = render_text("abcdef", spans)
    assert html_text.count("<mark") == 3
    assert re.sub(r"<[^>]+>", "", html_text) == "abcdef"


def test_review_values_read_as_a_person_writes_them_never_as_python_reprs():
    record = extract_file(SEED)
    page = render_review(record)
    for repr_ in ("Recipient(", "Signer(", "Evidence(", "TimeValue(", "evidence=["):
        assert repr_ not in page
    recipients = header_value("recipients", record.document.recipients)
    assert record.document.recipients and record.document.recipients[0].name in recipients
    text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"
    record = _record(text, citations=[{"type": "Luật", "title": "Luật Tổ chức chính quyền địa phương",
                                       "date": {"text": "ngày 19/6/2015", "value": "2015-06-19", "granularity": "day"},
                                       "basis": True, "evidence": _ev(text, 7, 41)}])
    page = render_review(record)
    assert "Luật Luật" not in page and "Luật Tổ chức chính quyền địa phương · ngày 2015-06-19" in page


def test_review_groups_facts_of_one_value_with_their_count_and_names_field_and_role_on_hover():
    text = "Báo cáo trước ngày 15/7/2024. Gửi Sở Nội vụ trước ngày 15/7/2024. Sở Nội vụ chủ trì."
    at = [i for i in range(len(text)) if text.startswith("15/7/2024", i)]
    unit = text.rindex("Sở Nội vụ")
    record = _record(text, dates=[{"text": "15/7/2024", "value": "2024-07-15", "granularity": "day",
                                   "role": "deadline", "evidence": _ev(text, a, a + 9)} for a in at],
                     units=[{"name": "Sở Nội vụ", "roles": ["lead"], "evidence": _ev(text, unit, unit + 9)}])
    groups = group_facts(collect_facts(record)[0])
    assert [(g.kind, len(g.facts)) for g in groups] == [("dates", 2), ("units", 1)]
    page = render_review(record)
    assert '<span class="count">×2</span>' in page
    assert 'title="Dates · deadline: 2024-07-15 (2024-07-15) · deadline"' in page
    assert 'title="Units · lead: Sở Nội vụ · lead"' in page


def test_review_lists_missing_header_fields_and_shows_repairs_as_notes_not_alarms():
    text = "Kế hoạch tổ chức hội nghị"
    record = _record(text, warnings=["skipped 21 junk bytes before %PDF", "page 2: little text and no OCR"])
    page = render_review(record)
    assert "Header fields not found: type, number, code, issuer, place, issued, title, signer, recipients" in page
    assert '<div class="notice">ℹ skipped 21 junk bytes' in page
    assert '<div class="warn">⚠ page 2: little text and no OCR' in page


def test_review_has_a_toggle_per_kind_and_corrections_tools():
    page = render_review(extract_file(SEED))
    for kind in ("dates", "units", "conferences", "awards"):
        assert f'<input type="checkbox" checked data-kind="{kind}">' in page
        assert f"body.hide-{kind} mark.k-{kind}{{background:none}}" in page
    assert 'data-op="fix"' in page and 'data-op="delete"' in page and 'data-op="add"' in page
    assert 'data-op="save"' in page and ".corrections.json" in page
    # named after the record file (batch and index look there), not after the content doc_id
    assert f"as {SEED.stem}.corrections.json" in page and f'data-stem="{SEED.stem}"' in page
