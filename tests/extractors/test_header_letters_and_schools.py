"""Header: failure classes found on an independent set (dev3), with phrases of other documents too."""
from __future__ import annotations

import pytest

from extractors.header import extract_header

RUN_ON = ("UBND TỈNH NGHỆ AN SỞ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 512/SNV-TĐKT Nghệ An, ngày 12 tháng 3 "
          "năm 2021 Độc lập - Tự do - Hạnh phúc V/v hướng dẫn khen thưởng tổng kết năm 2020 Kính gửi: - Các sở, "
          "ban, ngành; Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003;")


def test_header_run_on_cong_van() -> None:
    h = extract_header(RUN_ON)
    assert h.type == "Công văn"
    assert h.title == "V/v hướng dẫn khen thưởng tổng kết năm 2020"
    assert h.place == "Nghệ An"
    assert h.issuer == "Sở Nội vụ tỉnh Nghệ An"
    assert h.parent_issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    assert h.issued.value == "2021-03-12"


@pytest.mark.parametrize("text,issuer", [
    ("UBND HUYỆN ĐỒNG PHÚ PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 45/PGDĐT\n\nKẾ HOẠCH\nTổ chức hội thi\n",
     "Phòng Giáo dục và Đào tạo huyện Đồng Phú"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỘI AN\nSố: 45/KH-UBND\n\nKẾ HOẠCH\nTổ chức hội thi\n",
     "Ủy ban nhân dân thành phố Hội An"),
])
def test_header_joined_parent_line(text: str, issuer: str) -> None:
    assert extract_header(text).issuer == issuer


@pytest.mark.parametrize("text,title", [
    ("Số: 01/KH-LĐ\n\nKẾ HOẠCH V/v tổ chức hội thi kể chuyện\nNăm học 2015 - 2016\nI/ Mục đích:\n- Giáo dục học sinh\n",
     "V/v tổ chức hội thi kể chuyện Năm học 2015 - 2016"),
    ("Số: 03/KH-THCS\n\nKẾ HOẠCH\nTổ chức ngày hội đọc sách\n1. Mục đích, yêu cầu\n", "Tổ chức ngày hội đọc sách"),
    ("Số: 03/KH-THCS\n\nKẾ HOẠCH\nPhong trào thi đua dạy tốt\n- Tăng cường nề nếp\n", "Phong trào thi đua dạy tốt"),
    ("Số: 25/KH-TH\n\nKẾ HOẠCH\n\nThực hiện nhiệm vụ năm học 2020 - 2021\n\nCăn cứ Quyết định số 5/QĐ-UBND;\n",
     "Thực hiện nhiệm vụ năm học 2020 - 2021"),
    ("Số: 25/KH-TH\n\nKẾ HOẠCH\n\nTriển khai Chương trình chuyển đổi số năm 2024\n\nCăn cứ Quyết định số 5/QĐ-UBND;\n",
     "Triển khai Chương trình chuyển đổi số năm 2024"),
])
def test_header_title_stops_before_body(text: str, title: str) -> None:
    assert extract_header(text).title == title


@pytest.mark.parametrize("text", [
    "Số: 25/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 3/1/2024 của UBND tỉnh, UBND xã xây dựng kế "
    "hoạch như sau:\n",
    "Số: 25/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện chỉ đạo của UBND huyện, UBND xã ban hành kế hoạch như sau:\n",
])
def test_header_body_sentence_not_title(text: str) -> None:
    assert extract_header(text).title is None
