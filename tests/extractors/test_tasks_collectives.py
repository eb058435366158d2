"""A plan's item whose subject is a collective ("Các đơn vị ...", "Các Cụm thi đua ...", "Các khoa, phòng ...")
is a task when its first sentence holds a deadline of its own; without one it is an exhortation. Every phrase
here is written for this test; none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2025, province="Thanh Hóa")


@pytest.mark.parametrize("item,period,lead", [
    ("4. Các đơn vị được phân công báo cáo điển hình gửi bài về Ban Thi đua - Khen thưởng trước ngày 12/3/2026.",
     "2026-03-12", "Các đơn vị được phân công"),
    ("3. Các Cụm thi đua gửi bản đăng ký giao ước thi đua về Sở Nội vụ trước ngày 25/02/2025.",
     "2025-02-25", "Các Cụm thi đua"),
    ("5. Các khoa, phòng có tập thể tiêu biểu gửi bài tham luận về Phòng Tổ chức cán bộ chậm nhất ngày 20/10/2025.",
     "2025-10-20", "Các khoa, phòng có tập thể tiêu biểu"),
    ("b) Các Khối thi đua nộp hồ sơ đề nghị tặng Cờ thi đua về Thường trực Hội đồng trước ngày 05 tháng 11 năm 2025.",
     "2025-11-05", "Các Khối thi đua"),
    ("2. Các xã, phường gửi báo cáo tổng kết phong trào về Ủy ban nhân dân huyện trước ngày 30/11/2025.",
     "2025-11-30", "Các xã, phường"),
])
def test_tasks_collective_with_its_own_deadline(item: str, period: str, lead: str) -> None:
    (task,) = extract_tasks("III. TỔ CHỨC THỰC HIỆN\n\n" + item + "\n", CTX)
    assert task.period.value == period
    assert task.description.startswith(item.split(" ", 1)[1][:30])
    assert task.lead and task.lead[0].startswith(lead)
    assert not any("Sở Nội vụ" in n or "Phòng Tổ chức" in n for n in task.lead)  # the recipient does not do it


def test_tasks_collective_two_clauses_each_its_deadline_and_subject() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n"
            "3. Các Cụm thi đua gửi bản đăng ký giao ước thi đua về Sở Nội vụ trước ngày 25/02/2025; các đơn vị "
            "trực thuộc đăng ký danh hiệu thi đua năm 2025 trước ngày 10/3/2025.\n")
    first, second = extract_tasks(text, CTX)
    assert (first.period.value, second.period.value) == ("2025-02-25", "2025-03-10")
    assert first.lead == ["Các Cụm thi đua"]
    assert second.description.startswith("các đơn vị trực thuộc đăng ký") and second.lead[0].startswith("các đơn vị")


@pytest.mark.parametrize("item", [
    "6. Các trường học tiếp tục đẩy mạnh phong trào thi đua dạy tốt, học tốt.",  # no time: an exhortation
    "2. Các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 15/12 hằng năm.",  # a recurring date: no deadline
    # the deadline is not in the collective's sentence
    "a) Yêu cầu các sở, ngành, địa phương phải quyết liệt hơn nữa. Từng cán bộ, công chức phải hoàn thành "
    "nhiệm vụ trước ngày 31/12/2025.",
])
def test_tasks_collective_without_its_own_deadline_is_no_task(item: str) -> None:
    assert extract_tasks("III. TỔ CHỨC THỰC HIỆN\n\n" + item + "\n", CTX) == []
