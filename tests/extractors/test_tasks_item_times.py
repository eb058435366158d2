"""Where a plan item's doer and time stand: a clock time between "vào lúc" and the day ("vào lúc 08 giờ 00 ngày
22/10/2025"), a meeting that is held at a time (no one's task), and a topic label before the unit that does it
("Tổ chức Hội nghị ... cấp cơ sở: Ủy ban nhân dân các phường ... tổ chức ..."). Every phrase here is written for
this test; none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2025)


@pytest.mark.parametrize("item,period,lead", [
    ("2. **Trung tâm Công nghệ thông tin** bảo đảm đường truyền, tổ chức chạy thử kết nối với các điểm cầu vào "
     "lúc 08 giờ 00 ngày 22/10/2025.", "2025-10-22", "Trung tâm Công nghệ thông tin"),
    ("b) Văn phòng Sở Nội vụ bố trí xe đưa đón đại biểu vào lúc 6h30 ngày 14/11/2025.", "2025-11-14",
     "Văn phòng Sở Nội vụ"),
])
def test_tasks_clock_time_between_timing_word_and_day(item: str, period: str, lead: str) -> None:
    (task,) = extract_tasks("III. TỔ CHỨC THỰC HIỆN\n\n" + item + "\n", CTX)
    assert task.period.value == period and task.lead[0].startswith(lead)


def test_tasks_meeting_held_at_a_clock_time_is_no_task() -> None:
    text = ("I. HỘI NGHỊ TRIỂN KHAI NHIỆM VỤ NĂM 2026\n"
            "Hội nghị triển khai nhiệm vụ năm 2026 được tổ chức vào lúc 14 giờ 00 ngày 20/12/2025 tại Hội trường "
            "Ủy ban nhân dân huyện.\n")
    assert extract_tasks(text, CTX) == []


@pytest.mark.parametrize("item,period,lead,start", [
    ("4. Tổ chức Hội nghị điển hình tiên tiến cấp cơ sở: Ủy ban nhân dân các phường, các cơ quan, đơn vị trên "
     "địa bàn tổ chức hội nghị, hoàn thành trước ngày 15/4/2026.", "2026-04-15", "Ủy ban nhân dân các phường",
     "Tổ chức Hội nghị điển hình tiên tiến cấp cơ sở:"),
    ("- Sơ kết phong trào thi đua: Các trường học tổ chức sơ kết, gửi báo cáo về Phòng Giáo dục và Đào tạo trước "
     "ngày 20/01/2026.", "2026-01-20", "Các trường học", "Sơ kết phong trào thi đua:"),
])
def test_tasks_topic_label_before_who_does_it(item: str, period: str, lead: str, start: str) -> None:
    (task,) = extract_tasks("III. CÁC BƯỚC TIẾN HÀNH\n\n" + item + "\n", CTX)
    assert task.period.value == period and task.lead[0].startswith(lead)
    assert task.description.startswith(start)


def test_tasks_topic_label_without_a_doer_after_it_is_no_task() -> None:
    text = "III. CÁC BƯỚC TIẾN HÀNH\n\n2. Hình thức khen thưởng: Giấy khen, trao trước ngày 30/4/2026.\n"
    assert extract_tasks(text, CTX) == []
