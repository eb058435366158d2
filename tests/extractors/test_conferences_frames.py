"""Conferences: kinds, anchoring, time/duration/place from the detailed section, and merging of mentions."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2025)


@pytest.mark.parametrize("phrase,kind", [
    ("1. Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 của ngành Giáo dục", "final_review"),
    ("- Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2025 vào tháng 7/2025", "interim_review"),
    ("2. Hội nghị học tập, trao đổi kinh nghiệm giữa các tỉnh trong Khối thi đua", "experience_exchange"),
    ("Tổ chức Hội nghị biểu dương điển hình tiên tiến trong phong trào thi đua “Dân vận khéo”", "exemplars"),
    ("Tổ chức Đại hội Thi đua yêu nước tỉnh Thanh Hóa lần thứ VI", "emulation_congress"),
    ("Tổ chức Lễ phát động phong trào thi đua năm 2025 của Công an tỉnh", "launch"),
    ("3. Hội nghị trực tuyến sơ kết công tác thi đua của Bộ Tài chính", "interim_review"),
])
def test_conferences_kind(phrase: str, kind: str) -> None:
    confs = extract_conferences(phrase, CTX)
    assert [c.kind for c in confs] == [kind]
    assert confs[0].evidence[0].text.lower().startswith(("hội nghị", "đại hội", "lễ"))


@pytest.mark.parametrize("phrase", [
    "Thường trực Cụm tổng hợp báo cáo phục vụ Hội nghị sơ kết, tổng kết và báo cáo Hội đồng.",
    "Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm (gửi trước ngày 05/7/2025).",
    "Căn cứ Kế hoạch số 125/KH-UBND ngày 10/3/2025 của UBND tỉnh về tổ chức Hội nghị điển hình tiên tiến.",
    "lựa chọn tập thể, cá nhân tiêu biểu dự Đại hội Thi đua yêu nước toàn quốc lần thứ XI.",
    "3. Công tác tổ chức Đại hội Thi đua yêu nước các cấp.",
    "do Thủ tướng Chính phủ phát động tại Đại hội Thi đua yêu nước toàn quốc lần thứ X",
    "Tổ chức Hội nghị toàn thể cán bộ, công chức.",
])
def test_conferences_references_are_not_meetings(phrase: str) -> None:
    assert extract_conferences(phrase, CTX) == []


SECTION = """II. NỘI DUNG

1. Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 của ngành Y tế.

III. HOẠT ĐỘNG

1. Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025

a) Thành phần

- Lãnh đạo Sở Y tế;

- Đại diện các bệnh viện tuyến tỉnh.

b) Nội dung

- Đánh giá kết quả năm 2025;

c) Thời gian, địa điểm

- Thời gian: 01 buổi, dự kiến trong tháng 01/2026;

- Địa điểm: Hội trường Sở Y tế tỉnh Gia Lai.

d) Phân công nhiệm vụ

- Văn phòng Sở Y tế chủ trì, chuẩn bị nội dung hội nghị;

2. Hội nghị sơ kết 6 tháng đầu năm

- Thời gian: 02 ngày, vào cuối tháng 7 năm 2025.

- Địa điểm: Tại tỉnh Kon Tum.

IV. TỔ CHỨC THỰC HIỆN

Văn phòng Sở chuẩn bị các điều kiện phục vụ Hội nghị tổng kết.
"""


def test_conferences_merge_mentions_and_read_the_section() -> None:
    confs = extract_conferences(SECTION, CTX)
    assert [(c.kind, c.time.value if c.time else None) for c in confs] == [
        ("final_review", "2026-01"), ("interim_review", "2025-07")]
    final, interim = confs
    assert final.duration == "PT4H" and final.location == "Hội trường Sở Y tế tỉnh Gia Lai"
    assert len(final.evidence) >= 3  # content list, heading, the "phục vụ" mention and the labels
    assert final.participants == ["Lãnh đạo Sở Y tế;", "Đại diện các bệnh viện tuyến tỉnh."]
    assert final.assignments and final.assignments[0].role == "lead"
    assert interim.duration == "P2D" and interim.location == "Kon Tum"
    assert interim.time.modifier == "END"
    for c in confs:
        for ev in c.evidence:
            assert SECTION[ev.start:ev.end] == ev.text


TABLE = ("STT\tNội dung\tĐơn vị chủ trì\tThời gian\n"
         "I\tQuý I\t\t\n"
         "1\tTham dự Hội nghị tổng kết năm 2024 của Khối thi đua\tSở Nội vụ\t\n"
         "II\tQuý II\t\t\n"
         "1\tTham dự sơ kết công tác thi đua 6 tháng đầu năm của Khối\tSở Nội vụ\t\n"
         "IV\tQuý IV\t\t\n"
         "1\tTổ chức Hội nghị tổng kết phong trào thi đua năm 2025\tUBND tỉnh\t\n")


def test_conferences_table_rows_take_the_quarter() -> None:
    confs = extract_conferences(TABLE, CTX)
    assert [(c.kind, c.time.value) for c in confs] == [
        ("final_review", "2025-Q1"), ("interim_review", "2025-Q2"), ("final_review", "2025-Q4")]


def test_conferences_session_is_four_hours_and_quarter_time() -> None:
    text = ("2.1. Đối với cấp xã\n\n- Hình thức: Tổ chức “Hội nghị tuyên dương điển hình tiên tiến”.\n\n"
            "- Thời gian tổ chức: 01 buổi vào Quý I năm 2025.\n\n2.2. Đối với cấp huyện\n\n"
            "- Hình thức: Tổ chức “Hội nghị điển hình tiên tiến”.\n\n- Thời gian tổ chức: 01 buổi vào Quý II năm 2025.\n")
    confs = extract_conferences(text, CTX)
    assert [(c.kind, c.time.value, c.duration) for c in confs] == [
        ("exemplars", "2025-Q1", "PT4H"), ("exemplars", "2025-Q2", "PT4H")]
