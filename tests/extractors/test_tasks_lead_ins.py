"""Tasks whose item does not open with who does it: a clause before the units ("Trên cơ sở đó, ", "Với vai trò
là chủ đầu tư, ", "Căn cứ ..., trường hợp cần thiết thì "), a sentence in the item that gives another body its
own deadline, units that run into a capitalised cue ("Giao Sở X Khẩn trương ..."), a time label with no colon on
the line after the item, and a time that qualifies a noun rather than the task. Every phrase is written here
(other ministries, provinces, dates); none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2026, province="Lâm Đồng")


def _prose(text: str):
    return [(t.period.value if t.period else None, t.description[:32], t.lead)
            for t in extract_tasks(text, CTX) if t.source != "table"]


@pytest.mark.parametrize("item,period,start,lead", [
    ("- Trên cơ sở kết quả rà soát của các xã, Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày "
     "15/01/2027.", "2027-01-15", "Trên cơ sở kết quả rà soát của c", ["Sở Tư pháp"]),
    ("b) Với vai trò cơ quan thường trực, Sở Nội vụ chủ động tham mưu tổ chức hội nghị sơ kết, hoàn thành "
     "trong tháng 7/2026.", "2026-07", "Với vai trò cơ quan thường trực,", ["Sở Nội vụ"]),
    ("3. Căn cứ kết quả kiểm kê, trường hợp cần thiết thì các trường học được giao quản lý tài sản có trách "
     "nhiệm lập phương án thanh lý trước ngày 30/9/2026.", "2026-09-30", "Căn cứ kết quả kiểm kê, trường h",
     ["các trường học"]),
])
def test_tasks_units_after_a_lead_in_clause(item: str, period: str, start: str, lead: list[str]) -> None:
    ((got_period, desc, got_lead),) = _prose(item + "\n")
    assert (got_period, desc) == (period, start)
    assert got_lead and got_lead[0].startswith(lead[0])


def test_tasks_basis_paragraph_stays_out() -> None:
    # a "Căn cứ" paragraph of the preamble is no task, even with a body after its comma and a date in it
    text = ("Căn cứ Quyết định số 25/QĐ-UBND ngày 10/01/2026, Sở Nội vụ hướng dẫn các đơn vị đăng ký thi đua "
            "trước ngày 15/3/2026.\n")
    assert _prose(text) == []


def test_tasks_sentence_with_its_own_deadline_is_a_task_of_its_own() -> None:
    text = ("- Các sở, ban, ngành khẩn trương gửi báo cáo kết quả thực hiện về Sở Tài chính trước ngày 05/3/2026. Trên cơ sở "
            "đó, Sở Tài chính tổng hợp, trình Ủy ban nhân dân tỉnh trước ngày 20/3/2026.\n")
    assert [(p, d[:14], lead[:1]) for p, d, lead in _prose(text)] == [
        ("2026-03-05", "Các sở, ban, n", ["Các sở, ban, ngành"]),
        ("2026-03-20", "Trên cơ sở đó,", ["Sở Tài chính"])]


def test_tasks_item_with_one_deadline_stays_one_task() -> None:
    # only the last sentence has a date: it is the whole item's
    text = ("2. Về dự án hồ chứa nước: với vai trò chủ đầu tư, Ban Quản lý dự án tỉnh chủ động làm việc với nhà "
            "thầu. Để bảo đảm tiến độ, Ủy ban nhân dân xã Đạ Tẻh phối hợp với Sở Xây dựng rà soát hồ sơ, báo cáo "
            "Ủy ban nhân dân tỉnh trước ngày 10/4/2026.\n")
    ((period, desc, _),) = _prose(text)
    assert (period, desc) == ("2026-04-10", "Về dự án hồ chứa nước: với vai t")


def test_tasks_units_that_run_into_a_capitalised_cue() -> None:
    text = ("1.2. Giao Sở Công Thương Khẩn trương rà soát các cửa hàng xăng dầu trên địa bàn, hoàn thành trước "
            "ngày 15/12/2026.\n")
    assert _prose(text) == [("2026-12-15", "Khẩn trương rà soát các cửa hàng", ["Sở Công Thương"])]


def test_tasks_time_label_without_a_colon_after_the_item() -> None:
    text = ("1.3. Giao Ủy ban nhân dân các xã, phường\n\n"
            "- Phối hợp với Công an xã cập nhật dữ liệu dân cư.\n\n"
            "- Trên cơ sở danh sách do Sở Nông nghiệp và Môi trường cung cấp, Ủy ban nhân dân các xã, phường tổ "
            "chức rà soát, chỉnh lý hồ sơ địa chính.\n\n"
            "Thời hạn hoàn thành trước ngày 20 tháng 01 năm 2027.\n")
    assert _prose(text) == [("2027-01-20", "Trên cơ sở danh sách do Sở Nông ", ["Ủy ban nhân dân các xã, phường"])]


def test_tasks_time_that_qualifies_a_noun_is_no_period() -> None:
    text = ("2. Giám đốc Sở Giáo dục và Đào tạo chỉ đạo các trường thực hiện tốt các nội dung sau:\n"
            "- Rà soát các nhiệm vụ được giao trong năm 2026, bảo đảm hoàn thành đúng tiến độ.\n"
            "- Tổ chức tổng kết năm học, báo cáo Ủy ban nhân dân tỉnh trong tháng 6/2026.\n")
    assert _prose(text) == [("2026-06", "Tổ chức tổng kết năm học, báo cá", ["Sở Giáo dục và Đào tạo"])]


@pytest.mark.parametrize("item,start,lead", [
    # a unit as the item's label: the task starts after it
    ("1. Sở Nông nghiệp và Môi trường: Khẩn trương thống kê thiệt hại do bão, báo cáo trước ngày 05/11/2026.",
     "Khẩn trương thống kê thiệt hại d", "Sở Nông nghiệp và Môi trường"),
    ("c) Đối với Sở Giáo dục và Đào tạo: Hướng dẫn các trường rà soát cơ sở vật chất, xong trước ngày "
     "05/11/2026.", "Hướng dẫn các trường rà soát cơ ", "Sở Giáo dục và Đào tạo"),
    # a clause after the colon is the unit's sentence, not a label over it
    ("2. Sở Tài chính: chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí, trình UBND tỉnh trước ngày 05/11/2026.",
     "Sở Tài chính: chủ trì, phối hợp ", "Sở Tài chính"),
    # a capitalised word after a unit's head is the unit's name, not a cue
    ("6. Yêu cầu Giám đốc Sở Xây dựng kiểm tra các công trình vi phạm, xử lý xong trước ngày 05/11/2026.",
     "Yêu cầu Giám đốc Sở Xây dựng kiể", "Sở Xây dựng"),
    # a deadline that opens the item before who does it
    ("- Chậm nhất ngày 05/11/2026, Sở Nội vụ trình Ủy ban nhân dân tỉnh phương án sắp xếp các thôn.",
     "Chậm nhất ngày 05/11/2026, Sở Nộ", "Sở Nội vụ"),
])
def test_tasks_where_the_description_starts(item: str, start: str, lead: str) -> None:
    assert _prose(item + "\n") == [("2026-11-05", start, [lead])]


def test_tasks_paragraph_under_a_unit_heading_that_opens_with_what_it_does() -> None:
    text = ("2. Bộ Công an\n\nKhẩn trương điều tra, xử lý các vụ buôn lậu; báo cáo Thủ tướng Chính phủ trước ngày "
            "15/01/2027.\n\nTăng cường phối hợp với lực lượng biên phòng; trước ngày 20/01/2027 gửi báo cáo.\n\n"
            "Đề nghị các cơ quan báo chí đưa tin kịp thời, trước ngày 25/01/2027.\n")
    assert _prose(text) == [("2027-01-15", "Khẩn trương điều tra, xử lý các ", ["Bộ Công an"])]


def test_tasks_completion_line_after_the_item() -> None:
    text = ("3. Sở Y tế\n- Chủ trì rà soát các cơ sở khám bệnh, chữa bệnh tư nhân trên địa bàn tỉnh.\n"
            "Hoàn thành trước ngày 31/12/2026.\n"
            "- Hướng dẫn các trạm y tế xã cập nhật hồ sơ sức khỏe điện tử.\n")
    assert _prose(text) == [("2026-12-31", "Chủ trì rà soát các cơ sở khám b", ["Sở Y tế"])]


def test_tasks_paragraph_right_below_a_unit_heading() -> None:
    text = ("2. Sở Tài chính\n\nCân đối, bố trí kinh phí tổ chức Hội nghị; hoàn thành trước ngày 28/02/2027.\n\n"
            "Trong quá trình thực hiện, nếu có vướng mắc, báo cáo về Sở Nội vụ trước ngày 05/3/2027.\n")
    assert _prose(text) == [("2027-02-28", "Cân đối, bố trí kinh phí tổ chức", ["Sở Tài chính"])]


def test_tasks_time_in_a_basis_clause_is_not_the_tasks() -> None:
    # the year of the results the task builds on is no deadline; a time lead-in is the task's own
    assert _prose("c) Căn cứ kết quả thực hiện Nghị quyết trong năm 2026, Ủy ban nhân dân tỉnh đánh giá tác động, "
                  "đề xuất sửa đổi Nghị quyết.\n") == []
    assert _prose("- Trong tháng 9/2026, Sở Y tế chủ động kiểm tra các cơ sở kinh doanh thực phẩm.\n") == [
        ("2026-09", "Trong tháng 9/2026, Sở Y tế chủ ", ["Sở Y tế"])]


def test_tasks_collective_whose_heads_are_also_verbs() -> None:
    # "tổ chức" in a list of bodies is a body, not the verb that ends the list
    ((_, _, lead),) = _prose("2. Các cơ quan, tổ chức, đơn vị sử dụng ngân sách có trách nhiệm rà soát tài sản, "
                             "hoàn thành trước ngày 30/11/2026.\n")
    assert lead == ["Các cơ quan, tổ chức, đơn vị sử dụng ngân sách"]
    # named at an article of the document, then the cue
    ((_, _, lead),) = _prose("3. Các cơ quan, tổ chức, đơn vị được phân cấp tại Điều 2 có trách nhiệm ban hành định "
                             "mức trước ngày 30/11/2026.\n")
    assert lead == ["Các cơ quan, tổ chức, đơn vị được phân cấp"]
    ((_, _, lead),) = _prose("- Các sở, ngành chủ động tổ chức tuyên truyền, hoàn thành trước ngày 30/11/2026.\n")
    assert lead == ["Các sở, ngành"]
