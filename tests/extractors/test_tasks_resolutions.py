"""Assignments in resolutions and decisions: "Giao Chính phủ, căn cứ ..., ... trước ngày ..." (a body of the
reference list without a head), a unit heading with a colon over lettered items each with its own time (also
"X chỉ đạo Y:"), and the paragraph after an item that says when its act runs ("Việc ... áp dụng từ ngày ... đến
hết ngày ..."). An assignment without a time gives no task. Every phrase here is written for this test; none is
taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2025)


@pytest.mark.parametrize("item,period,lead", [
    ("2. Giao Chính phủ, căn cứ vào Nghị quyết này và Đề án số 412/ĐA-CP ngày 14 tháng 6 năm 2025 của Chính phủ, "
     "chỉ đạo xác định diện tích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai trước ngày 31 "
     "tháng 10 năm 2025; đồng thời, khẩn trương triển khai công tác đo đạc địa giới.", "2025-10-31", "Chính phủ"),
    ("Điều 3. Giao Chính phủ chỉ đạo các bộ, ngành tổng kết việc thi hành Nghị quyết, báo cáo Quốc hội trước "
     "ngày 15/5/2026.", "2026-05-15", "Chính phủ"),
    ("3. Giao Kiểm toán nhà nước, trong phạm vi chức năng, nhiệm vụ của mình, kiểm toán việc sử dụng kinh phí "
     "hỗ trợ, báo cáo Quốc hội trước ngày 30/6/2026.", "2026-06-30", "Kiểm toán nhà nước"),
])
def test_tasks_resolution_assignment_to_a_body_without_head(item: str, period: str, lead: str) -> None:
    (task,) = extract_tasks("Điều 2. Tổ chức thực hiện\n\n" + item + "\n", CTX)
    assert task.period.value == period and task.lead == [lead]


@pytest.mark.parametrize("item", [
    "2. Giao Chính phủ chỉ đạo các bộ, ngành tổ chức thực hiện Nghị quyết này.",
    "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết theo quy định của pháp luật.",
    "4. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện.",
])
def test_tasks_resolution_assignment_without_time_is_no_task(item: str) -> None:
    assert extract_tasks("Điều 2. Tổ chức thực hiện\n\n" + item + "\n", CTX) == []


def test_tasks_unit_heading_over_lettered_items_each_with_its_time() -> None:
    text = ("3. Các tỉnh,\nthành phố:\n\n"
            "a) Chủ động bố trí ngân sách địa phương để khắc phục hậu quả mưa lũ.\n\n"
            "b) Tổng hợp nhu cầu hỗ trợ giống cây trồng, gửi Bộ Nông nghiệp và Môi trường trước ngày 15 tháng 01 "
            "năm 2026.\n\n"
            "4. Bộ Y tế chỉ đạo Cục Quản lý Dược:\n\n"
            "a) Bảo đảm thuốc, vật tư y tế cho các cơ sở khám, chữa bệnh tại vùng bị lũ, hoàn thành trong tháng 01 "
            "năm 2026.\n\n"
            "b) Hướng dẫn các bệnh viện tuyến tỉnh tiếp nhận người bệnh chuyển tuyến.\n")
    first, second = extract_tasks(text, CTX)
    assert first.period.value == "2026-01-15" and first.description.startswith("Tổng hợp nhu cầu hỗ trợ")
    assert first.lead == ["Các tỉnh, thành phố"]
    assert second.period.value == "2026-01" and second.description.startswith("Bảo đảm thuốc")
    assert second.director == ["Bộ Y tế"] and second.lead == ["Cục Quản lý Dược"]


def test_tasks_item_whose_act_runs_in_the_paragraph_after_it() -> None:
    text = ("c) Ngân hàng Phát triển Việt Nam:\n\n"
            "- Nghiên cứu, đề xuất cơ chế giãn nợ cho các dự án bị thiệt hại.\n\n"
            "- Trình Thủ tướng Chính phủ quyết định khoanh nợ đối với các khoản vay của doanh nghiệp bị thiệt "
            "hại.\n\n"
            "Việc khoanh nợ áp dụng đối với dư nợ phát sinh từ ngày 01 tháng 11 năm 2025 đến hết ngày 31 tháng 3 "
            "năm 2026.\n")
    (task,) = extract_tasks(text, CTX)
    assert task.period.value == "2025-11-01/2026-03-31"
    assert task.description.startswith("Trình Thủ tướng Chính phủ quyết định khoanh nợ")
    assert task.lead == ["Ngân hàng Phát triển Việt Nam"]
    assert len(task.evidence) == 2 and task.evidence[1].text.startswith("Việc khoanh nợ")


def test_tasks_paragraph_opening_with_viec_gives_no_time_to_an_item_above_without_one() -> None:
    text = ("c) Ngân hàng Phát triển Việt Nam:\n\n"
            "- Trình Thủ tướng Chính phủ quyết định khoanh nợ đối với các khoản vay bị thiệt hại.\n\n"
            "Việc khoanh nợ thực hiện theo quy định của pháp luật về tín dụng.\n")
    assert extract_tasks(text, CTX) == []
