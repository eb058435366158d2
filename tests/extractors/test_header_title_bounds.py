"""Where a title (trích yếu) starts and ends (issue 10): a quoted name or a date range wrapped onto its own line,
a note "(Ban hành kèm theo ...)" and the first body sentence under an upper-case title, a Công văn's subject
wrapped over several lines or sharing its line with the place line, a title in capitals where the type line
was lost, and a decision's authority line run into the title's line."""
from __future__ import annotations

import pytest

from extractors.header import extract_header

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc"


def _grounded(text, h):
    for field, evs in h.evidence.items():
        for ev in evs:
            assert text[ev.start:ev.end] == ev.text, field


@pytest.mark.parametrize("lines, title", [
    ("Về việc ban hành Quy chế xét tặng Huy chương\n\n“Vì sự nghiệp Giáo dục”",
     "Về việc ban hành Quy chế xét tặng Huy chương “Vì sự nghiệp Giáo dục”"),
    ("Về việc tặng Kỷ niệm chương\n\n\"Vì thế hệ trẻ\" năm 2024", "Về việc tặng Kỷ niệm chương \"Vì thế hệ trẻ\" năm 2024"),
    ("Tổ chức kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam\n\n(14/10/1930 - 14/10/2025)",
     "Tổ chức kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam (14/10/1930 - 14/10/2025)"),
])
def test_header_title_goes_on_over_a_wrapped_quote_or_date_range(lines, title):
    text = f"BỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 12/QĐ-BGDĐT\n\n{MOTTO}\n\nHà Nội, ngày 3 tháng 6 năm 2024\n\nQUYẾT ĐỊNH\n\n{lines}\n\nBỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nCăn cứ Luật"
    h = extract_header(text)
    assert h.title == title
    _grounded(text, h)


@pytest.mark.parametrize("after", [
    "(Ban hành kèm theo Quyết định số 512/QĐ-BTC ngày 05 tháng 3 năm 2022 của Bộ trưởng Bộ Tài chính)\nNgày 10/01/2022, Bộ trưởng",
    "Ngày 10/01/2022, tại Hội nghị tổng kết công tác năm 2021, Bộ trưởng Bộ Tài chính đã phát động phong trào",
])
def test_header_upper_title_ends_at_a_note_or_the_first_sentence(after):
    text = f"KẾ HOẠCH\nTỔ CHỨC THỰC HIỆN PHONG TRÀO THI\nĐUA “NGÀNH TÀI CHÍNH CHUNG SỨC XÂY DỰNG NÔNG THÔN MỚI”, GIAI ĐOẠN 2022-2025\n{after} đã phát động.\nI. MỤC ĐÍCH"
    h = extract_header(text)
    assert h.title == "Tổ chức thực hiện phong trào thi đua “ngành tài chính chung sức xây dựng nông thôn mới”, giai đoạn 2022-2025"


@pytest.mark.parametrize("note, issuer", [
    ("(Ban hành kèm theo Quyết định số 512/QĐ-BTC ngày 05 tháng 3 năm 2022 của Bộ trưởng Bộ Tài chính)", "Bộ Tài chính"),
    ("(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 05/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh Gia Lai)",
     "Ủy ban nhân dân tỉnh Gia Lai"),
    ("(Ban hành kèm theo Quyết định số 781/QĐ-BNN-TCCB ngày 25 tháng 02 năm 2021 của Bộ trưởng Bộ Nông nghiệp và PTNT)",
     "Bộ Nông nghiệp và Phát triển nông thôn"),
])
def test_header_plan_issued_with_a_decision_takes_its_issuer(note, issuer):
    text = f"KẾ HOẠCH\nTỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2022\n{note}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Động viên"
    h = extract_header(text)
    assert (h.type, h.issuer, h.title) == ("Kế hoạch", issuer, "Tổ chức phong trào thi đua năm 2022")
    _grounded(text, h)


