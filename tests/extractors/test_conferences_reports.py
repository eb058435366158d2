"""Meetings a document records or organises without the thi đua words: the working session a notice of
conclusions reports (its day or span of days and place from the opening sentence), reviews organised as acts
("tổ chức sơ kết, tổng kết ..."), and a plan's meeting headings with their own "Thời gian / Địa điểm" lines.
Every phrase here is written for these tests; none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2025)


def _confs(text: str, ctx: DocContext = CTX) -> list[tuple]:
    return [(c.kind, c.time.value if c.time else None, c.duration, c.location) for c in extract_conferences(text, ctx)]


NOTICE_HEAD = """VĂN PHÒNG ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN
Số: 215/TB-VPUB
Ninh Thuận, ngày 20 tháng 3 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với {who}

"""


@pytest.mark.parametrize("opening, expected", [
    # a span of days, the province visited after "tại"
    ("Từ ngày 11 đến ngày 12 tháng 3 năm 2025 tại Lâm Đồng, Chủ tịch Ủy ban nhân dân tỉnh đã đi kiểm tra "
     "thực địa; thăm một số hộ dân và chủ trì buổi làm việc với Ban Thường vụ Huyện ủy về tình hình sản xuất.",
     ("other", "2025-03-11/2025-03-12", None, "Lâm Đồng")),
    # a session of a day, the place in the next clause
    ("Sáng ngày 14 tháng 3 năm 2025, tại trụ sở Sở Xây dựng, đồng chí Chủ tịch Ủy ban nhân dân tỉnh đã "
     "chủ trì buổi làm việc với Sở Xây dựng về tiến độ các dự án giao thông trọng điểm.",
     ("other", "2025-03-14", None, "trụ sở Sở Xây dựng")),
    # a day written with slashes, the span as "8 - 9"; no place: null
    ("Ngày 8 - 9/3/2025, Chủ tịch Ủy ban nhân dân tỉnh đã có buổi làm việc với lãnh đạo Công ty Điện lực "
     "về bảo đảm cung ứng điện mùa khô.",
     ("other", "2025-03-08/2025-03-09", None, None)),
])
def test_conferences_working_session_a_notice_reports(opening, expected) -> None:
    assert _confs(NOTICE_HEAD.format(who="các sở, ngành") + opening + "\nI. ĐÁNH GIÁ CHUNG\n") == [expected]


@pytest.mark.parametrize("title, opening, expected", [
    # the body says only "đã làm việc với": the title names the session, the opening dates it
    ("Kết luận của Bộ trưởng Bộ Nội vụ tại buổi làm việc với Ủy ban nhân dân tỉnh Gia Lai",
     "Trong hai ngày 18 - 19/3/2025, Bộ trưởng Bộ Nội vụ và đoàn công tác đã làm việc với Ủy ban nhân dân "
     "tỉnh Gia Lai về sắp xếp tổ chức bộ máy.", ("other", "2025-03-18/2025-03-19", None, None)),
    ("Ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp nghe báo cáo tiến độ giải ngân vốn đầu tư công",
     "Chiều ngày 25/3/2025, tại Phòng họp số 2, Chủ tịch Ủy ban nhân dân tỉnh đã nghe các sở báo cáo.",
     ("other", "2025-03-25", None, "Phòng họp số 2")),
    # a working visit of several sessions, named in the plural with their place ("tại các buổi làm việc tại ...")
    ("Ý kiến chỉ đạo của Phó Thủ tướng Chính phủ tại các buổi làm việc tại các công trình thủy lợi tỉnh Sơn La",
     "Ngày 14 tháng 8 năm 2025, Phó Thủ tướng Chính phủ đã kiểm tra thực tế và làm việc với Ủy ban nhân dân "
     "tỉnh Sơn La về tiến độ các công trình.", ("other", "2025-08-14", None, "các công trình thủy lợi tỉnh Sơn La")),
    ("Kết luận của Bộ trưởng Bộ Xây dựng tại những buổi làm việc tại Cần Thơ và Vĩnh Long",
     "Trong hai ngày 02 - 03/10/2025, Bộ trưởng Bộ Xây dựng đã đi kiểm tra các dự án cao tốc.",
     ("other", "2025-10-02/2025-10-03", None, "Cần Thơ và Vĩnh Long")),
])
def test_conferences_session_a_notice_title_names(title, opening, expected) -> None:
    text = NOTICE_HEAD.split("Kết luận")[0] + title + "\n\n" + opening + "\nI. ĐÁNH GIÁ CHUNG\n"
    assert _confs(text) == [expected]


def test_conferences_session_with_its_place_in_passing_is_no_meeting() -> None:
    # a bare session with its place, in a task and with no date of its own, is no meeting of the document
    text = "KẾ HOẠCH\nRà soát dự án năm 2025\nIII. TỔ CHỨC THỰC HIỆN\n" + (
        "1. Sở Xây dựng báo cáo kết quả tại buổi làm việc tại trụ sở Ủy ban nhân dân tỉnh.\n")
    assert _confs(text) == []


def test_conferences_session_named_in_passing_is_no_meeting() -> None:
    # a mention without a date or an act of the document: the tasks of a notice, not its session
    text = NOTICE_HEAD.format(who="huyện Bác Ái") + (
        "Qua báo cáo của các đơn vị, Chủ tịch kết luận như sau:\n"
        "1. Giao Sở Tài chính chủ trì, làm việc với Sở Nông nghiệp và Môi trường về nguồn vốn.\n"
        "2. Ủy ban nhân dân huyện báo cáo kết quả tại buổi làm việc tiếp theo.\n")
    assert _confs(text) == []


@pytest.mark.parametrize("sentence, kinds", [
    ("Sở Y tế tổ chức sơ kết, tổng kết việc thực hiện Đề án, báo cáo Ủy ban nhân dân tỉnh.",
     ["interim_review", "final_review"]),
    ("- Định kỳ hằng năm, Ban Chỉ đạo tiến hành sơ kết và tổng kết kết quả thực hiện Chương trình.",
     ["interim_review", "final_review"]),
    ("Các xã chủ động xây dựng kế hoạch; tổ chức sơ, tổng kết, rút kinh nghiệm kịp thời.",
     ["interim_review", "final_review"]),
    ("Cuối năm 2026, Sở Công Thương tổ chức tổng kết việc thực hiện Kế hoạch.", ["final_review"]),
])
def test_conferences_review_organised_as_an_act(sentence, kinds) -> None:
    text = "KẾ HOẠCH\nPhát triển thương mại điện tử năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n"
    assert sorted(k for k, *_ in _confs(text, DocContext(year=2026))) == sorted(kinds)


@pytest.mark.parametrize("sentence", [
    "Báo cáo sơ kết, tổng kết gửi về Sở Nội vụ trước ngày 15/12/2026.",  # a report, not a review held
    "Thực hiện công tác tổ chức sơ kết, tổng kết theo hướng dẫn.",  # a topic ("công tác tổ chức")
    "Căn cứ Kế hoạch số 12/KH-UBND về tổ chức tổng kết phong trào thi đua.",  # a citation
    "Tổng kết năm 2025, toàn tỉnh có 120 tập thể được khen thưởng.",  # a report's sentence opens with it
])
def test_conferences_review_act_needs_an_act_of_the_document(sentence) -> None:
    text = "KẾ HOẠCH\nPhát triển thương mại điện tử năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n"
    assert _confs(text, DocContext(year=2026)) == []


PLAN_WITH_TRAINING = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
KẾ HOẠCH
Phòng, chống dịch bệnh trên đàn gia súc giai đoạn 2026 - 2030
II. NỘI DUNG
1. Giám sát dịch bệnh
- Thời gian thực hiện: từ tháng 3 đến tháng 10 hằng năm.
2. Hội nghị tập huấn kỹ thuật phòng, chống dịch cho thú y cơ sở
- Nội dung: Hướng dẫn biện pháp tiêm phòng, tiêu độc khử trùng.
- Thành phần: Cán bộ thú y các xã, phường.
- Thời gian: {when}
- Địa điểm: {where}
III. KINH PHÍ
- Hội nghị tập huấn: 30.000.000 đồng/năm.
"""


