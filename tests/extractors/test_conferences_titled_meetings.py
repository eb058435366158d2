"""The meeting a document's title names and the sentences that refer back to it ("Hội nghị sẽ được tổ chức vào
...", "Lễ kỷ niệm được tổ chức vào ..."); ceremonies and round tables named in a title; durations, places and
spans as plans and invitations write them. Every phrase here was written for these tests (other bodies, dates,
halls and wordings than any evaluation set)."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

NOTICE_MOVED = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NINH BÌNH
Số: 15/TB-SGDĐT
Ninh Bình, ngày 02 tháng 01 năm 2026
THÔNG BÁO
Về việc thay đổi thời gian tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm học 2024-2025
Do thay đổi lịch công tác của Lãnh đạo Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo thông báo thay đổi thời gian tổ chức Hội nghị như sau:
1. Hội nghị tổng kết công tác thi đua, khen thưởng năm học 2024-2025 không tổ chức vào ngày 06/01/2026.
2. Hội nghị sẽ được tổ chức vào lúc 08h00 ngày 12/01/2026 (thứ Hai) tại Hội trường B, Sở Giáo dục và Đào tạo (số 10 đường Lê Hồng Phong). Hội nghị diễn ra trong 01 buổi sáng.
3. Thành phần: giữ nguyên như Giấy mời.
"""

PLAN_BODY_SENTENCE = """CÔNG TY CỔ PHẦN MÍA ĐƯỜNG SƠN LA
Số: 44/KH-MĐSL
Sơn La, ngày 20 tháng 11 năm 2025
KẾ HOẠCH
Tổ chức Hội nghị biểu dương gương người lao động tiêu biểu năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Tôn vinh người lao động có thành tích xuất sắc.
II. THỜI GIAN, ĐỊA ĐIỂM
Hội nghị được tổ chức vào ngày 19/12/2025 tại Nhà văn hóa Công ty, thời lượng 02 giờ.
III. THÀNH PHẦN
Ban Giám đốc; Ban Chấp hành Công đoàn; 60 người lao động tiêu biểu.
"""

PLAN_ANNIVERSARY = """HỘI LIÊN HIỆP PHỤ NỮ TỈNH THÁI NGUYÊN
Số: 31/KH-HLHPN
Thái Nguyên, ngày 02 tháng 9 năm 2025
KẾ HOẠCH
Tổ chức Lễ kỷ niệm 95 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2025) và tuyên dương phụ nữ tiêu biểu
I. MỤC ĐÍCH
Ôn lại truyền thống của Hội.
II. THỜI GIAN, ĐỊA ĐIỂM
Lễ kỷ niệm được tổ chức vào 19 giờ 00, thứ Sáu, ngày 17/10/2025 tại Trung tâm Văn hóa tỉnh Thái Nguyên (số 8 đường Hoàng Văn Thụ).
III. PHÂN CÔNG
Các Hội cơ sở tổ chức Lễ kỷ niệm tại đơn vị vào ngày 20/10/2025.
"""

INVITATION_ROUND_TABLE = """BAN CHẤP HÀNH HỘI NÔNG DÂN TỈNH AN GIANG
Số: 112-GM/HNDT
An Giang, ngày 05 tháng 8 năm 2025
GIẤY MỜI
Dự Hội thảo "Chia sẻ kinh nghiệm xây dựng mô hình nông dân sản xuất, kinh doanh giỏi"
Ban Thường vụ Hội Nông dân tỉnh tổ chức Hội thảo "Chia sẻ kinh nghiệm xây dựng mô hình nông dân sản xuất, kinh doanh giỏi".
Trân trọng kính mời: Đồng chí Chủ tịch Hội Nông dân các huyện, thị xã, thành phố.
Thời gian: 01 buổi, từ 13 giờ 30 phút, ngày 21/8/2025.
Địa điểm: Hội trường Hội Nông dân tỉnh, số 5 đường Tôn Đức Thắng.
"""


def _one(text: str, year: int):
    confs = extract_conferences(text, DocContext(year=year))
    assert len(confs) == 1, [(c.kind, c.time) for c in confs]
    return confs[0]


