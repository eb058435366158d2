"""Tasks: which sentences assign a task (units, what they do, by when) and which do not. A paragraph that opens
with its units and a cue ("khẩn trương", "chủ trì", past "theo chức năng, nhiệm vụ được giao") is an assignment;
the lead is every unit of the list that opens it; a short numbered item that says what a unit does by when is a
task, not a heading; a block whose time hangs on another body's act is none. Every phrase is written here; none
is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2025, province="Nghệ An")


def _prose(text: str):
    return [t for t in extract_tasks(text, CTX) if t.source != "table"]


@pytest.mark.parametrize("text,period,lead", [
    ("1. Về kiến nghị hỗ trợ kinh phí xây dựng trụ sở xã:\n\nBộ Tài chính theo chức năng, nhiệm vụ được giao khẩn "
     "trương nghiên cứu, xử lý kiến nghị của tỉnh Quảng Trị, báo cáo Thủ tướng Chính phủ trong tháng 12 năm 2025.\n",
     "2025-12", ["Bộ Tài chính"]),
    ("Sở Xây dựng, Sở Nông nghiệp và Môi trường khẩn trương rà soát hồ sơ các dự án, báo cáo UBND tỉnh trong "
     "tháng 12/2025.\n", "2025-12", ["Sở Xây dựng", "Sở Nông nghiệp và Môi trường"]),
    ("Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát cơ chế hỗ trợ doanh nghiệp, báo cáo UBND tỉnh "
     "trong quý IV năm 2025.\n", "2025-Q4", ["Sở Công Thương"]),
    ("Bộ Y tế căn cứ chức năng, nhiệm vụ và thẩm quyền chủ động hướng dẫn tỉnh Hà Giang hoàn thiện hồ sơ vào "
     "tháng 01/2026.\n", "2026-01", ["Bộ Y tế"]),
])
def test_tasks_paragraph_directed_by_a_cue_takes_its_period_after_trong(text: str, period: str,
                                                                        lead: list[str]) -> None:
    (task,) = _prose(text)
    assert (task.period.value, task.lead) == (period, lead)


@pytest.mark.parametrize("text", [
    # a report of what was done, or a unit that goes on doing what it does: no assignment
    "I. KẾT QUẢ\nNăm 2025, Sở Nội vụ đã tham mưu tổ chức thành công Hội nghị tổng kết.\n",
    "Sở Y tế tiếp tục triển khai các nhiệm vụ trọng tâm trong năm 2025.\n",
    "UBND tỉnh ban hành Kế hoạch số 45/KH-UBND trong tháng 3/2025.\n",
    # a time with no unit assigned
    "3. Trong tháng 12/2025, tổ chức tuyên truyền sâu rộng về phong trào thi đua.\n",
])
def test_tasks_paragraphs_that_assign_nothing(text: str) -> None:
    assert _prose(text) == []


def test_tasks_every_unit_of_the_opening_list_leads() -> None:
    text = ("2. Về đề nghị bổ sung biên chế giáo viên:\n\nGiao Bộ Nội vụ, Bộ Giáo dục và Đào tạo theo chức năng, "
            "nhiệm vụ được giao chủ trì, phối hợp với các cơ quan liên quan xem xét, giải quyết kiến nghị của tỉnh "
            "trong quý I năm 2026.\n")
    (task,) = _prose(text)
    assert task.period.value == "2026-Q1"
    assert task.lead == ["Bộ Nội vụ", "Bộ Giáo dục và Đào tạo"]
    assert task.support == ["các cơ quan liên quan"]


def test_tasks_short_numbered_item_with_a_deadline_is_no_unit_heading() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Ban Dân tộc tỉnh tổng hợp kết quả, gửi Sở Nội vụ chậm nhất ngày 15/12/2025.\n"
            "2. Sở Tư pháp tổng hợp kết quả, gửi Sở Nội vụ trước ngày 10/12/2025.\n"
            "3. Ủy ban nhân dân xã, phường\n- Rà soát, lập danh sách, gửi UBND huyện trước ngày 20/11/2025.\n")
    tasks = _prose(text)
    assert [(t.period.value, t.lead[0]) for t in tasks] == [
        ("2025-12-15", "Ban Dân tộc tỉnh Nghệ An"), ("2025-12-10", "Sở Tư pháp"),
        ("2025-11-20", "Ủy ban nhân dân xã, phường")]


def test_tasks_block_whose_time_hangs_on_another_act_is_no_task() -> None:
    text = ("3.1. Góp ý dự thảo văn bản\na) Nghị định quy định chi tiết Luật Dược\n- Cơ quan chủ trì: Sở Y tế.\n"
            "- Cơ quan phối hợp: Các sở, ngành có liên quan.\n"
            "- Thời gian thực hiện: Theo tiến độ xây dựng dự thảo của Bộ Y tế.\n"
            "b) Thông tư hướng dẫn Luật Dược\n- Cơ quan chủ trì: Sở Y tế.\n- Cơ quan phối hợp: Các sở, ngành.\n"
            "- Thời gian thực hiện: Sau khi Thông tư được ban hành.\n"
            "4. Kiểm tra việc thi hành Luật\n- Cơ quan chủ trì: Sở Y tế\n- Cơ quan phối hợp: UBND các xã, phường.\n"
            "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.\n"
            "5. Tuyên truyền, phổ biến Luật\n- Cơ quan chủ trì: Sở Tư pháp\n- Cơ quan phối hợp: Các sở, ngành.\n"
            "- Thời gian thực hiện: Thường xuyên.\n")
    tasks = _prose(text)
    assert [(t.description, t.period.value if t.period else None) for t in tasks] == [
        ("Kiểm tra việc thi hành Luật", "2026"), ("Tuyên truyền, phổ biến Luật", None)]


@pytest.mark.parametrize("line,period,lead", [
    ("5. Công an tỉnh chủ trì bảo đảm an ninh trật tự dịp Tết, thời gian thực hiện: quý I/2026.", "2026-Q1",
     ["Công an tỉnh Nghệ An"]),
    ("6. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật; thời hạn: tháng 10/2025.", "2025-10", ["Sở Tư pháp"]),
    # a time label, then who does it after a lead-in: the units before "chủ động" / "chủ trì"
    ("2. Năm 2026: Trên cơ sở kết quả rà soát, UBND các huyện, thị xã, thành phố chủ động phối hợp với các cơ "
     "quan có liên quan xây dựng kế hoạch triển khai.", "2026", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
])
def test_tasks_inline_time_label_and_units_before_the_cue(line: str, period: str, lead: list[str]) -> None:
    (task,) = _prose("III. TỔ CHỨC THỰC HIỆN\n" + line + "\n")
    assert (task.period.value, task.lead) == (period, lead)


NOTICE = "Phó Thủ tướng Chính phủ có ý kiến chỉ đạo như sau:\nb) Để bảo đảm tiến độ dự án, đề nghị:\n"


@pytest.mark.parametrize("item,period,lead", [
    # an item numbered "(ii)" that opens with a role noun the unit lists do not hold
    ("(ii) Chủ đầu tư phối hợp chặt chẽ với các nhà thầu hoàn thành thi công phần móng trong tháng 3 năm 2026.",
     "2026-03", ["Chủ đầu tư"]),
    ("(iii) Nhà đầu tư, trong phạm vi trách nhiệm của mình, đẩy nhanh tiến độ, đưa nhà máy vào vận hành trong "
     "năm 2027.", "2027", ["Nhà đầu tư"]),
    ("1. Cơ quan kiểm toán khẩn trương hoàn thành việc kiểm toán và phát hành báo cáo trước ngày 15/01/2026.",
     "2026-01-15", ["Cơ quan kiểm toán"]),
    ("(2) Nhà thầu thi công gói thầu số 5 khẩn trương bàn giao mặt bằng trong tháng 02/2026.", "2026-02",
     ["Nhà thầu thi công gói thầu số 5"]),
])
def test_tasks_item_opened_by_a_role_noun(item: str, period: str, lead: list[str]) -> None:
    (task,) = _prose(NOTICE + item + "\n")
    assert (task.period.value, task.lead) == (period, lead)


def test_tasks_role_noun_in_a_paragraph_is_no_assignment() -> None:
    # a paragraph that reports, opened by the same noun, is no item of a list of assignments
    assert _prose("Chủ đầu tư đã hoàn thành thi công phần móng trong tháng 3 năm 2026.\n") == []


def test_tasks_item_that_gives_two_bodies_their_own_assignments() -> None:
    text = ("Thủ tướng Chính phủ yêu cầu:\n"
            "2. Các bộ, cơ quan ngang bộ chủ trì, phối hợp với cơ quan thanh tra rà soát các dự án theo văn bản số "
            "512/BKHĐT-TH ngày 10/9/2025. UBND tỉnh Lâm Đồng khẩn trương hoàn thành việc phân loại các dự án "
            "trên Hệ thống. Thời hạn hoàn thành: trước ngày 15/12/2025.\n"
            "3. Bộ Xây dựng chủ trì hướng dẫn các địa phương; UBND tỉnh Phú Yên phối hợp thực hiện trước ngày "
            "20/12/2025.\n")
    got = [(t.period.value, t.description[:30], t.lead) for t in _prose(text)]
    assert got == [
        ("2025-12-15", "Các bộ, cơ quan ngang bộ chủ t", got[0][2]),
        ("2025-12-15", "UBND tỉnh Lâm Đồng khẩn trương", ["Ủy ban nhân dân tỉnh Lâm Đồng"]),
        ("2025-12-20", "Bộ Xây dựng chủ trì hướng dẫn ", ["Bộ Xây dựng"]),  # one sentence: one task
    ]


def test_tasks_item_where_one_body_directs_another() -> None:
    text = NOTICE + ("(i) Bộ Nông nghiệp và Môi trường chỉ đạo Tổng cục Thủy lợi hoàn thành thẩm định thiết kế "
                     "trong tháng 01 năm 2026.\n")
    (task,) = _prose(text)
    assert task.director == ["Bộ Nông nghiệp và Môi trường"] and task.lead == ["Tổng cục Thủy lợi"]


def test_tasks_span_of_days_after_thoi_gian_trong() -> None:
    text = ("d) Bộ Tài chính phối hợp các bộ, cơ quan liên quan báo cáo Thủ tướng Chính phủ kế hoạch kiểm tra, "
            "thời gian trong tuần ngày 05 đến ngày 09 tháng 01 năm 2026.\n")
    (task,) = _prose(text)
    assert task.period.value == "2026-01-05/2026-01-09" and task.lead == ["Bộ Tài chính"]


@pytest.mark.parametrize("item", [
    "- Các sở, ngành, UBND các huyện có trách nhiệm định kỳ báo cáo kết quả thực hiện trước ngày 15/12 về Sở Nội vụ.",
    "- Các phòng, ban chủ động hằng quý gửi báo cáo tiến độ trước ngày 20/3/2026 về Văn phòng.",
    "1.1. Trước ngày 30 tháng 6 của năm xét tặng, Sở Văn hóa, Thể thao và Du lịch có văn bản thông báo đến các huyện.",
])
def test_tasks_recurring_report_is_no_task(item: str) -> None:
    assert _prose("2. Chế độ báo cáo\n" + item + "\n") == []


def test_tasks_recurring_word_in_another_clause_does_not_count() -> None:
    text = ("- Các sở, ngành chủ động xây dựng kế hoạch hằng năm, hoàn thành việc rà soát trước ngày 15/12/2025.\n")
    (task,) = _prose(text)
    assert task.period.value == "2025-12-15"