@pytest.mark.parametrize("when, where, expected", [
    # "các xã" names many places and none by name: no location (the annotation guide's place or province)
    ("02 ngày/hội nghị.", "Tại các xã.", ("other", None, "P2D", None)),
    ("01 ngày/lớp.", "Hội trường Chi cục Chăn nuôi và Thú y.", ("other", None, "P1D",
                                                                 "Hội trường Chi cục Chăn nuôi và Thú y")),
    ("01 buổi, dự kiến trong tháng 4/2026.", "Tại tỉnh Hà Giang.", ("other", "2026-04", "PT4H", "Hà Giang")),
])
def test_conferences_meeting_heading_with_its_own_section(when, where, expected) -> None:
    text = PLAN_WITH_TRAINING.format(when=when, where=where)
    assert _confs(text, DocContext(year=2026)) == [expected]


def test_conferences_meeting_without_a_section_or_time_is_dropped() -> None:
    text = PLAN_WITH_TRAINING.split("2. Hội nghị")[0] + "III. KINH PHÍ\n- Hội nghị tập huấn: 30.000.000 đồng/năm.\n"
    assert _confs(text, DocContext(year=2026)) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Sở Nội vụ tổ chức Hội nghị tổng kết công tác thi đua năm 2025 tại Hội trường Ủy ban nhân dân tỉnh vào "
     "ngày 10/01/2026.", ("final_review", "2026-01-10", None, "Hội trường Ủy ban nhân dân tỉnh")),
    ("Ngày 22/12/2025 tại thành phố Cần Thơ, Liên đoàn Lao động tỉnh tổ chức Hội nghị tuyên dương "
     "điển hình tiên tiến.", ("exemplars", "2025-12-22", None, "Cần Thơ")),
])
def test_conferences_place_of_the_mentions_sentence(sentence, expected) -> None:
    assert _confs("KẾ HOẠCH\nCông tác năm 2026\n" + sentence + "\n", DocContext(year=2026)) == [expected]