@pytest.mark.parametrize("text,year,kind,time,duration,location", [
    (NOTICE_MOVED, 2026, "final_review", "2026-01-12", "PT4H", "Hội trường B"),
    (PLAN_BODY_SENTENCE, 2025, "exemplars", "2025-12-19", "PT2H", "Nhà văn hóa Công ty"),
    (PLAN_ANNIVERSARY, 2025, "other", "2025-10-17", None, "Trung tâm Văn hóa tỉnh Thái Nguyên"),
    (INVITATION_ROUND_TABLE, 2025, "experience_exchange", "2025-08-21", "PT4H", "Hội trường Hội Nông dân tỉnh"),
], ids=["moved-review", "body-sentence-exemplars", "anniversary-ceremony", "invitation-seminar"])
def test_conferences_titled_meeting_takes_the_time_and_place_of_its_sentences(text, year, kind, time, duration,
                                                                             location) -> None:
    conf = _one(text, year)
    assert (conf.kind, conf.time.value, conf.duration) == (kind, time, duration)
    assert conf.location is not None and conf.location.startswith(location)
    for ev in conf.evidence:
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("text", [
    # a list of activities names no meeting of the plan's own
    "KẾ HOẠCH\nTuyên truyền chuyển đổi số năm 2025\nI. NỘI DUNG\n1. Tổ chức các hội thảo, tọa đàm về chuyển đổi "
    "số trong tháng 10/2025.\n",
    # a ceremony the body asks others to hold
    "KẾ HOẠCH\nCông tác văn hóa năm 2025\nI. NHIỆM VỤ\n2. Các xã tổ chức Lễ kỷ niệm 80 năm Cách mạng Tháng Tám vào "
    "ngày 19/8/2025 tại trung tâm xã.\n",
    # a sports day is no seminar ("Hội thao" without the tone of "Hội thảo")
    "KẾ HOẠCH\nTổ chức Hội thao công nhân viên chức năm 2025\nI. THỜI GIAN\nHội thao được tổ chức vào ngày "
    "14/6/2025 tại Sân vận động huyện.\n",
])
def test_conferences_ceremonies_and_seminars_outside_a_title_are_not_meetings(text: str) -> None:
    assert extract_conferences(text, DocContext(year=2025)) == []


def test_conferences_back_reference_without_a_named_meeting_keeps_its_own_frame() -> None:
    text = "THÔNG BÁO\nLịch làm việc tuần\nHội nghị sẽ được tổ chức vào ngày 04/3/2026 tại Phòng họp số 2.\n"
    conf = _one(text, 2026)
    assert (conf.kind, conf.time.value, conf.location) == ("other", "2026-03-04", "Phòng họp số 2")


@pytest.mark.parametrize("value,duration", [
    ("02 buổi trong ngày 10/10/2025, mỗi buổi khoảng 03 giờ", "PT3H"),
    ("buổi chiều ngày 10/10/2025, từ 14 giờ 00 đến 17 giờ 00", None),
    ("buổi sáng ngày 10/10/2025, 07h30 - 11h00", None),
    ("buổi sáng ngày 10/10/2025", "PT4H"),
    ("ngày 10/10/2025, thời lượng dự kiến 90 phút, khoảng 02 giờ", "PT2H"),
], ids=["per-session", "clock-span", "clock-dash", "named-session", "hours"])
def test_conferences_duration_per_session_and_clock_spans(value: str, duration: str | None) -> None:
    text = f"1. Tổ chức Hội nghị sơ kết công tác thi đua năm 2025\n- Thời gian: {value}\n- Địa điểm: Hội trường\n"
    conf = _one(text, 2025)
    assert conf.duration == duration
    assert conf.time.value == "2025-10-10"


