"""Citations on long lines: a "Căn cứ" inside a line runs to the next clause end, found from one index."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extractors.citations import _BASIS_INLINE, _CLAUSE_END, _basis_lines, extract_citations


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
