"""Header on OCR text of scans: garbled handwritten numbers, noisy place lines, signature stamps, lost "Nơi"."""
from __future__ import annotations

import pytest

from extractors.header import extract_header

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH {prov}\n{num}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "{place}\n\nQUYẾT ĐỊNH\n\nVề việc tặng Bằng khen\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n")


def _doc(num: str = "Số: 2871/QĐ-UBND", place: str = "Quảng Bình, ngày 24 tháng 10 năm 2022",
         prov: str = "QUẢNG BÌNH", tail: str = "") -> str:
    return _HEAD.format(num=num, place=place, prov=prov) + tail


@pytest.mark.parametrize("line, number, code", [
    ("Số: //đ# !QĐ-UBND", None, "QĐ-UBND"),            # handwritten number read as noise
    ("số:Z7ƒ /QĐ-UBND", None, "QĐ-UBND"),
    ("Số: |KH-UBND", None, "KH-UBND"),
    ("Số:  TB-UBND", None, "TB-UBND"),
    ("SỐ: 2871/QĐ-UBND", "2871", "QĐ-UBND"),
    ("số: 1530/QĐ-UBND", "1530", "QĐ-UBND"),
    ("Số: 2871⁄QĐ-UBND", "2871", "QĐ-UBND"),            # fraction slash
    ("Số: 2871/QÐ-UBND", "2871", "QĐ-UBND"),            # Icelandic Eth for Đ
    ("Số: 512/QD-UBND", "512", "QĐ-UBND"),              # the stroke of Đ lost
    ("Số: 77/HD-SNV", "77", "HD-SNV"),                  # "HD" is Hướng dẫn: never re-read as HĐ
    ("Số: 318/QĐĐ-UBND", "318", "QĐ-UBND"),            # a bold glyph read twice
    ("Số: 45/KHH-SGDĐT", "45", "KH-SGDĐT"),
    ("Số: 9/TTr-SNV", "9", "TTr-SNV"),                  # a real abbreviation is left as it is
    ("Số: Ẽr¿. /TTr-SYT", None, "TTr-SYT"),             # a blot read as letters that make no word
    ("Số:-. /CTLT - VNPT -CĐVNPT", None, "CTLT-VNPT-CĐVNPT"),  # a dash where the number is to be written
    ("Số: ký /QĐ-UBND", None, None),                    # a word there is no blot: nothing rather than a guess
])
def test_header_ocr_number_and_code(line, number, code):
    h = extract_header(_doc(num=line))
    assert (h.number, h.code) == (number, code)


def test_header_ocr_garbled_code_needs_a_type_abbreviation():
    # noise followed by something that is no document code gives nothing rather than a wrong code
    h = extract_header(_doc(num="Số: //đ# !ABC-XYZ"))
    assert h.code is None and h.number is None


@pytest.mark.parametrize("place_line, place, issued", [
    ("Quảng Bình, ngày {tháng 12 năm 2021", "Quảng Bình", "2021-12"),       # garbled day: never a stray digit
    ("Quảng Bình, ngày,4/Ƒtháng fnăm 2022", "Quảng Bình", "2022"),
    ("Hà Tĩnh, ngày ~ tháng 10 năm 2022", "Hà Tĩnh", "2022-10"),
    ("Nghệ An, ngàyZ4 tháng 3 năm 2023", "Nghệ An", "2023-03"),
    ("Quảng Trị. ngày 24 tháng 10 năm 2022", "Quảng Trị", "2022-10-24"),    # OCR read the comma as a period
    ("Quảng Bình, ngày24 tháng 10 năm 2022", "Quảng Bình", "2022-10-24"),
    ("Đồng Hới, ngày 24/10/2022", "Đồng Hới", "2022-10-24"),
    ("Quảng Bình, ngảy 24 thảng 10 nãm 2022", "Quảng Bình", "2022-10-24"),
])
def test_header_ocr_place_line(place_line, place, issued):
    h = extract_header(_doc(place=place_line))
    assert h.place == place
    assert h.issued is not None and h.issued.value == issued


@pytest.mark.parametrize("stamp, place_line, issued", [
    # the e-signature stamp fills the unreadable day; its misread year digit ("2032") is the written year
    ("Cơ quan:UBND tỉnh Quang Bình Giờ ký; 24/10/2032 15:17:35", "Quảng Bình, ngày,4/Ƒtháng fnăm 2022", "2022-10-24"),
    ("Người ký: Sở Nội vụ Thời gian ký: 05.06.2023 09:10:11", "Huế, ngày {tháng 6 năm 2023", "2023-06-05"),
    # a stamp that disagrees with the readable month is not used
    ("Ngày ký: 05/07/2023 09:10:11", "Huế, ngày {tháng 6 năm 2023", "2023-06"),
    # a stamp two digits off is another year: not used
    ("Giờ ký: 24/10/2041 15:17:35", "Quảng Bình, ngày {tháng 10 năm 2022", "2022-10"),
    # a readable day is never replaced by the stamp
    ("Giờ ký: 25/10/2022 15:17:35", "Quảng Bình, ngày 24 tháng 10 năm 2022", "2022-10-24"),
])
def test_header_ocr_signature_stamp(stamp, place_line, issued):
    h = extract_header(stamp + "\n\n" + _doc(place=place_line))
    assert h.issued.value == issued
    for ev in h.evidence["issued"]:
        assert ev.text is None or ev.text in (stamp + "\n\n" + _doc(place=place_line))


@pytest.mark.parametrize("noise", ["'\n\"m", "ọ\n", "'", "~~\n,"])
def test_header_ocr_signer_after_noise_without_noi(noise):
    tail = ("Điều 1. Công nhận 92 cơ quan.\n\nĐiều 2. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "nhận:\n- Như Điều 2;\n- Lưu: VT, NCVX.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" + noise + "\nHồ Văn Lâm\n\n"
            "DANH SÁCH\n\n1. Ban Dân tộc tỉnh;\n\n2. Báo tỉnh ./.\n")
    h = extract_header(_doc(tail=tail))
    assert h.signer is not None and h.signer.name == "Hồ Văn Lâm"
    assert h.signer.authority == "KT."


@pytest.mark.parametrize("name, fixed", [
    ("Nguyên Hoàng Anh", "Nguyễn Hoàng Anh"),
    ("Trân Văn Bình", "Trần Văn Bình"),
    ("Pham Thị Thu", "Phạm Thị Thu"),
    ("Lê Văn Lâm", "Lê Văn Lâm"),
])
def test_header_ocr_signer_family_name_tone(name, fixed):
    tail = f"\nĐiều 3. Thi hành./.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n{name}\n"
    assert extract_header(_doc(tail=tail)).signer.name == fixed
