"""Conferences beyond the thi đua kinds, and the time, place, duration and participants a document gives them
in its own sections. Every phrase here is written the way other provinces, ministries, schools and companies
write; none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

# Four wordings of a short plan for one meeting: the sections name its time, place and participants.
PLAN_ROMAN_SECTIONS = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Số: 120/KH-UBND
Quảng Trị, ngày 02 tháng 6 năm 2025
KẾ HOẠCH
Tổ chức Hội nghị tổng kết phong trào thi đua "Cả nước chung tay vì người nghèo"
I. MỤC ĐÍCH, YÊU CẦU
Đánh giá kết quả thực hiện phong trào thi đua giai đoạn 2021-2025.
II. THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian: ngày 15/7/2025
2. Địa điểm: Tại tỉnh Quảng Trị
III. THÀNH PHẦN
Lãnh đạo UBND tỉnh; đại diện các sở, ban, ngành.
IV. TỔ CHỨC THỰC HIỆN
Sở Nội vụ chủ trì chuẩn bị nội dung.
"""

PLAN_DASHED_LABELS = """UBND HUYỆN KRÔNG PẮC
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 45/KH-PGDĐT
Krông Pắc, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
Tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng học kỳ I năm học 2024-2025
I. MỤC ĐÍCH
Đánh giá kết quả công tác thi đua học kỳ I.
II. THỜI GIAN VÀ ĐỊA ĐIỂM TỔ CHỨC
- Thời gian tổ chức: 01 buổi, dự kiến ngày 28 tháng 3 năm 2025.
- Địa điểm tổ chức: Hội trường Phòng Giáo dục và Đào tạo huyện.
III. THÀNH PHẦN THAM DỰ
Hiệu trưởng các trường trên địa bàn huyện.
"""

PLAN_VALUES_ON_NEXT_LINE = """CÔNG TY CỔ PHẦN CẤP NƯỚC NGHỆ AN
Số: 18/KH-CN
Nghệ An, ngày 05 tháng 11 năm 2025
KẾ HOẠCH
Tổ chức Hội nghị biểu dương điển hình tiên tiến năm 2025
1. Mục đích
Tôn vinh các tập thể, cá nhân tiêu biểu.
2. Thời gian, địa điểm
Thời gian:
Ngày 20 tháng 12 năm 2025 (01 ngày)
Địa điểm:
Hội trường Công ty, số 32 đường Phan Đăng Lưu, thành phố Vinh
3. Thành phần mời
Ban Giám đốc, Chủ tịch Công đoàn Công ty.
"""

PLAN_EXPECTED_MONTH = """BỘ TƯ PHÁP
Số: 300/KH-BTP
Hà Nội, ngày 01 tháng 4 năm 2025
KẾ HOẠCH
Tổ chức Hội nghị trực tuyến sơ kết 05 năm thực hiện phong trào thi đua
I. MỤC ĐÍCH, YÊU CẦU
Đánh giá kết quả.
II. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM
1. Nội dung: Báo cáo sơ kết 05 năm.
2. Thời gian dự kiến: Tháng 6/2025.
3. Địa điểm: Trụ sở Bộ Tư pháp và các điểm cầu trực tuyến.
4. Thành phần tham dự: Lãnh đạo Bộ; Thủ trưởng các đơn vị thuộc Bộ.
"""


@pytest.mark.parametrize("text,kind,time,duration,location,participant", [
    (PLAN_ROMAN_SECTIONS, "final_review", "2025-07-15", None, "Quảng Trị", "Lãnh đạo UBND tỉnh"),
    (PLAN_DASHED_LABELS, "interim_review", "2025-03-28", "PT4H", "Hội trường Phòng Giáo dục", "Hiệu trưởng"),
    (PLAN_VALUES_ON_NEXT_LINE, "exemplars", "2025-12-20", "P1D", "Hội trường Công ty", "Ban Giám đốc"),
    (PLAN_EXPECTED_MONTH, "interim_review", "2025-06", None, "Trụ sở Bộ Tư pháp", "Lãnh đạo Bộ"),
], ids=["roman-sections", "dashed-labels", "values-next-line", "expected-month"])
def test_conferences_plan_sections_give_time_place_participants(text, kind, time, duration, location,
                                                                participant) -> None:
    (conf,) = extract_conferences(text, DocContext(year=2025))
    assert conf.kind == kind
    assert conf.time is not None and conf.time.value == time
    assert conf.duration == duration
    assert conf.location is not None and conf.location.startswith(location)
    assert any(p.startswith(participant) for p in conf.participants)
    for ev in conf.evidence:
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("text,kind,time,location", [
    ("BIÊN BẢN\nHọp Hội đồng Thi đua - Khen thưởng Trường THCS Lê Lợi\n"
     "Hôm nay, vào lúc 15 giờ 00 phút ngày 22 tháng 5 năm 2024, tại Phòng họp Trường THCS Lê Lợi, Hội đồng "
     "Thi đua - Khen thưởng nhà trường tiến hành họp xét thi đua năm học 2023-2024.\n",
     "other", "2024-05-22", "Phòng họp Trường THCS Lê Lợi"),
    ("BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ HAI\nVào hồi 8 giờ 30, ngày 14/3/2026\n"
     "Tại: Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Phú\nI. THÀNH PHẦN\n",
     "other", "2026-03-14", "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Phú"),
    ("BIÊN BẢN\nHôm nay, ngày 05/01/2025, tại Văn phòng Công ty TNHH MTV Cà phê Phước An, Hội đồng bình xét "
     "thi đua Công ty họp bình xét danh hiệu thi đua năm 2024.\n",
     "other", "2025-01-05", "Văn phòng Công ty TNHH MTV Cà phê Phước An"),
    ("BIÊN BẢN\nHội nghị tổng kết công tác Đội năm học 2024-2025\nHôm nay, vào lúc 7 giờ 30 ngày 20/5/2025 "
     "tại Hội trường Trường Tiểu học Hòa Bình, Liên đội tổ chức Hội nghị tổng kết công tác Đội.\n",
     "final_review", "2025-05-20", "Hội trường Trường Tiểu học Hòa Bình"),
], ids=["council-school", "consultation-commune", "company-review", "minutes-of-a-review"])
def test_conferences_minutes_record_one_meeting(text, kind, time, location) -> None:
    (conf,) = extract_conferences(text, DocContext(year=int(time[:4])))
    assert (conf.kind, conf.time.value) == (kind, time)
    assert conf.location == location


