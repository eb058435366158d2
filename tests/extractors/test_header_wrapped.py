"""Header lines wrapped by web copies and narrow header cells: the place-and-date line broken anywhere, the
value of "Số:" on the next line, a code broken after its hyphen, and a Công văn whose code looks like a type."""
from __future__ import annotations

import pytest

from extractors.header import extract_header

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def _grounded(text, h):
    for field, evs in h.evidence.items():
        for ev in evs:
            assert text[ev.start:ev.end] == ev.text, field


@pytest.mark.parametrize("place_line, place, issued", [
    ("*Thành phố Hồ\nChí Minh, ngày 19 tháng 11 năm 2025*", "Thành phố Hồ Chí Minh", "2025-11-19"),
    ("*Đà\nNẵng, ngày 05 tháng 02 năm 2024*", "Đà Nẵng", "2024-02-05"),
    ("Phú Yên, ngày\n14 tháng 8 năm 2023", "Phú Yên", "2023-08-14"),
    ("*Lào Cai,\nngày 30 tháng 6 năm 2025*", "Lào Cai", "2025-06-30"),
    ("Thị xã Sơn\nTây, ngày 03 tháng\n9 năm 2022", "Thị xã Sơn Tây", "2022-09-03"),
    ("Bến Tre, ngày 21 tháng 12\nnăm 2020", "Bến Tre", "2020-12-21"),
    # a block break between the two words of a place name (a DOCX cell's lines as paragraphs)
    ("Bắc\n\nGiang, ngày 05 tháng 4 năm 2022", "Bắc Giang", "2022-04-05"),
    ("Hội An\n\nQuảng Nam, ngày 05 tháng 4 năm 2022", "Quảng Nam", "2022-04-05"),
])
def test_header_place_and_date_wrapped_over_lines(place_line, place, issued):
    text = f"ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\n{MOTTO}\nSố: 41/KH-UBND\n{place_line}\n\nKẾ HOẠCH\nTổ chức Ngày hội\n\nThực hiện"
    h = extract_header(text)
    assert (h.place, h.issued.value if h.issued else None) == (place, issued)
    _grounded(text, h)


def test_header_place_line_never_takes_the_issuer_line_above():
    text = f"SỞ Y TẾ\nTRUNG TÂM Y TẾ\nHUYỆN KỲ ANH\nSố: 12/KH-TTYT\nKỳ Anh, ngày 02 tháng 3 năm 2024\n\nKẾ HOẠCH\nTiêm chủng\n"
    h = extract_header(text)
    assert h.place == "Kỳ Anh"


@pytest.mark.parametrize("number_line, number, code", [
    ("Số:\n86/2025/QĐ-UBND", "86", "2025/QĐ-UBND"),
    ("Số: 3783/QĐ-\nUBND", "3783", "QĐ-UBND"),
    ("Số: 215/KH-\nSGDĐT", "215", "KH-SGDĐT"),
    ("Số: 77/BC-\nUBND-VX", "77", "BC-UBND-VX"),
])
def test_header_number_on_the_next_line_and_code_wrapped_after_hyphen(number_line, number, code):
    text = f"ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n{number_line}\n{MOTTO}\nPhú Thọ, ngày 01 tháng 4 năm 2025\n\nKẾ HOẠCH\nX\n"
    h = extract_header(text)
    assert (h.number, h.code) == (number, code)
    _grounded(text, h)


@pytest.mark.parametrize("code", ["CT-QLDN", "TB-VP", "KH-TC", "CT-TTHT"])
def test_header_cong_van_by_its_vv_line_not_by_a_type_symbol_in_its_code(code):
    text = (f"BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nSố: 902/{code}\nV/v hướng dẫn thủ tục hoàn thuế\n{MOTTO}\n"
            f"Hà Nội, ngày 12 tháng 3 năm 2025\n\nKính gửi: Chi cục Hải quan khu vực II.\n\nCục Hải quan nhận được")
    h = extract_header(text)
    assert h.type == "Công văn"
    assert h.title == "V/v hướng dẫn thủ tục hoàn thuế"
    _grounded(text, h)


