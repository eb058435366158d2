"""Citations on long lines: a "Căn cứ" inside a line runs to the next clause end, found from one index."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extractors.citations import _BASIS_INLINE, _CLAUSE_END, _Spans, _basis_lines, extract_citations


def _inline_by_search(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _BASIS_INLINE.finditer(text):
        e = _CLAUSE_END.search(text, m.end())
        out.append((m.start(), e.start() if e else len(text)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Căn cứ ", "Căn ", "Nghị định ", "x", ". ", ".", ";", "\n", " ", "\t"]),
                max_size=30))
def test_citations_inline_basis_spans_agree_with_a_search_per_mention(pieces: list[str]) -> None:
    text = "".join(pieces)
    inline = _inline_by_search(text)
    assert _basis_lines(text)[:len(inline)] == inline


def test_citations_basis_in_a_line_without_breaks() -> None:
    filler = "các đơn vị tiếp tục đẩy mạnh phong trào thi đua, " * 3000
    text = filler + "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ; " + filler
    assert [c.number for c in extract_citations(text) if c.basis] == ["98/2023/NĐ-CP"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=12), st.integers(0, 80))
def test_citations_span_index_agrees_with_a_scan(spans: list[tuple[int, int]], pos: int) -> None:
    spans = [(s, s + n) for s, n in spans]
    assert (pos in _Spans(spans)) == any(s <= pos < e for s, e in spans)


def test_citations_repeated_basis_lines_each_give_their_evidence() -> None:
    line = "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh về công tác thi đua; "
    (cit,) = extract_citations(line * 300)
    assert cit.number == "12/KH-UBND" and cit.basis and len(cit.evidence) == 300