def test_conferences_label_place_wins_over_the_sentence() -> None:
    text = ("KẾ HOẠCH\nTổ chức Hội nghị sơ kết công tác Đoàn tại Hội trường Tỉnh đoàn\n"
            "I. THỜI GIAN, ĐỊA ĐIỂM\n1. Thời gian: ngày 05/7/2026\n2. Địa điểm: Nhà văn hóa Thanh niên tỉnh\n")
    assert _confs(text, DocContext(year=2026)) == [("interim_review", "2026-07-05", None, "Nhà văn hóa Thanh niên tỉnh")]


@pytest.mark.parametrize("sentence", [
    # the date of the cited document, right after its number
    "- Tổ chức tổng kết 05 năm thực hiện Nghị quyết số 12-NQ/TU ngày 20 tháng 8 năm 2021 của Tỉnh ủy.",
    "Sở Tài chính tổ chức Hội nghị sơ kết việc thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
    # a deadline for the report, not the day of the review
    "Các đơn vị tổ chức tổng kết công tác năm và gửi báo cáo về Sở Nội vụ trước ngày 10/12/2026.",
])
def test_conferences_time_is_not_a_cited_date_nor_a_deadline(sentence) -> None:
    confs = _confs("KẾ HOẠCH\nCông tác năm 2026\n" + sentence + "\n", DocContext(year=2026))
    assert len(confs) == 1 and confs[0][1] is None


def test_conferences_heading_gives_its_time_after_a_colon() -> None:
    text = ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH PHÚ YÊN\nKẾ HOẠCH\n"
            "Tổ chức hội nghị hiệp thương giới thiệu người ứng cử đại biểu Hội đồng nhân dân tỉnh\n"
            "1. Hội nghị hiệp thương lần thứ nhất: tổ chức vào ngày 22/01/2026 tại Hội trường Ủy ban.\n"
            "2. Hội nghị hiệp thương lần thứ hai: dự kiến ngày 06/02/2026.\n")
    assert _confs(text, DocContext(year=2026)) == [("other", "2026-01-22", None, "Hội trường Ủy ban"),
                                                   ("other", "2026-02-06", None, None)]