@pytest.mark.parametrize("vv", ["VXv", "VX%v", "V|v", "V\\v", "Vx v", "VW", "V%"])
def test_header_cong_van_vv_with_the_italic_slash_misread_by_ocr(vv):
    text = (f"SỞ TÀI CHÍNH\nTỈNH ĐỒNG THÁP\nSố: 1457/STC-NS\n{vv} hướng dẫn lập dự toán năm 2026\n{MOTTO}\n"
            f"Đồng Tháp, ngày 04 tháng 7 năm 2025\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nThực hiện")
    h = extract_header(text)
    assert (h.type, h.title) == ("Công văn", "V/v hướng dẫn lập dự toán năm 2026")
    _grounded(text, h)


def test_header_line_opening_with_v_and_a_letter_is_no_vv():
    text = (f"BAN CHỈ ĐẠO\nSố: 12/KH-BCĐ\n{MOTTO}\nCà Mau, ngày 02 tháng 5 năm 2025\n\nKẾ HOẠCH\n"
            "Tổ chức tuyên truyền phòng, chống ma túy\n\nVX vẫn là chữ viết tắt của đơn vị.\nVWF là tên quỹ.")
    assert extract_header(text).type == "Kế hoạch"


@pytest.mark.parametrize("printed, title", [
    ("TRIỂN KHAI CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI\nNĂM 2025 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ",
     "Triển khai công tác phòng, chống thiên tai năm 2025 trên địa bàn tỉnh Quảng Trị"),
    ("THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTG NGÀY 12/3/2024 CỦA THỦ TƯỚNG CHÍNH PHỦ",
     "Thực hiện Chỉ thị số 05/CT-TTG ngày 12/3/2024 của Thủ tướng Chính phủ"),
    ("TỔ CHỨC ĐẠI HỘI THI ĐUA YÊU NƯỚC LẦN THỨ VI CỦA CÔNG TY VNPT",
     "Tổ chức đại hội thi đua yêu nước lần thứ VI của công ty VNPT"),
    ("CÔNG BỐ THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ Y TẾ",
     "Công bố thủ tục hành chính thuộc phạm vi quản lý của Bộ Y tế"),
    ("Tổ chức Hội thi Giáo viên dạy giỏi cấp huyện", "Tổ chức Hội thi Giáo viên dạy giỏi cấp huyện"),
])
def test_header_title_sentence_case(printed, title):
    text = f"ỦY BAN NHÂN DÂN\nHUYỆN ĐẠI LỘC\nSố: 9/KH-UBND\n{MOTTO}\nĐại Lộc, ngày 3 tháng 1 năm 2025\n\nKẾ HOẠCH\n{printed}\n\nThực hiện"
    h = extract_header(text)
    assert h.title == title
    _grounded(text, h)


@pytest.mark.parametrize("top, issuer", [
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 44/KH-UBND | Hà Giang, ngày 2 tháng 5 năm 2024 |",
     "Ủy ban nhân dân tỉnh Hà Giang"),
    ("|SỞ NÔNG NGHIỆP VÀ PTNT     |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM    |\n|CHI CỤC THỦY LỢI       |Độc lập - Tự do - "
     "Hạnh phúc    |\n|Số:  8/KH-CCTL     |Yên Bái, ngày 2 tháng 5 năm 2024    |", "Chi cục Thủy lợi"),
    ("TRƯỜNG ĐẠI HỌC VINH / PHÒNG ĐÀO TẠO / | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc /\n"
     "Số: 3/KH-PĐT | Vinh, ngày 2 tháng 5 năm 2024", "Phòng Đào tạo"),
])
def test_header_table_drawn_with_pipes_and_slashes(top, issuer):
    text = f"{top}\n\nKẾ HOẠCH\nKiểm tra nội bộ năm học 2024 - 2025\n\nThực hiện"
    h = extract_header(text)
    assert h.issuer.lower() == issuer.lower()  # the case of a department's name is the names module's
    assert h.issued.value == "2024-05-02" and h.title == "Kiểm tra nội bộ năm học 2024 - 2025"
    _grounded(text, h)


HEAD = f"ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC\n{MOTTO}\nSố: 7/QĐ-UBND\nPhú Lộc, ngày 9 tháng 9 năm 2024\n\nQUYẾT ĐỊNH\nVề việc khen thưởng\n\n"


