"""Conferences: ceremonies (Lễ tuyên dương / trao thưởng / phát động), OCR noise, hard-wrapped lines, table rows."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2024)


@pytest.mark.parametrize("phrase,kind,value", [
    ("Hội Khuyến học huyện sẽ tổ chức Lễ tuyên dương, khen thưởng học sinh giỏi vào ngày 30/9/2024.",
     "exemplars", "2024-09-30"),
    ("Nhà trường tổ chức Lễ biểu dương học sinh đạt giải vào ngày 15 tháng 5 năm 2024.", "exemplars", "2024-05-15"),
    ("Công đoàn ngành tổ chức Lễ trao thưởng cho các tập thể xuất sắc vào ngày 20/11.", "exemplars", "2024-11-20"),
    ("Tổ chức Lễ khen thưởng học sinh giỏi cấp tỉnh vào tháng 6/2024", "exemplars", "2024-06"),
    ("Tổ chức Lễ phát động phong trào thi đua “Dân vận khéo” vào ngày 05/3/2024.", "launch", "2024-03-05"),
    ("Huyện đoàn tổ chức Lễ ra quân chiến dịch thanh niên tình nguyện hè vào ngày 01/6/2024.", "launch", "2024-06-01"),
])
def test_conferences_ceremony_kind_and_date(phrase: str, kind: str, value: str) -> None:
    confs = extract_conferences(phrase, CTX)
    assert [(c.kind, c.time.value if c.time else None) for c in confs] == [(kind, value)]
    assert confs[0].evidence[0].text.startswith("Lễ")


@pytest.mark.parametrize("phrase", [
    "Tỷ lệ tổng kết hồ sơ đạt 95% trong năm 2024 vào ngày 30/9/2024.",
    "Tổ chức Lễ kỷ niệm 15 năm Ngày khuyến học Việt Nam vào ngày 02/10/2024.",
    "Tổ chức Hội nghị đánh giá một số kết quả đạt được vào tháng 7/2024.",
    "Ông Lê Tôn Vinh, Phó Chủ tịch, dự họp ngày 12/3/2024.",
])
def test_conferences_ceremony_lookalikes_are_not_meetings(phrase: str) -> None:
    assert [c.kind for c in extract_conferences(phrase, CTX) if c.kind != "other"] == []


@pytest.mark.parametrize("phrase,kind,value", [
    # OCR: a keyword with two letters lost, tone marks misread, a sentence broken over lines
    ("sẽ tổ chức Lễ tun dương, khen thưởng học sinh có thành\ntích cao vào ngày 30 tháng 9 năm\n2011.",
     "exemplars", "2011-09-30"),
    ("1. Tổ chức Hôi nghi sơ kêt công tác thi đua 6 tháng đầu năm vào tháng 7/2024", "interim_review", "2024-07"),
    ("- Tổ chức Hội nghị tổng kêt phong trào thi đua năm 2024 vào tháng 01 năm 2025", "final_review", "2025-01"),
])
def test_conferences_tolerate_ocr_noise(phrase: str, kind: str, value: str) -> None:
    confs = extract_conferences(phrase, CTX)
    assert [(c.kind, c.time.value if c.time else None) for c in confs] == [(kind, value)]


def test_conferences_quarter_heading_misread_by_ocr() -> None:
    table = ("STT\tNội dung\tĐơn vị chỉ đạo\tĐơn vị thực hiện\tĐơn vị phối hợp\n"
             "I\tQuý I\t\t\t\n1\tTổ chức Hội nghị tổng kết công tác năm 2023\tUBND tỉnh\tSở Nội vụ\tCác sở, ngành\n"
             "H\tQuý II\t\t\t\n1\tTham dự sơ kết công tác thi đua 6 tháng\tUBND tỉnh\tSở Nội vụ\t\n"
             "HÌ|\tQuý II\t\t\t\n1\tTổ chức Hội nghị học tập kinh nghiệm tại tỉnh bạn\tUBND tỉnh\tSở Nội vụ\t\n")
    confs = extract_conferences(table, CTX)
    assert [(c.kind, c.time.value) for c in confs] == [
        ("final_review", "2024-Q1"), ("interim_review", "2024-Q2"), ("experience_exchange", "2024-Q3")]
    final = confs[0]
    assert final.host == ["Sở Nội vụ"]
    assert {(a.role) for a in final.assignments} == {"director", "lead", "support"}


def test_conferences_participants_under_a_numbered_label() -> None:
    text = ("Tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024\n\n"
            "III. THỜI GIAN, ĐỊA ĐIỂM TỔ CHỨC HỘI NGHỊ:\n\n"
            "1. Thời gian: 01 ngày, vào cuối tháng 7 năm 2024.\n\n2. Địa điểm: Tại tỉnh Bình Dương.\n\n"
            "3. Thành phần:\n\n- Lãnh đạo Ban Thi đua - Khen thưởng các tỉnh.\n\n- Cơ quan báo chí địa phương.\n")
    (c,) = extract_conferences(text, CTX)
    assert (c.kind, c.time.value, c.duration, c.location) == ("interim_review", "2024-07", "P1D", "Bình Dương")
    assert c.participants == ["Lãnh đạo Ban Thi đua - Khen thưởng các tỉnh.", "Cơ quan báo chí địa phương."]
