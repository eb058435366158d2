"""The date of issue of a law or resolution that has no place-and-date line: its closing adoption sentence
("Nghị quyết này được ... thông qua ngày ..."), never the adoption of another document it cites."""
from __future__ import annotations

import pytest

from extractors.header import extract_header

BODY = "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Thông qua Đề án.\n\n"


@pytest.mark.parametrize("head, closing, issued", [
    ("Số: 214/NQ-HĐND\n\nNGHỊ QUYẾT\n\nVề việc thông qua Đề án phát triển du lịch",
     "Nghị quyết này đã được Hội đồng nhân dân tỉnh Hà Tĩnh khóa XVIII, Kỳ họp thứ 24 thông qua ngày 10 tháng 12 "
     "năm 2024 và có hiệu lực kể từ ngày 20 tháng 12 năm 2024.", "2024-12-10"),
    ("Số: 88/2025/QH15\n\nLUẬT\n\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI",
     "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày "
     "25 tháng 6 năm 2025.", "2025-06-25"),
    ("Số: 1702/NQ-UBTVQH15\n\nNGHỊ QUYẾT\n\nVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai",
     "*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 03/7/2025.*", "2025-07-03"),
    ("Số: 1710/NQ-UBTVQH15\n\nNGHỊ QUYẾT\n\nVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Sơn La",
     "Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XVthông qua ngày 12 tháng 6 năm 2025.", "2025-06-12"),
    ("Số: 05/NQ-ĐH\n\nNGHỊ QUYẾT\n\nĐẠI HỘI ĐẠI BIỂU HỘI NÔNG DÂN HUYỆN TÂN KỲ",
     "Nghị quyết này đã được Đại hội đại biểu Hội Nông dân huyện\nnhiệm kỳ 2023 - 2028 thông qua ngày 18 tháng 8 "
     "năm 2023.", "2023-08-18"),  # a sentence wrapped over two lines
])
def test_header_issued_from_adoption_sentence(head, closing, issued):
    text = f"{head}\n\n{BODY}{closing}\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT."
    h = extract_header(text)
    assert (h.issued.value if h.issued else None) == issued
    for ev in h.evidence.get("issued", []):
        assert text[ev.start:ev.end] == ev.text and ev.text.startswith("ngày")


@pytest.mark.parametrize("text", [
    # another type's adoption (a plan quoting the law it carries out)
    "Số: 45/KH-UBND\n\nKẾ HOẠCH\n\nTriển khai thi hành Luật Thi đua, khen thưởng\n\nLuật này được Quốc hội thông "
    "qua ngày 15 tháng 6 năm 2022, có hiệu lực từ ngày 01/01/2024.",
    # a cited resolution, not the document itself ("này" is missing)
    "Số: 30/NQ-HĐND\n\nNGHỊ QUYẾT\n\nVề chính sách hỗ trợ\n\nNghị quyết số 12/NQ-HĐND được Hội đồng nhân dân tỉnh "
    "thông qua ngày 08 tháng 7 năm 2021.",
    # a blank line between the document and the verb: two paragraphs, not one sentence
    "Số: 32/NQ-HĐND\n\nNGHỊ QUYẾT\n\nVề biên chế\n\nNghị quyết này được Hội đồng nhân dân tỉnh giám sát\n\n"
    "thông qua ngày 05/7/2022 các chỉ tiêu.",
    # the verb without a day
    "Số: 31/NQ-HĐND\n\nNGHỊ QUYẾT\n\nVề biên chế\n\nNghị quyết này được Hội đồng nhân dân tỉnh thông qua tại kỳ "
    "họp thứ 7 năm 2022.",
])
def test_header_adoption_sentence_of_another_document_gives_no_date(text):
    assert extract_header(text).issued is None


def test_header_place_date_line_wins_over_adoption_sentence():
    text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 19/NQ-HĐND\n\nBắc Kạn, ngày 12 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n\n"
            "Về dự toán ngân sách\n\n" + BODY
            + "Nghị quyết này đã được Hội đồng nhân dân tỉnh Bắc Kạn khóa X thông qua ngày 11 tháng 12 năm 2024.")
    assert extract_header(text).issued.value == "2024-12-12"
