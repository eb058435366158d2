"""Conferences: congresses (Đại hội) of the Đoàn, the Hội, the Công đoàn and emulation congresses, their time from
their own words, and a past congress a sentence opened by its day reports ("Ngày ..., tại Đại hội ..., ... đã
phát động ..."). Every phrase is written here; none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2025)


@pytest.mark.parametrize("phrase,kind", [
    ("Tổ chức Đại hội Đoàn các cấp, tiến tới Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh Nghệ An lần thứ XIX, "
     "nhiệm kỳ 2022 - 2027", "other"),
    ("Kế hoạch tổ chức Đại hội Công đoàn cơ sở nhiệm kỳ 2023 - 2028", "other"),
    ("2. Các chi hội tiến hành Đại hội Hội Cựu chiến binh cấp cơ sở theo đúng Điều lệ.", "other"),
    ("Tổ chức Đại hội Thi đua yêu nước ngành Tài chính lần thứ VI", "emulation_congress"),
    ("KẾ HOẠCH\nĐẠI HỘI ĐOÀN CÁC CẤP NHIỆM KỲ 2022 - 2027", "other"),
])
def test_conferences_congress_kept_without_a_time(phrase: str, kind: str) -> None:
    (conf,) = extract_conferences(phrase, CTX)
    assert (conf.kind, conf.time) == (kind, None)  # a term ("nhiệm kỳ 2022 - 2027") is no time
    assert conf.evidence[0].text.lower().startswith("đại hội")


@pytest.mark.parametrize("phrase,kind,value", [
    ("Phê duyệt Kế hoạch tổ chức Đại hội Thi đua yêu nước tỉnh Sóc Trăng lần thứ V năm 2020",
     "emulation_congress", "2020"),
    ("Ban Thường vụ Hội Nông dân tỉnh tổ chức Đại hội đại biểu Hội Nông dân tỉnh lần thứ X năm 2023.", "other",
     "2023"),
    ("Tổ chức Đại hội đại biểu Hội Liên hiệp Phụ nữ huyện lần thứ XV, nhiệm kỳ 2021 - 2026 vào tháng 5/2021.",
     "other", "2021-05"),
])
def test_conferences_congress_time_from_its_own_sentence(phrase: str, kind: str, value: str) -> None:
    (conf,) = extract_conferences(phrase, CTX)
    assert (conf.kind, conf.time.value) == (kind, value)


@pytest.mark.parametrize("phrase,kind,value", [
    ("Ngày 20/10/2023, tại Đại hội Thi đua yêu nước tỉnh Bắc Giang lần thứ VI, Chủ tịch UBND tỉnh đã phát động "
     "phong trào thi đua giai đoạn 2023 - 2028.", "emulation_congress", "2023-10-20"),
    ("Sáng ngày 05/3/2024, tại Hội nghị tổng kết công tác năm 2023, Giám đốc Công ty đã phát động đợt thi đua "
     "100 ngày đêm.", "final_review", "2024-03-05"),
])
def test_conferences_meeting_reported_by_a_sentence_opened_by_its_day(phrase: str, kind: str, value: str) -> None:
    (conf,) = extract_conferences(phrase, CTX)
    assert (conf.kind, conf.time.value) == (kind, value)
    assert conf.location is None  # "tại Đại hội ..." names the meeting, not a place


@pytest.mark.parametrize("phrase", [
    "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
    "Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030.",
    "Căn cứ Kế hoạch số 12/KH-TWĐ ngày 05/6/2022 về tổ chức Đại hội Đoàn các cấp nhiệm kỳ 2022 - 2027.",
    "cử đoàn đại biểu đi dự Đại hội Hội cấp trên.",
    # congress as a kind of spending, a games named "Đại hội", and a line that goes on the sentence above
    "Các cơ quan, đơn vị được chi tổ chức đại hội, hội nghị ngành theo quy định.",
    "Kế hoạch tổ chức và tham gia Đại hội Thể dục thể thao tỉnh Nghệ An lần thứ IX năm 2026.",
    "Nhân dịp kỷ niệm ngày thành lập, các đơn vị thi đua lập thành tích chào mừng\nĐại hội đại biểu toàn quốc lần "
    "thứ XIV của Đảng.",
    # no day opens the sentence: "tại" names where the words were said, not a meeting of the plan
    "Thực hiện các nội dung do Chủ tịch nước phát động tại Đại hội Thi đua yêu nước toàn quốc lần thứ XI.",
])
def test_conferences_congress_mentions_that_are_no_meeting(phrase: str) -> None:
    assert extract_conferences(phrase, CTX) == []


@pytest.mark.parametrize("phrase,kinds,values", [
    # the time said with "trong" after the meeting's words, and the place after its time
    ("- Tổ chức Hội nghị tuyên dương điển hình tiên tiến giai đoạn 2020 - 2025 trong Quý III/2025.",
     ["exemplars"], ["2025-Q3"]),
    # a review act that opens its clause, with the time it takes place (no "tổ chức")
    ("- Sơ kết 6 tháng vào tháng 7/2025; tổng kết năm vào tháng 12/2025.", ["interim_review", "final_review"],
     ["2025-07", "2025-12"]),
])
def test_conferences_time_after_trong_and_timed_review_acts(phrase: str, kinds: list[str], values: list[str]) -> None:
    confs = extract_conferences(phrase, CTX)
    assert [c.kind for c in confs] == kinds and [c.time.value for c in confs] == values


def test_conferences_place_after_the_meeting_time() -> None:
    (conf,) = extract_conferences("UBND huyện Quỳnh Lưu tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm "
                                  "2025 vào ngày 10/7/2025 tại Hội trường huyện.", CTX)
    assert (conf.time.value, conf.location) == ("2025-07-10", "Hội trường huyện")


def test_conferences_untimed_review_act_in_prose_is_no_meeting() -> None:
    assert extract_conferences("Tổng kết năm 2024, toàn tỉnh có 120 tập thể được tặng Cờ thi đua.", CTX) == []


def test_conferences_time_from_the_label_that_opens_the_item() -> None:
    text = ("V. TIẾN ĐỘ THỰC HIỆN\n- Tháng 6/2026: Tổ chức Đại hội Chi đoàn, Đoàn cơ sở.\n"
            "- Quý III/2026: Tổ chức Đại hội đại biểu Đoàn Thanh niên xã Nghi Lộc.\n"
            "2. Tháng 7/2025: Sơ kết 6 tháng đầu năm.\n- Nội dung: Tổ chức Hội nghị tổng kết phong trào thi đua.\n")
    confs = extract_conferences(text, CTX)
    assert [(c.kind, c.time.value if c.time else None) for c in confs] == [
        ("other", "2026-06"), ("other", "2026-Q3"), ("interim_review", "2025-07"), ("final_review", None)]