@pytest.mark.parametrize("block, title", [
    # the place line in the right column flattened onto the subject's first line
    ("Số: 61/CĐN\n\nV/v tổ chức các hoạt động chào mừng Ngày thành lập Thái Bình, ngày 02 tháng 8 năm 2023\n\n"
     "Công đoàn Việt Nam (28/7/1929 - 28/7/2023)",
     "V/v tổ chức các hoạt động chào mừng Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2023)"),
    # a subject wrapped over a block break, the place line apart
    ("Số: 415/SGDĐT-GDTrH Thái Bình, ngày 02 tháng 8 năm 2023\n\nV/v Hướng dẫn thực hiện nhiệm vụ\n\nGiáo dục thường xuyên năm học 2023-2024",
     "V/v Hướng dẫn thực hiện nhiệm vụ Giáo dục thường xuyên năm học 2023-2024"),
    ("Số: 415/SGDĐT-GDTrH\nV/v hướng dẫn công tác thi đua năm học 2023 - 2024\n\nThái Bình, ngày 02 tháng 8 năm 2023",
     "V/v hướng dẫn công tác thi đua năm học 2023 - 2024"),
])
def test_header_letter_subject_over_lines_and_beside_the_place_line(block, title):
    text = f"SỞ GIÁO DỤC VÀ ĐÀO TẠO THÁI BÌNH\n\n{MOTTO}\n\n{block}\n\nKính gửi: Các trường trung học phổ thông\n\nCăn cứ"
    h = extract_header(text)
    assert (h.type, h.title, h.place, h.issued.value) == ("Công văn", title, "Thái Bình", "2023-08-02")
    _grounded(text, h)


def test_header_upper_title_where_the_type_line_was_lost():
    text = ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH AN GIANG |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 7/KH-HĐTĐKT |\n"
            "Long Xuyên, ngày 12 tháng 02 năm 2025 |\nTỔ CHỨC HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN TỈNH AN GIANG NĂM 2025\n"
            "Thực hiện Luật Thi đua, khen thưởng, Hội đồng xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH")
    h = extract_header(text)
    assert (h.type, h.title) == ("Kế hoạch", "Tổ chức hội nghị điển hình tiên tiến tỉnh An Giang năm 2025")
    _grounded(text, h)


def test_header_about_line_in_a_cell_before_the_authority_line():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\nSố: 2210/QĐ-UBND | Yên Bái, ngày 10 tháng 10 năm 2019 | "
            "VỀ VIỆC BAN HÀNH QUY CHẾ HOẠT ĐỘNG CỦA HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI "
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    h = extract_header(text)
    assert h.title == "Về việc ban hành quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh"
    assert h.issuer == "Ủy ban nhân dân tỉnh Yên Bái"
    _grounded(text, h)


@pytest.mark.parametrize("type_line, type_, title", [
    ("THỂ LỆ\nCuộc thi tìm hiểu 95 năm Ngày thành lập Đảng", "Thể lệ", "Cuộc thi tìm hiểu 95 năm Ngày thành lập Đảng"),
    ("PHÂN CÔNG NHIỆM VỤ\nCÁC THÀNH VIÊN BAN CHỈ ĐẠO", "Phân công nhiệm vụ", "Các thành viên ban chỉ đạo"),
])
def test_header_heading_types_beyond_decree_30(type_line, type_, title):
    text = f"UBND TỈNH ĐIỆN BIÊN\nSỞ NỘI VỤ\n{MOTTO}\nĐiện Biên, ngày 05 tháng 3 năm 2025\n\n{type_line}\n\nCăn cứ Luật"
    h = extract_header(text)
    assert (h.type, h.title.lower(), h.issuer) == (type_, title.lower(), "Sở Nội vụ tỉnh Điện Biên")


def test_header_upper_title_keeps_its_last_line_when_prose_is_glued_to_it():
    text = ("UBND HUYỆN ĐAN PHƯỢNG\nTRƯỜNG TH TÂN HỘI\nBIÊN BẢN\nHỌP HỘI ĐỒNG THI ĐUA KHEN THƯỞNG\nNĂM HỌC 2023 - 2024Hôm nay, "
            "vào hồi 8 giờ ngày 20 tháng 5 năm 2024, tại phòng họp nhà trường đã tổ chức họp Hội đồng.\nI. THÀNH PHẦN")
    assert extract_header(text).title == "Họp hội đồng thi đua khen thưởng năm học 2023 - 2024"