@pytest.mark.parametrize("phrase,time", [
    ("Tổ chức Hội nghị hiệp thương lần thứ nhất vào ngày 12/01/2026 tại Hội trường Ủy ban Mặt trận Tổ quốc "
     "tỉnh.", "2026-01-12"),
    ("Tổ chức hội nghị tiếp xúc cử tri trước kỳ họp thứ 10 vào ngày 02/10/2025 tại Nhà văn hóa xã.", "2025-10-02"),
    ("- Tổ chức họp Hội đồng Thi đua - Khen thưởng Sở Y tế xét khen thưởng năm 2025 vào ngày 15/12/2025.",
     "2025-12-15"),
    ("Ngày 03 tháng 10 năm 2025, Bộ trưởng Bộ Công Thương chủ trì buổi làm việc với các Tổng công ty.",
     "2025-10-03"),
])
def test_conferences_other_meetings_with_a_time(phrase: str, time: str) -> None:
    (conf,) = extract_conferences(phrase, DocContext(year=2025))
    assert (conf.kind, conf.time.value) == ("other", time)


@pytest.mark.parametrize("phrase", [
    "Thực hiện Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII ngày 25/10/2023.",
    "Sau hội nghị ngày 10/6/2025, các đơn vị báo cáo kết quả về Ban Thi đua - Khen thưởng.",
    "Căn cứ Kết luận của Hội nghị Ban Thường vụ Tỉnh ủy ngày 05/3/2025 về công tác cán bộ.",
    "Tổ chức hội nghị, hội thảo chuyên đề về công tác thi đua.",
    "Chủ tịch Hội đồng thi đua huyện có trách nhiệm triệu tập các phiên họp của Hội đồng.",
])
def test_conferences_cited_or_untimed_meetings_are_not_other_meetings(phrase: str) -> None:
    assert [c for c in extract_conferences(phrase, DocContext(year=2025)) if c.kind == "other"] == []


@pytest.mark.parametrize("value,duration", [
    ("buổi sáng ngày 12/9/2025", "PT4H"),
    ("01 buổi chiều, ngày 12/9/2025", "PT4H"),
    ("02 ngày (từ ngày 12 đến ngày 13/9/2025)", "P2D"),
    ("01 ngày, ngày 12/9/2025", "P1D"),
])
def test_conferences_duration_from_the_time_line(value: str, duration: str) -> None:
    text = f"1. Tổ chức Hội nghị tổng kết công tác thi đua năm 2025\n- Thời gian: {value}\n- Địa điểm: Hội trường\n"
    (conf,) = extract_conferences(text, DocContext(year=2025))
    assert conf.duration == duration
    assert conf.time.value.startswith("2025-09-1")


def test_conferences_heading_of_a_launch_section_is_a_meeting() -> None:
    text = ("III. HOẠT ĐỘNG CỦA CỤM\n1. Tổ chức phát động thi đua và ký kết giao ước thi đua\n"
            "a) Thành phần tham dự: Thành viên Hội đồng Thi đua - Khen thưởng tỉnh; đại diện các đơn vị.\n"
            "b) Thời gian: Trong tháng 02 hằng năm.\n")
    kinds = [c.kind for c in extract_conferences(text, DocContext(year=2024))]
    assert kinds == ["launch"]


def test_conferences_plan_for_a_meeting_of_no_kind_takes_its_sections() -> None:
    text = ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ ĐÔNG HƯNG\nKẾ HOẠCH\n"
            "Tổ chức Hội nghị hiệp thương lần thứ ba lập danh sách người ứng cử\n"
            "I. THỜI GIAN, ĐỊA ĐIỂM\n- Thời gian: 01 buổi, ngày 08/3/2026.\n"
            "- Địa điểm: Hội trường Ủy ban nhân dân xã.\nII. THÀNH PHẦN\nĐại diện Ban Thường trực.\n")
    (conf,) = extract_conferences(text, DocContext(year=2026))
    assert (conf.kind, conf.time.value, conf.duration) == ("other", "2026-03-08", "PT4H")
    assert conf.location == "Hội trường Ủy ban nhân dân xã"