@pytest.mark.parametrize("ending, name", [
    # the name after the signature image's mark, in the right column of the recipients' last line
    ("Nơi nhận:                                        CHỦ TỊCH\n- Như Điều 3;\n- Lưu: VT.\n\n"
     "      (Đã ký)                                      Lò Văn Thắm", "Lò Văn Thắm"),
    ("Nơi nhận:                                   KT. CHỦ TỊCH\n- Như Điều 3;              PHÓ CHỦ TỊCH\n"
     "- Lưu: VT, VX.                              Đinh Thị Hoa", "Đinh Thị Hoa"),
    # minutes signed by the secretary and the chair
    ("THƯ KÝ                                   CHỦ TỌA\n\nVi Văn Sáng                               Mạc Thị Duyên",
     "Vi Văn Sáng"),
])
def test_header_signer_in_columns_and_after_signature_mark(ending, name):
    text = HEAD + "Điều 1. Khen thưởng 02 tập thể.\nĐiều 2. Quyết định có hiệu lực từ ngày ký./.\n\n" + ending
    h = extract_header(text)
    assert h.signer is not None and h.signer.name == name
    _grounded(text, h)


def test_header_signer_of_the_document_not_of_an_annex_form():
    text = (HEAD + "Điều 1. Ban hành kèm theo Quyết định này mẫu biên bản.\nĐiều 2. Hiệu lực từ ngày ký./.\n\n"
            "CHỦ TỊCH\n\nHà Văn Lực\n\n\nMẫu số 02\nBIÊN BẢN HỌP\n(Ký, ghi rõ họ tên)\nKính trình./.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTHỦ TRƯỞNG ĐƠN VỊ\n(Ký, đóng dấu)\n")
    h = extract_header(text)
    assert h.signer is not None and h.signer.name == "Hà Văn Lực"


@pytest.mark.parametrize("line, want", [
    ("Kế hoạch số 12/KH-SYT ngày 03/4/2019 của Sở Y tế tỉnh Bình Phước về việc tổ chức Tháng hành động vì "
     "an toàn thực phẩm", ("Kế hoạch", "12", "KH-SYT", "2019-04-03", "Sở Y tế tỉnh Bình Phước",
                           "Về việc tổ chức Tháng hành động vì an toàn thực phẩm")),
    ("Hướng dẫn số 7/HD-LĐLĐ ngày 15 tháng 02 năm 2016 của Liên đoàn Lao động tỉnh Kon Tum về tổ chức phong trào "
     "thi đua lao động giỏi", ("Hướng dẫn", "7", "HD-LĐLĐ", "2016-02-15", "Liên đoàn Lao động tỉnh Kon Tum",
                               "Về tổ chức phong trào thi đua lao động giỏi")),
])
def test_header_web_copy_that_opens_with_its_own_citation(line, want):
    text = f"{line}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Đẩy mạnh phong trào thi đua trong toàn tỉnh.\n"
    h = extract_header(text)
    assert (h.type, h.number, h.code, h.issued.value, h.issuer, h.title) == want
    _grounded(text, h)


def test_header_citation_line_ignored_under_a_header_block():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 5/KH-UBND\nKon Tum, ngày 2 tháng 1 năm 2020\n\nKẾ HOẠCH\nThi đua\n\n"
            "Thực hiện Kế hoạch số 12/KH-SYT ngày 03/4/2019 của Sở Y tế tỉnh Kon Tum về việc tổ chức Tháng hành động")
    h = extract_header(text)
    assert (h.number, h.code, h.issuer) == ("5", "KH-UBND", "Ủy ban nhân dân tỉnh Kon Tum")


@pytest.mark.parametrize("printed, title", [
    ("Ý KIẾN KẾT LUẬN CỦA PHÓ THỦ TƯỚNG LÊ THÀNH LONG TẠI BUỔI LÀM VIỆC VỚI TỈNH CAO BẰNG",
     "Ý kiến kết luận của Phó Thủ tướng Lê Thành Long tại buổi làm việc với tỉnh Cao Bằng"),
    ("BÃI BỎ QUYẾT ĐỊNH SỐ 21/2019/QĐ-UBND CỦA ỦY BAN NHÂN DÂN TỈNH",
     "Bãi bỏ Quyết định số 21/2019/QĐ-UBND của Ủy ban nhân dân tỉnh"),
])
def test_header_title_sentence_case_keeps_names_and_bodies(printed, title):
    text = f"VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\n{MOTTO}\nHà Nội, ngày 3 tháng 1 năm 2025\n\nTHÔNG BÁO\n{printed}\n\nNgày"
    assert extract_header(text).title == title


