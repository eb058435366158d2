"""extractors.evidence.replace_at: characters replaced in place, the length and every other offset kept."""
from __future__ import annotations

import pytest

from extractors.evidence import replace_at


@pytest.mark.parametrize("text, positions, want", [
    ("Sở Nội vụ chủ trì,\nphối hợp với\nSở Tài chính", (18, 31), "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính"),
    ("trước\nngày 15/11/2025", [5, 5], "trước ngày 15/11/2025"),
    ("a\nb\nc", (3, 1), "a b c"),
    ("không đổi", (), "không đổi"),
    ("\nđầu và cuối\n", (0, 12), " đầu và cuối "),
    ("từ cuối\n", (-1,), "từ cuối "),
])
def test_evidence_replace_at_keeps_offsets(text, positions, want):
    out = replace_at(text, positions, " ")
    assert out == want and len(out) == len(text)


def test_evidence_replace_at_refuses_an_offset_past_the_end():
    with pytest.raises(IndexError):
        replace_at("ngày 15/7", (9,), " ")
