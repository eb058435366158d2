"""Property tests: every extractor and the normaliser, on arbitrary and on plan-like text.

Properties: no exception; a list (never None); evidence inside ``text`` and equal to what it points
at; every time value follows the contract's grammar (enforced by the TimeValue model); normalising
twice gives the same text. CI runs the small default profile; ``--hypothesis-profile=deep`` runs
10,000 examples per test.
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.context import DocContext
from extractors.header import build_context, extract_header
from extractors.normalize import normalize_text
from pipeline.kinds import KINDS
from schemas.record import VALUE_GRAMMAR, Evidence, TimeValue

# Plan-like fragments, recombined at random, reach far deeper into the rules than random characters.
FRAGMENTS = [
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ", "Số: /KH-UBND", "Số: 15/KH-BTĐKT",
    "Hà Nội, ngày 05 tháng 3 năm 2025", "ngày tháng năm 2024", "KẾ HOẠCH", "Tổ chức Hội nghị sơ kết",
    "Quý I", "Quý IV năm 2025", "6 tháng đầu năm", "cuối tháng 7 năm 2020", "giai đoạn 2021-2025",
    "(03/02/1930 - 03/02/2024)", "từ ngày 01/10/2021 đến hết ngày 31/12/2021", "27/7", "02 ngày", "01 buổi",
    "UBND tỉnh Lào Cai, Yên Bái, Hà Giang", "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ", "chỉ đạo",
    "Bằng khen của Chủ tịch UBND tỉnh", "Huân chương Lao động hạng Ba", "Cờ thi đua của Chính phủ",
    'phong trào thi đua "Cả nước chung tay vì người nghèo"', "cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
    "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp", "I\tQuý II", "1\tTổng kết\tSở Nội vụ\tCác sở",
    "Địa điểm: Tại tỉnh Cao Bằng", "Thời gian: 01 ngày, dự kiến tháng 9/2025", "Nơi nhận:", "- Như trên;",
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "trước ngày 15/12", "chậm nhất",
    "Đại hội Thi đua yêu nước lần thứ VI", "tuyên dương điển hình tiên tiến", "năm học 2024 - 2025", "/", "-",
]
SEPARATORS = [" ", "\n", "\n\n", "\t", "; ", ", ", ". "]
plan_text = st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(f + s for f, s in parts))
any_text = st.one_of(st.text(max_size=300), plan_text)
contexts = st.builds(DocContext, year=st.one_of(st.none(), st.integers(1945, 2100)),
                     province=st.sampled_from([None, "Hà Giang", "Cà Mau", "Thừa Thiên Huế"]))
EXTRACTORS = [k.extract for k in KINDS]  # every fact kind of the registry


def _check(obj: object, text: str) -> None:
    """Walk any schema object: evidence must reproduce the text, time values must follow the grammar."""
    if isinstance(obj, Evidence):
        assert 0 <= obj.start <= obj.end <= len(text)
        assert text[obj.start:obj.end] == obj.text
    elif isinstance(obj, TimeValue):
        assert VALUE_GRAMMAR[obj.granularity].fullmatch(obj.value)
    if isinstance(obj, (list, tuple)):
        for x in obj:
            _check(x, text)
    elif isinstance(obj, dict):
        for x in obj.values():
            _check(x, text)
    elif hasattr(obj, "__pydantic_fields__"):
        for name in obj.__pydantic_fields__:
            _check(getattr(obj, name), text)


@pytest.mark.parametrize("extract", EXTRACTORS, ids=lambda f: f.__name__)
@given(text=any_text, context=contexts)
def test_fuzz_extractor_returns_grounded_items(extract, text: str, context: DocContext) -> None:
    text = normalize_text(text)
    items = extract(text, context)
    assert isinstance(items, list)
    _check(items, text)


@given(text=any_text)
def test_fuzz_header_and_context_never_fail(text: str) -> None:
    text = normalize_text(text)
    header = extract_header(text)
    _check(header, text)
    ctx = build_context(text, header)
    assert ctx.year is None or 1900 <= ctx.year <= 2100


@given(text=st.text(max_size=500))
def test_fuzz_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