def test_header_upper_case_title_ends_where_glued_prose_starts():
    text = ("TRƯỜNG TIỂU HỌC AN BÌNH\n" + MOTTO + "An Bình, ngày 28 tháng 5 năm 2019\nBIÊN BẢN\nHỌP XÉT THI ĐUA "
            "CUỐI NĂM HỌC 2018 - 2019Hôm nay, lúc 15 giờ, tại phòng họp nhà trường đã tổ chức họp xét thi đua.\n")
    h = extract_header(text)
    assert h.title == "Họp xét thi đua cuối năm học 2018 - 2019"
    _grounded(text, h)


def test_header_place_stops_at_an_upper_case_column_merged_into_its_line():
    text = ("CÔNG ĐOÀN CƠ SỞ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBƯU ĐIỆN TỈNH Độc lập - Tự do - Hạnh phúc\n"
            "BƯU ĐIỆN - NINH THUẬN Ninh Thuận, ngày 5 tháng 3 năm 2022\n\nKẾ HOẠCH\nThi đua\n\nThực hiện")
    assert extract_header(text).place == "Ninh Thuận"


def test_header_signer_merged_into_the_last_recipient_line():
    text = (HEAD + "Điều 1. Khen thưởng.\nĐiều 2. Hiệu lực từ ngày ký./.\n\nNơi nhận: KT. CHỦ TỊCH\n- Như Điều 2; "
            "PHÓ CHỦ TỊCH\n- Lưu: VT, TH. Lường Văn Puôn\n")
    h = extract_header(text)
    assert h.signer is not None and h.signer.name == "Lường Văn Puôn"


@pytest.mark.parametrize("line", ["Yên Bái, ngày Úf tháng Ệ năm 2021", "Yên Bái, ngày ~ tháng 7ƒ năm 2021"])
def test_header_place_kept_when_ocr_blots_a_handwritten_day_and_month(line):
    text = f"ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 81/QĐ-UBND\n{MOTTO}\n{line}\n\nQUYẾT ĐỊNH\nVề việc khen thưởng\n\nCăn cứ"
    h = extract_header(text)
    assert (h.place, h.issued.value) == ("Yên Bái", "2021")  # the day and month are unknown, never guessed


def test_header_number_never_taken_from_a_decision_cited_in_the_title():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n" + MOTTO + "\nHà Nam, ngày 2 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\n"
            "BÃI BỎ QUYẾT ĐỊNH SỐ 15/2017/QĐ-UBND NGÀY 21/3/2017 CỦA ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật")
    h = extract_header(text)
    assert (h.number, h.code) == (None, None)


@pytest.mark.parametrize("number_line, code", [("Số: …/ĐA", "ĐA"), ("Số: ......./KH-ĐTN", "KH-ĐTN"),
                                               ("Số: ___/QĐ-UBND", "QĐ-UBND")])
def test_header_blank_number_to_fill_in_gives_the_code_only(number_line, code):
    text = f"ĐOÀN TNCS HỒ CHÍ MINH\nBCH TỈNH ĐOÀN LÂM ĐỒNG\n{number_line}\n\nKẾ HOẠCH\nTổ chức Ngày hội\n\nI. MỤC ĐÍCH"
    h = extract_header(text)
    assert (h.number, h.code) == (None, code)


def test_header_place_line_with_its_date_laid_out_apart():
    text = ("UBND TỈNH SÓC TRĂNG\nSỞ CÔNG THƯƠNG\nSố:\n/BC-SCT\n\n" + MOTTO + "\ntháng\nnăm 2023\nBÁO CÁO\n\n"
            "Sóc Trăng, ngày\n\nTình hình sản xuất công nghiệp quý III năm 2023\n\nThực hiện Công văn số 12")
    h = extract_header(text)
    assert (h.place, h.issued.value, h.code) == ("Sóc Trăng", "2023", "BC-SCT")
    assert h.title == "Tình hình sản xuất công nghiệp quý III năm 2023"
    _grounded(text, h)


