"""The PDF backend's page-level layout rules (pipeline/backends/pdf_layout.py) on line geometry written here:
an A4 page (595 x 842 pt), a text column from 85 to 552 pt, 13 pt print, wrapped lines 4 pt apart and
paragraphs 10 pt apart, as an office's word processor lays out a Decree 30/2020 document."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from pipeline.backends.pdf_layout import (Box, continues_paragraph, drop_page_numbers, in_one_column, join_line_text,
                                          join_place_date, join_wrapped_items, paragraphs)

W, H = 595.3, 841.9
LEFT, RIGHT = 85.2, 552.2


@dataclass
class L:
    top: float
    bottom: float
    x0: float
    x1: float
    segments: list

    @property
    def text(self) -> str:
        return " ".join(s[2] for s in self.segments)


def line(text: str, top: float, x0: float = LEFT, x1: float = RIGHT, height: float = 13.0) -> L:
    return L(top, top + height, x0, x1, [(x0, x1, text)])


def centred(text: str, top: float, width: float, height: float = 14.0) -> L:
    mid = (LEFT + RIGHT) / 2
    return line(text, top, mid - width / 2, mid + width / 2, height)


# -- page numbers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["2", "- 3 -", "12", "4/9"])
def test_pdf_layout_page_number_at_the_top_is_dropped(number):
    body = [line("các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện Đông Hưng triển khai", 56 + 17 * k)
            for k in range(5)]
    num = line(number, 35, 312, 320)
    assert drop_page_numbers([num, *body], H, W) == body


def test_pdf_layout_page_number_at_the_bottom_flush_right_is_dropped():
    body = [line("Sở Giáo dục và Đào tạo tỉnh Lào Cai hướng dẫn các trường tổ chức bình xét", 60 + 17 * k)
            for k in range(5)]
    num = line("7", 790, 546, 552)
    assert drop_page_numbers([*body, num], H, W) == body


@pytest.mark.parametrize("text,top,x0,x1", [
    ("3", 400, 312, 320),         # a number in the middle of the page is text (a table cell, a count)
    ("3", 35, 85.2, 92),          # flush left at the top: a list's number, not furniture
    ("năm 2026", 35, 290, 340),   # not a lone number
])
def test_pdf_layout_lone_numbers_that_are_text_stay(text, top, x0, x1):
    body = [line("Ban Chỉ huy Quân sự xã Tân Phú phối hợp với Công an xã tổ chức", 56 + 17 * k) for k in range(3)]
    lines = sorted([line(text, top, x0, x1), *body], key=lambda x: x.top)
    assert drop_page_numbers(lines, H, W) == lines


def test_pdf_layout_page_number_above_a_table_only_page_is_dropped():
    num = line("5", 35, 312, 320)
    assert drop_page_numbers([num], H, W, [Box(85, 56, 552, 780)]) == []


# -- paragraphs ---------------------------------------------------------------------------------------------
def test_pdf_layout_centred_title_over_three_lines_is_one_paragraph():
    lines = [
        centred("KẾ HOẠCH", 124, 76),
        centred("TỔ CHỨC HỘI NGHỊ BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN TRONG PHONG", 148.5, 440),
        centred("TRÀO THI ĐUA XÂY DỰNG NÔNG THÔN MỚI TỈNH QUẢNG TRỊ", 167, 400),
        centred("GIAI ĐOẠN 2026 - 2030", 185.5, 170),
        line("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số", 210, LEFT + 28),
        line("152/2025/NĐ-CP ngày 20 tháng 6 năm 2025 của Chính phủ;", 227, LEFT, 420),
    ]
    assert paragraphs(lines) == [
        "KẾ HOẠCH",
        "TỔ CHỨC HỘI NGHỊ BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN TRONG PHONG TRÀO THI ĐUA XÂY DỰNG NÔNG THÔN MỚI TỈNH "
        "QUẢNG TRỊ GIAI ĐOẠN 2026 - 2030",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số 152/2025/NĐ-CP ngày 20 tháng 6 "
        "năm 2025 của Chính phủ;",
    ]


def test_pdf_layout_centred_lines_of_another_case_or_farther_apart_stay_apart():
    lines = [
        centred("QUYẾT ĐỊNH", 124, 90),
        centred("Về việc khen thưởng các tập thể có thành tích xuất sắc", 141, 330),   # other case, close
        centred("GIÁM ĐỐC SỞ NỘI VỤ", 180, 150),                                         # a paragraph gap
        line("Căn cứ Quyết định số 1285/QĐ-UBND ngày 02 tháng 7 năm 2025 của Ủy ban nhân", 210, LEFT + 28),
        line("dân tỉnh về việc quy định chức năng, nhiệm vụ của Sở Nội vụ;", 227, LEFT, 400),
    ]
    out = paragraphs(lines)
    assert out[:3] == ["QUYẾT ĐỊNH", "Về việc khen thưởng các tập thể có thành tích xuất sắc", "GIÁM ĐỐC SỞ NỘI VỤ"]


def test_pdf_layout_full_width_body_lines_are_not_a_centred_title():
    lines = [line("Ủy ban nhân dân xã Hòa Bình giao Văn phòng HĐND và UBND xã chủ trì,", 56, LEFT + 28),
             line("phối hợp với các ngành, đoàn thể xã tổ chức thực hiện Kế hoạch này.", 73, LEFT, RIGHT),
             line("Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan báo", 96, LEFT + 28)]
    assert len(paragraphs(lines)) == 2


@pytest.mark.parametrize("prev,nxt,joined", [
    ("thực hiện Nghị quyết số 68-", "NQ/TW ngày 04/5/2025", "thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025"),
    ("theo Nghị định số 98/2023/", "NĐ-CP của Chính phủ", "theo Nghị định số 98/2023/NĐ-CP của Chính phủ"),
    ("Thông tư số 12/2019/T", "T-BNV ngày", "Thông tư số 12/2019/TT-BNV ngày"),
    ("Công văn số 415/SGDĐT-", "VP ngày", "Công văn số 415/SGDĐT-VP ngày"),
    ("kể từ ngày 01/7/", "2026 trở đi", "kể từ ngày 01/7/2026 trở đi"),
    ("giai đoạn (2026-", "2030) của tỉnh", "giai đoạn (2026- 2030) của tỉnh"),   # a range keeps the writer's space
    ("Ban Thi đua -", "Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng tỉnh"),
    ("Kế hoạch số 40/KH", "UBND ngày", "Kế hoạch số 40/KH UBND ngày"),
])
def test_pdf_layout_code_broken_at_line_end_joins_without_space(prev, nxt, joined):
    assert join_line_text(prev, nxt) == joined


# -- a paragraph cut by the page break ----------------------------------------------------------------------
def test_pdf_layout_paragraph_goes_on_over_the_page_break():
    last = line("Phòng Văn hóa - Xã hội chủ trì, phối hợp với các trường học trên địa bàn tổ chức", 760)
    first = line("tuyên truyền, phổ biến nội dung phong trào thi đua đến học sinh, giáo viên.", 56, LEFT, 440)
    assert continues_paragraph(last, first, RIGHT, LEFT)


@pytest.mark.parametrize("last_text,last_x1,first_text,first_x0", [
    ("Thời gian hoàn thành trước ngày 30 tháng 9 năm 2026.", RIGHT, "Các đơn vị gửi báo cáo về Sở Nội vụ", LEFT),
    ("Phòng Kinh tế chủ trì tổng hợp kết quả thực hiện", 380, "gửi Ủy ban nhân dân xã trước ngày 15/12", LEFT),
    ("Phòng Kinh tế chủ trì tổng hợp kết quả thực hiện các chỉ tiêu", RIGHT,
     "Các đơn vị căn cứ Kế hoạch này xây dựng kế hoạch", LEFT + 28),          # a first-line indent
    ("Phòng Kinh tế chủ trì tổng hợp kết quả thực hiện các chỉ tiêu", RIGHT, "- Sở Tài chính bố trí kinh phí", LEFT),
    ("Phòng Kinh tế chủ trì tổng hợp kết quả thực hiện các chỉ tiêu", RIGHT, "III. TỔ CHỨC THỰC HIỆN", LEFT),
])
def test_pdf_layout_new_paragraph_after_the_page_break_stays_apart(last_text, last_x1, first_text, first_x0):
    assert not continues_paragraph(line(last_text, 760, LEFT, last_x1), line(first_text, 56, first_x0, 480),
                                   RIGHT, LEFT)


# -- the closing table --------------------------------------------------------------------------------------
def test_pdf_layout_wrapped_recipients_are_joined():
    lines = ["Nơi nhận:", "- Như Điều 3;", "- Thường trực Tỉnh ủy, Thường trực Hội đồng nhân", "dân tỉnh;",
             "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện", "Biên;", "- Lưu: VT, NC."]
    assert join_wrapped_items(lines) == [
        "Nơi nhận:", "- Như Điều 3;", "- Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh;",
        "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên;", "- Lưu: VT, NC."]


def test_pdf_layout_recipients_without_markers_stay_line_by_line():
    lines = ["Nơi nhận:", "Như trên", "Sở Nội vụ", "Lưu VT"]
    assert join_wrapped_items(lines) == lines


def test_pdf_layout_centred_heading_is_not_in_a_closing_column():
    mid, column_mid = W / 2, (LEFT + RIGHT) / 2
    assert not in_one_column(centred("PHỤ LỤC II", 480, 70), mid, column_mid, 15.0)
    # a type line set a little off the column's centre (a real report: "BÁO CÁO" 13 pt to the right)
    off = line("BÁO CÁO", 107, column_mid - 19, column_mid + 46)
    assert not in_one_column(off, mid, column_mid, 15.0)
    assert in_one_column(line("Nguyễn Thị Hồng Vân", 480, 370, 470), mid, column_mid, 15.0)
    assert in_one_column(line("- Lưu: VT, KGVX.", 480, LEFT, 180), mid, column_mid, 15.0)


@pytest.mark.parametrize("column,whole", [
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thành phố Hồ Chí Minh, ngày 09 tháng 4 năm",
      "2026"], "Thành phố Hồ Chí Minh, ngày 09 tháng 4 năm 2026"),
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bà Rịa - Vũng Tàu, ngày 30 tháng",
      "6 năm 2025"], "Bà Rịa - Vũng Tàu, ngày 30 tháng 6 năm 2025"),
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phú Thọ, ngày 02 tháng 01 năm 2026"],
     "Phú Thọ, ngày 02 tháng 01 năm 2026"),
])
def test_pdf_layout_place_date_wrapped_in_its_cell_is_joined(column, whole):
    out = join_place_date(column)
    assert out[:2] == column[:2] and out[2:] == [whole]


def test_pdf_layout_paragraph_opened_at_the_foot_of_a_page_is_joined_whole():
    """Page 1 ends with the first line of a paragraph (a paragraph gap above it); page 2 goes on with it."""
    from pipeline.backends.base import TextBuilder
    from pipeline.backends.pdf import Line, PageItems, PdfBackend

    def pl(text, top, x0=LEFT, x1=RIGHT):
        return Line(top, top + 13, x0, x1, [(x0, x1, text)])

    p1 = PageItems(1, W, H, items=[
        pl("1. Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Liên đoàn Lao động huyện", 649, LEFT + 28),
        pl("tổ chức hội thi giáo viên dạy giỏi cấp huyện năm học 2025 - 2026, hội thi", 666),
        pl("giáo viên chủ nhiệm giỏi và hội thi tin học trẻ dành cho học sinh các trường", 683),
        pl("trung học cơ sở trên địa bàn huyện;", 700, LEFT, 300),
        pl("2. Trung tâm Văn hóa - Thể thao huyện Yên Mô chủ trì tổ chức giải bóng đá thanh", 723, LEFT + 28)])
    p2 = PageItems(2, W, H, items=[
        pl("niên chào mừng Đại hội Đoàn các cấp, nhiệm kỳ 2027 - 2032, hoàn thành trong", 56),
        pl("tháng 10 năm 2026.", 73, LEFT, 200),
        pl("3. Văn phòng HĐND và UBND huyện tổng hợp kết quả, báo cáo Chủ tịch UBND huyện.", 96, LEFT + 28)])
    b = TextBuilder()
    PdfBackend()._emit(b, [p1, p2])
    texts = ["".join(b._parts)[x.start:x.end] for x in b.blocks]
    assert texts[0].endswith("trên địa bàn huyện;")
    assert texts[1] == ("2. Trung tâm Văn hóa - Thể thao huyện Yên Mô chủ trì tổ chức giải bóng đá thanh niên chào mừng "
                        "Đại hội Đoàn các cấp, nhiệm kỳ 2027 - 2032, hoàn thành trong tháng 10 năm 2026.")
    assert texts[2].startswith("3. Văn phòng")