@pytest.mark.parametrize("heading", [
    "1. Tổ chức 02 hội nghị tập huấn nghiệp vụ công tác văn thư, lưu trữ",
    "1. Tổ chức các hội nghị tập huấn nghiệp vụ công tác văn thư, lưu trữ",
])
def test_conferences_verb_with_a_count_anchors_the_meeting(heading) -> None:
    text = ("SỞ NỘI VỤ TỈNH TUYÊN QUANG\nKẾ HOẠCH\nBồi dưỡng nghiệp vụ năm 2026\nII. NỘI DUNG\n" + heading + "\n"
            "- Thời gian: Quý III/2026.\n- Địa điểm: Tại thành phố Tuyên Quang.\n- Thành phần: Văn thư các xã.\n")
    assert _confs(text, DocContext(year=2026)) == [("other", "2026-Q3", None, "Tuyên Quang")]


def test_conferences_online_session_is_at_its_first_bridge_point() -> None:
    text = ("VĂN PHÒNG BỘ CÔNG THƯƠNG\nTHÔNG BÁO\nKết luận của Bộ trưởng tại Phiên họp Ban Chỉ đạo chuyển đổi số\n\n"
            "Ngày 16 tháng 4 năm 2025, Bộ trưởng Bộ Công Thương chủ trì Phiên họp thứ ba của Ban Chỉ đạo chuyển đổi "
            "số của Bộ. Tại điểm cầu Trụ sở Bộ Công Thương có các Thứ trưởng; tại điểm cầu các Sở Công Thương có "
            "lãnh đạo các Sở.\n")
    assert _confs(text) == [("other", "2025-04-16", None, "Trụ sở Bộ Công Thương")]


def test_conferences_notice_title_joined_to_its_opening_line() -> None:
    # web-copied: no blank line between the title and the opening, the place on the next line
    text = ("**THÔNG BÁO**\nKẾT LUẬN CỦA BỘ TRƯỞNG BỘ Y TẾ TẠI CUỘC HỌP VỀ CÔNG TÁC PHÒNG, CHỐNG DỊCH\n"
            "SỐT XUẤT HUYẾT NĂM 2025\nNgày 14 tháng 7 năm 2025, tại\nTrụ sở Bộ Y tế, Bộ trưởng đã chủ trì cuộc họp về "
            "công tác phòng, chống dịch sốt xuất huyết.\n")
    assert _confs(text) == [("other", "2025-07-14", None, "Trụ sở Bộ Y tế")]


@pytest.mark.parametrize("title", [
    "Thực hiện Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với các sở, ngành",
    "Triển khai Ý kiến chỉ đạo của Bộ trưởng tại cuộc họp giao ban tháng 6",
])
def test_conferences_plan_following_up_another_meeting_records_none(title) -> None:
    text = ("ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ\nKẾ HOẠCH\n" + title + "\n\n"
            "Ngày 02/7/2025, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _confs(text) == []


def test_conferences_place_that_points_into_a_text_is_none() -> None:
    text = ("KẾ HOẠCH\nCông tác thi đua năm 2025\nII. NỘI DUNG\n"
            "1. Hội nghị tổng kết: dự kiến trong tháng 12/2025, chương trình tại Phụ lục II kèm theo.\n"
            "2. Hội nghị sơ kết: dự kiến trong tháng 7/2025, tại Hội trường Sở.\n")
    assert _confs(text) == [("final_review", "2025-12", None, None),
                            ("interim_review", "2025-07", None, "Hội trường Sở")]


def test_conferences_section_of_a_rule_about_meetings_is_no_meeting() -> None:
    # a decree's article on how such meetings are held: no time, no place of its own
    text = ("NGHỊ ĐỊNH\nQuy định xử lý kỷ luật\nĐiều 5. Họp kiểm điểm\n"
            "1. Tổ chức cuộc họp kiểm điểm theo quy định tại điểm a khoản 2 Điều này.\n"
            "2. Thành phần tham dự cuộc họp kiểm điểm\na) Toàn thể công chức của đơn vị.\n")
    assert _confs(text) == []


def test_conferences_opening_day_of_another_sentence_does_not_date_the_meeting() -> None:
    # the day opens the sentence before: the meeting in the next sentence has no date of its own
    text = ("KẾ HOẠCH\nCông tác dân vận năm 2025\n\nNgày 03/3/2025, Ban Dân vận ban hành Hướng dẫn số 7.\n"
            "Ban Dân vận chủ trì buổi làm việc với Mặt trận Tổ quốc về phối hợp tuyên truyền.\n")
    assert _confs(text) == []