def test_conferences_day_span_of_a_labelled_time_is_an_interval_and_many_places_none() -> None:
    text = ("KẾ HOẠCH\nTổ chức hội nghị lấy ý kiến cử tri nơi công tác\nI. THỜI GIAN, ĐỊA ĐIỂM\n"
            "1. Thời gian: từ ngày 05/8/2025 đến hết ngày 09/8/2025; mỗi hội nghị trong 01 buổi.\n"
            "2. Địa điểm: tại các cơ quan, đơn vị có người ứng cử.\n")
    conf = _one(text, 2025)
    assert (conf.kind, conf.time.value, conf.duration, conf.location) == ("other", "2025-08-05/2025-08-09", "PT4H",
                                                                          None)


@pytest.mark.parametrize("table,location", [
    ("Điểm cầu\tĐịa điểm\tThành phần\nĐiểm cầu thành phần\tPhòng họp các Chi nhánh\tLãnh đạo Chi nhánh\n"
     "Điểm cầu chính\tPhòng họp số 3, Trụ sở Ngân hàng, số 2 Láng Hạ\tBan Điều hành\n", "Phòng họp số 3"),
    ("Buổi\tThời gian\tĐịa điểm\nSáng\t8 giờ 00\tNhà văn hóa thôn Đông\tCử tri thôn Đông\n"
     "Chiều\t14 giờ 00\tNhà văn hóa thôn Tây\tCử tri thôn Tây\n", "Nhà văn hóa thôn Đông"),
], ids=["main-bridge-point", "first-session"])
def test_conferences_place_from_a_table_in_the_meeting_section(table: str, location: str) -> None:
    text = ("KẾ HOẠCH\nTổ chức Hội nghị trực tuyến sơ kết công tác thi đua 6 tháng đầu năm 2025\n"
            "I. THỜI GIAN\nThời gian: 01 buổi, ngày 15/7/2025\nII. HÌNH THỨC VÀ ĐỊA ĐIỂM\n" + table
            + "III. THÀNH PHẦN\nLãnh đạo các đơn vị.\n")
    conf = _one(text, 2025)
    assert (conf.kind, conf.time.value) == ("interim_review", "2025-07-15")
    assert conf.location is not None and conf.location.startswith(location)


@pytest.mark.parametrize("opening,time", [
    ("Trong các ngày 14 và 15 tháng 10 năm 2025, Bộ trưởng Bộ Xây dựng đã làm việc tại tỉnh Lâm Đồng.",
     "2025-10-14/2025-10-15"),
    # two days apart: no span of one meeting, the first day dates it
    ("Các ngày 14 và 21 tháng 10 năm 2025, Bộ trưởng Bộ Xây dựng đã làm việc tại tỉnh Lâm Đồng.", "2025-10-14"),
], ids=["two-days-in-a-row", "days-apart"])
def test_conferences_listed_days_in_a_row_are_one_span(opening: str, time: str) -> None:
    text = ("THÔNG BÁO\nKết luận của Bộ trưởng Bộ Xây dựng tại buổi làm việc với Ủy ban nhân dân tỉnh Lâm Đồng\n"
            + opening + "\nI. ĐÁNH GIÁ CHUNG\n")
    conf = _one(text, 2025)
    assert (conf.kind, conf.time.value) == ("other", time)


@pytest.mark.parametrize("sentence", [
    "Sở Nội vụ chủ trì tổ chức Hội nghị vào ngày 05/3/2026 tại Hội trường Sở.",
    "Ban Tổ chức tổ chức Hội nghị trong 01 buổi, vào ngày 05/3/2026 tại Hội trường Sở.",
    "Hội nghị dự kiến tổ chức vào ngày 05/3/2026 tại Hội trường Sở.",
], ids=["host-organises", "duration-first", "expected"])
def test_conferences_generic_head_in_the_body_dates_the_titled_meeting(sentence: str) -> None:
    text = ("SỞ NỘI VỤ TỈNH HÀ TĨNH\nKẾ HOẠCH\nTổ chức Hội nghị sơ kết phong trào thi đua \"Dân vận khéo\" "
            "giai đoạn 2021-2025\nI. MỤC ĐÍCH\nĐánh giá kết quả.\nII. THỜI GIAN, ĐỊA ĐIỂM\n" + sentence + "\n")
    conf = _one(text, 2026)
    assert (conf.kind, conf.time.value) == ("interim_review", "2026-03-05")
    assert conf.location == "Hội trường Sở"