@pytest.mark.parametrize("block, title_line, title", [
    ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 1502/QĐ-UBND", "QUYẾT ĐỊNH\n\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH "
     "LĨNH VỰC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH PHÚ YÊN CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
     "Về việc công bố danh mục thủ tục hành chính lĩnh vực thi đua, khen thưởng trên địa bàn tỉnh Phú Yên"),
    ("BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 7021/TB-CT", "THÔNG BÁO\n\nVỀ DANH SÁCH NGƯỜI NỘP THUẾ BỎ ĐỊA CHỈ KINH DOANH "
     "CỤC TRƯỞNG CỤC THUẾ", "Về danh sách người nộp thuế bỏ địa chỉ kinh doanh"),
    ("UBND TỈNH KIÊN GIANG\nBAN QUẢN LÝ KHU KINH TẾ\nSố: 45/QĐ-BQLKKT", "QUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH QUY CHẾ LÀM "
     "VIỆC TRƯỞNG BAN BAN QUẢN LÝ KHU KINH TẾ TỈNH KIÊN GIANG", "Về việc ban hành quy chế làm việc"),
])
def test_header_authority_line_run_onto_the_end_of_an_upper_title(block, title_line, title):
    text = f"{block}\n\n{MOTTO}\n\nHà Nội, ngày 04 tháng 9 năm 2025\n\n{title_line}\n\nCăn cứ Luật Tổ chức chính quyền."
    h = extract_header(text)
    assert h.title.lower() == title.lower()
    _grounded(text, h)


@pytest.mark.parametrize("title_line", [
    # a connector asks for the position: it is part of the subject
    "VỀ VIỆC ỦY QUYỀN CHO CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN",
    "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN",
    # a position over a body the header does not name
    "VỀ VIỆC KHEN THƯỞNG GIÁM ĐỐC CÔNG TY CỔ PHẦN MAY SÔNG HỒNG",
])
def test_header_upper_title_keeps_a_position_it_names(title_line):
    text = (f"ỦY BAN NHÂN DÂN\nHUYỆN GIAO THỦY\nSố: 88/QĐ-UBND\n\n{MOTTO}\n\nGiao Thủy, ngày 12 tháng 5 năm 2024\n\n"
            f"QUYẾT ĐỊNH\n\n{title_line}\n\nCăn cứ Luật Tổ chức chính quyền địa phương.")
    assert extract_header(text).title.lower() == title_line.lower()


@pytest.mark.parametrize("title_lines, after, title", [
    # OCR and PDF give each printed line of an upper-case title its own block
    ("VỀ VIỆC HỖ TRỢ KHẨN CẤP CÁC HỘ DÂN BỊ THIỆT HẠI DO BÃO SỐ 3\n\nTẠI CÁC TỈNH MIỀN NÚI PHÍA BẮC",
     "THỦ TƯỚNG CHÍNH PHỦ điện:", "Về việc hỗ trợ khẩn cấp các hộ dân bị thiệt hại do bão số 3 tại các tỉnh miền núi phía Bắc"),
    ("TỔ CHỨC HỘI THI TÌM HIỂU PHÁP LUẬT\n\nVỀ PHÒNG, CHỐNG MA TÚY NĂM 2025", "I. MỤC ĐÍCH, YÊU CẦU",
     "Tổ chức hội thi tìm hiểu pháp luật về phòng, chống ma túy năm 2025"),
    # ... but not into an authority line that names a body, nor into a heading
    ("BAN HÀNH QUY CHẾ XÉT TẶNG DANH HIỆU THI ĐUA", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH SƠN LA",
     "Ban hành quy chế xét tặng danh hiệu thi đua"),
    ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", "PHẦN I. ĐÁNH GIÁ CHUNG", "Kết quả thực hiện nhiệm vụ năm 2024"),
])
def test_header_upper_title_over_blank_lines(title_lines, after, title):
    text = (f"UBND TỈNH SƠN LA\nSỞ NỘI VỤ\nSố: 15/QĐ-SNV\n\n{MOTTO}\n\nSơn La, ngày 02 tháng 4 năm 2025\n\nQUYẾT ĐỊNH\n\n"
            f"{title_lines}\n\n{after}\n\nCăn cứ Luật Thi đua, khen thưởng;")
    h = extract_header(text)
    assert h.title.lower() == title.lower()
    _grounded(text, h)


def test_header_speck_after_the_type_word_is_no_title():
    text = (f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 1730/QĐ-TTg\n\n{MOTTO}\n\nHà Nội, ngày 12 tháng 8 năm 2025\n\nQUYẾT ĐỊNH “\n\n"
            "BAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA PHÒNG, CHỐNG THIÊN TAI\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Luật")
    assert extract_header(text).title.lower() == "ban hành kế hoạch thực hiện chiến lược quốc gia phòng, chống thiên tai"
