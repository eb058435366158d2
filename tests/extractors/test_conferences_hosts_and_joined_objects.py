"""Conferences: the host (who organises or chairs the meeting) with evidence; a meeting joined to another as the
object of "tổ chức"; a title run into the "Căn cứ" that follows it; a time-and-place label whose values stand on
the item lines below it; headings typed without a space after their number. Phrases written here."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2026, province="Bắc Giang", level="tỉnh", issuer="Ủy ban nhân dân tỉnh Bắc Giang")


def _one(text: str, ctx: DocContext | None = CTX):
    (c,) = extract_conferences(text, ctx)
    for ev in c.evidence:
        assert text[ev.start:ev.end] == ev.text
    return c


@pytest.mark.parametrize("text, kind, host", [
    # "do X tổ chức" after the meeting
    ("KẾ HOẠCH\n\nCông tác thi đua năm 2026\n\nI. NHIỆM VỤ\n\n1. Hội nghị sơ kết 6 tháng đầu năm 2026 do Sở Nội vụ "
     "tổ chức vào tháng 7/2026 tại Hội trường Sở.\n", "interim_review", ["Sở Nội vụ"]),
    # "X tổ chức Hội nghị ..." before it
    ("KẾ HOẠCH\n\nCông tác thi đua năm 2026\n\nI. NHIỆM VỤ\n\nBan Thi đua - Khen thưởng tỉnh tổ chức Hội nghị điển "
     "hình tiên tiến vào ngày 20/10/2026.\n", "exemplars", ["Ban Thi đua - Khen thưởng tỉnh Bắc Giang"]),
    # a label in the meeting's own section
    ("KẾ HOẠCH\n\nCông tác năm 2026\n\nI. HỘI NGHỊ TỔNG KẾT\n\n1. Thời gian: ngày 10/01/2026\n\n2. Chủ trì: Sở Giáo "
     "dục và Đào tạo\n\n3. Thành phần: lãnh đạo các phòng.\n", "final_review", ["Sở Giáo dục và Đào tạo"]),
    ("KẾ HOẠCH\n\nCông tác năm 2026\n\nI. HỘI NGHỊ TỔNG KẾT\n\n1. Thời gian: ngày 10/01/2026\n\n2. Đơn vị tổ chức: "
     "Công đoàn ngành Y tế\n", "final_review", ["Công đoàn ngành Y tế"]),
    # the plan's title is holding the meeting: its issuer hosts it
    ("KẾ HOẠCH\n\nTổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025\n\nI. MỤC ĐÍCH\n\nĐánh giá kết quả."
     "\n\nII. THỜI GIAN, ĐỊA ĐIỂM\n\n1. Thời gian: ngày 15/12/2025\n\n2. Địa điểm: Hội trường tỉnh\n", "final_review",
     ["Ủy ban nhân dân tỉnh Bắc Giang"]),
])
def test_conferences_host_where_the_text_names_it(text: str, kind: str, host: list[str]) -> None:
    c = _one(text)
    assert (c.kind, c.host) == (kind, host)


def test_conferences_no_host_from_a_cited_plan() -> None:
    text = ("KẾ HOẠCH\n\nCông tác năm 2026\n\nI. NHIỆM VỤ\n\n1. Tổ chức Hội nghị sơ kết vào tháng 7/2026.\n\nCăn cứ Kế "
            "hoạch số 12/KH-UBND của UBND tỉnh về tổ chức Hội nghị sơ kết.\n")
    assert [c.host for c in extract_conferences(text, CTX)] == [[]]


def test_conferences_no_issuer_host_without_a_title_that_holds_the_meeting() -> None:
    text = ("KẾ HOẠCH\n\nCông tác thi đua năm 2026\n\nI. NHIỆM VỤ\n\n1. Tổng kết công tác thi đua vào tháng 12/2026; "
            "tổ chức Hội nghị tổng kết vào ngày 15/12/2026.\n")
    confs = extract_conferences(text, CTX)
    assert confs and all(c.host == [] for c in confs)


@pytest.mark.parametrize("text, value, place", [
    # the meeting joined to a ceremony by "và" is the verb's object too; the title runs into "Căn cứ"
    ("KẾ HOẠCH\n\nTổ chức Lễ kỷ niệm ngày Nhà giáo Việt Nam và Hội nghị biểu dương điển hình tiên tiến năm học "
     "2025-2026 Căn cứ Kế hoạch số 88/KH-PGDĐT ngày 02 tháng 11 năm 2026 của Phòng Giáo dục và Đào tạo, nhà trường xây "
     "dựng kế hoạch như sau:\n\nI.MỤC ĐÍCH YÊU CẦU\n\nTôn vinh nhà giáo.\n\nII.TỔ CHỨC THỰC HIỆN\n\n1.Thời gian và địa "
     "điểm tổ chức:\n\n- Từ 7 giờ 30, ngày thứ Sáu, 20 tháng 11 năm 2026.\n\n- Tại Hội trường nhà văn hóa xã.\n",
     "2026-11-20", "Hội trường nhà văn hóa xã"),
    ("KẾ HOẠCH\n\nTổ chức Lễ kỷ niệm ngày thành lập Đoàn và Hội nghị tuyên dương thanh niên tiêu biểu\n\nI. MỤC ĐÍCH\n\n"
     "Tôn vinh thanh niên.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Thời gian, địa điểm:\n\n- 8 giờ, ngày 26/3/2026.\n\n"
     "- Tại Trung tâm Văn hóa huyện.\n", "2026-03-26", "Trung tâm Văn hóa huyện"),
])
def test_conferences_joined_meeting_with_its_labelled_items(text: str, value: str, place: str) -> None:
    c = _one(text)
    assert (c.kind, c.time.value if c.time else None, c.location) == ("exemplars", value, place)


@pytest.mark.parametrize("line, host", [
    ("Sở Nội vụ và Sở Tài chính sẽ tổ chức Hội nghị sơ kết vào tháng 7/2026.", ["Sở Nội vụ", "Sở Tài chính"]),
    # the units named in the clause are no subject: an advisor's task, a place, a report's addressees
    ("đ) Tham mưu Ủy ban nhân dân tỉnh tổ chức Hội nghị sơ kết vào tháng 6/2026.", []),
    ("Chiều ngày 09/6/2026, tại trụ sở Ủy ban nhân dân tỉnh, Phó Chủ tịch tỉnh đã chủ trì Hội nghị sơ kết.", []),
    ("Bước 2: Ủy ban Hội hoàn thiện hồ sơ báo cáo cấp ủy, Ủy ban nhân dân tỉnh để tiến hành tổ chức Hội nghị sơ kết "
     "vào tháng 6/2026.", []),
])
def test_conferences_host_is_the_subject_that_opens_the_clause(line: str, host: list[str]) -> None:
    text = "KẾ HOẠCH\n\nCông tác năm 2026\n\nI. NHIỆM VỤ\n\n" + line + "\n"
    assert [c.host for c in extract_conferences(text, CTX)] == [host]