def test_conferences_bare_head_without_a_named_meeting_is_none() -> None:
    text = "KẾ HOẠCH\nCông tác năm 2026\nI. NHIỆM VỤ\nVăn phòng tổ chức Hội nghị vào ngày 05/3/2026.\n"
    assert extract_conferences(text, DocContext(year=2026)) == []


def test_conferences_section_heading_that_is_its_own_label() -> None:
    text = ("ỦY BAN NHÂN DÂN XÃ PHÚ LỘC\nKẾ HOẠCH\nTổ chức Hội nghị biểu dương gia đình văn hóa tiêu biểu năm 2025\n"
            "I. MỤC ĐÍCH\nTôn vinh các gia đình tiêu biểu.\nII. THỜI GIAN: 01 buổi, ngày 28/6/2025.\n"
            "III. ĐỊA ĐIỂM: Hội trường Ủy ban nhân dân xã Phú Lộc.\n")
    conf = _one(text, 2025)
    assert (conf.kind, conf.time.value, conf.duration, conf.location) == (
        "exemplars", "2025-06-28", "PT4H", "Hội trường Ủy ban nhân dân xã Phú Lộc")



INVITATION_TO_ATTEND = """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 88/GM-UBND
GIẤY MỜI
Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024
Ủy ban nhân dân tỉnh trân trọng kính mời đồng chí Giám đốc các Sở, ban, ngành tỉnh tới dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024.
Thời gian: 14 giờ 00, ngày 10/01/2025 (thứ Sáu).
Địa điểm: Hội trường B, Ủy ban nhân dân tỉnh.
"""

PLAN_DURATION_LABEL = """UBND TỈNH BẮC GIANG
KẾ HOẠCH
Tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua "Chung sức xây dựng nông thôn mới"
I. MỤC ĐÍCH, YÊU CẦU
- Đánh giá kết quả.
II. THỜI GIAN, ĐỊA ĐIỂM
- Hội nghị được tổ chức vào 8 giờ 00 ngày 20/12/2025 (thứ Bảy), tại Hội trường tầng 3, Khu Liên cơ quan tỉnh.
- Thời lượng: 01 buổi.
III. THÀNH PHẦN
"""


@pytest.mark.parametrize("text,expected", [
    # the invitation says only "tới dự": the meeting it invites to is its own, with its labels
    (INVITATION_TO_ATTEND, ("final_review", "2025-01-10", None, "Hội trường B, Ủy ban nhân dân tỉnh")),
    # "Thời lượng:" on a line of its own; the place after the time and a comma
    (PLAN_DURATION_LABEL, ("final_review", "2025-12-20", "PT4H", "Hội trường tầng 3")),
], ids=["invitation-to-attend", "duration-label"])
def test_conferences_invitation_and_duration_label(text: str, expected: tuple) -> None:
    conf = _one(text, int(expected[1][:4]))
    assert (conf.kind, conf.time.value, conf.duration, conf.location) == expected


def test_conferences_main_point_named_in_the_meeting_sentence() -> None:
    text = ("BỘ NỘI VỤ\nKẾ HOẠCH\nTổ chức Hội nghị trực tuyến sơ kết 02 năm thực hiện phong trào thi đua \"Cán bộ, "
            "công chức thi đua làm theo lời Bác\"\nI. MỤC ĐÍCH\nĐánh giá kết quả.\nII. THỜI GIAN, HÌNH THỨC\n"
            "Hội nghị được tổ chức theo hình thức trực tuyến vào ngày 18/6/2025, điểm cầu chính tại Hội trường tầng 2, "
            "Trụ sở Bộ Nội vụ; điểm cầu thành phần tại các Sở Nội vụ.\n")
    conf = _one(text, 2025)
    assert (conf.kind, conf.time.value, conf.location) == ("interim_review", "2025-06-18", "Hội trường tầng 2")