def test_header_title_goes_on_over_a_blank_line_when_a_number_continues_its_phrase():
    text = ("SỞ NỘI VỤ\nSố: 15/TTr-SNV\nĐiện Biên, ngày 3 tháng 3 năm 2023\n\nTỜ TRÌNH\n\nV/v đề nghị tặng Cờ thi đua cho "
            "các tập thể có thành tích trong\n\n5 năm thực hiện phong trào thi đua\n\nThực hiện Kế hoạch số 2")
    assert extract_header(text).title == ("V/v đề nghị tặng Cờ thi đua cho các tập thể có thành tích trong 5 năm "
                                          "thực hiện phong trào thi đua")


@pytest.mark.parametrize("lines, place, issued", [
    ("Hà Giang ngày 04 tháng 12 năm 2025", "Hà Giang", "2025-12-04"),
    ("09 tháng 10 năm 2025\n\nĐà Lạt, ngày", "Đà Lạt", "2025-10-09"),
])
def test_header_place_line_without_its_comma_or_with_its_date_above(lines, place, issued):
    text = f"ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 3/KH-UBND\n\n{MOTTO}\n\n{lines}\n\nKẾ HOẠCH\nDiễn tập\n\nThực hiện"
    h = extract_header(text)
    assert (h.place, h.issued.value) == (place, issued)
    _grounded(text, h)


def test_header_date_in_a_title_line_is_not_a_place_line():
    text = "SỞ Y TẾ\nSố: 3/KH-SYT\n\nKẾ HOẠCH\nTổ chức Ngày 20 tháng 11 năm 2025 tại tỉnh\n\nThực hiện"
    assert extract_header(text).place is None


@pytest.mark.parametrize("issuer_lines, issuer", [
    ("SỞ GIÁO DỤC VÀ\nĐÀO TẠO TỈNH NINH BÌNH |", "Sở Giáo dục và Đào tạo tỉnh Ninh Bình"),
    ("| HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nHUYỆN CAM LỘ |", "Hội đồng Thi đua - Khen thưởng huyện Cam Lộ"),
])
def test_header_issuer_drops_the_table_cell_edge_of_a_web_copy(issuer_lines, issuer):
    text = (f"{issuer_lines}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nĐộc lập - Tự do - Hạnh phúc |\n"
            "Số: 17/KH-SGDĐT |\nNinh Bình, ngày 03 tháng 3 năm 2023 |\n\nKẾ HOẠCH\nTổ chức Hội nghị\n\nThực hiện")
    h = extract_header(text)
    assert h.issuer == issuer
    _grounded(text, h)


@pytest.mark.parametrize("head,issuer,parent", [
    ("UBND THÀNH PHỐ HÀ\nNỘI\nTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Trung tâm Phục vụ hành chính công thành phố Hà Nội",
     "Ủy ban nhân dân thành phố Hà Nội"),
    ("UBND THÀNH PHỐ HỒ CHÍ\nMINH\nSỞ NỘI VỤ", "Sở Nội vụ Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN TỈNH THÁI\nNGUYÊN", "Ủy ban nhân dân tỉnh Thái Nguyên", None),
])
def test_header_province_name_wrapped_in_the_issuer_column(head: str, issuer: str, parent: str | None) -> None:
    h = extract_header(f"{head}\nSố: 15/QĐ-TTPV\n\nThái Bình, ngày 21 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\n"
                       "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert (h.issuer, h.parent_issuer) == (issuer, parent)


@pytest.mark.parametrize("number_line,title", [
    ("Số: 5387/CT-CS v/v trả lời phản ánh kiến nghị", "V/v trả lời phản ánh kiến nghị"),
    ("Số: 912/TCT-KK v/v hướng dẫn kê khai thuế", "V/v hướng dẫn kê khai thuế"),
])
def test_header_lower_case_vv_after_the_code(number_line: str, title: str) -> None:
    h = extract_header(f"BỘ TÀI CHÍNH\nCỤC THUẾ\n{number_line}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                       "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 20 tháng 11 năm 2025\n\nKính gửi: Ông Lê Văn Bình\n")
    assert (h.type, h.title) == ("Công văn", title)