REVIEW_PLAN = ("SỞ CÔNG THƯƠNG TỈNH ĐẮK NÔNG\nKẾ HOẠCH\nTổ chức Hội nghị sơ kết phong trào thi đua \"Doanh nghiệp "
               "Công Thương vượt khó\" năm 2025\nI. MỤC ĐÍCH\nĐánh giá kết quả.\nII. THỜI GIAN, ĐỊA ĐIỂM\n")


@pytest.mark.parametrize("section,expected", [
    # a label may name the meeting before its colon
    ("1. Thời gian tổ chức Hội nghị: 01 buổi, ngày 16/7/2025.\n2. Địa điểm tổ chức Hội nghị: Hội trường Sở Tài chính.\n",
     ("2025-07-16", "PT4H", "Hội trường Sở Tài chính")),
    ("Thời gian, địa điểm tổ chức Hội nghị: 8 giờ 00 ngày 16/7/2025 tại Phòng họp số 3.\n",
     ("2025-07-16", None, "Phòng họp số 3")),
    # a PDF's text layer flows the short label lines into one paragraph
    ("1. Thời gian: 01 buổi, từ 8 giờ 00, ngày 22/5/2025 (thứ Năm). 2. Địa điểm: Hội trường tầng 4, Trung tâm "
     "Hội nghị tỉnh (số 12 đường Trần Phú).\n", ("2025-05-22", "PT4H", "Hội trường tầng 4, Trung tâm Hội nghị tỉnh")),
    ("- Thời gian: buổi chiều ngày 22/5/2025, từ 14 giờ 00 đến 17 giờ 00. - Địa điểm: Phòng họp số 1, Sở Công "
     "Thương.\n", ("2025-05-22", None, "Phòng họp số 1, Sở Công Thương")),
    ("1. Tên gọi: Hội nghị sơ kết phong trào thi đua. 2. Thời gian: trong 01 ngày, vào giữa tháng 5 năm 2025.\n"
     "3. Địa điểm: Nhà văn hóa huyện Krông Nô. 4. Số lượng đại biểu: 200 đại biểu.\n",
     ("2025-05", "P1D", "Nhà văn hóa huyện Krông Nô")),
], ids=["labels-name-the-meeting", "joint-label-names-the-meeting", "run-together-numbered", "run-together-dashed",
        "place-then-next-item"])
def test_conferences_labels_naming_the_meeting_or_run_together(section: str, expected: tuple) -> None:
    conf = _one(REVIEW_PLAN + section, 2025)
    assert (conf.kind, conf.time.value, conf.duration, conf.location) == ("interim_review", *expected)


@pytest.mark.parametrize("sentence,expected", [
    # the cited plan's clause closes at the comma; the organiser's clause is the document's own
    ("Thực hiện Kế hoạch số 77/KH-UBND ngày 12/11/2025 của Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo tổ chức Hội "
     "nghị tổng kết công tác thi đua năm học 2024-2025 vào ngày 20/12/2025.", [("final_review", "2025-12-20")]),
    # the meeting inside the cited document's clause is the cited plan's, not this one's
    ("Thực hiện Kế hoạch số 77/KH-UBND ngày 12/11/2025 về tổ chức Hội nghị tổng kết công tác thi đua năm 2025 vào "
     "ngày 20/12/2025, Sở Giáo dục và Đào tạo triển khai như sau.", []),
], ids=["own-clause-after-citation", "meeting-of-the-cited-plan"])
def test_conferences_cited_clause_and_own_clause(sentence: str, expected: list) -> None:
    text = "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nCÔNG VĂN\n" + sentence + "\n"
    got = [(c.kind, c.time.value if c.time else None) for c in extract_conferences(text, DocContext(year=2025))]
    assert got == expected


def test_conferences_item_number_misread_by_ocr() -> None:
    text = ("THÔNG BÁO\nVề việc điều chỉnh thời gian tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2025\n"
            "._2, Hội nghị sẽ được tổ chức vào lúc 14h00 ngày 24/7/2025 tại Phòng họp số 2, Sở Nội vụ.\n")
    conf = _one(text, 2025)
    assert (conf.kind, conf.time.value, conf.location) == ("interim_review", "2025-07-24", "Phòng họp số 2")
