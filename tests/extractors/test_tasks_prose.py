"""Tasks written as prose: a list item that names who does what by when, a deadline label before the item,
the unit of the section an item sits in, and task blocks (Đơn vị chủ trì / Đơn vị phối hợp / Thời gian).
Every phrase here is written the way other provinces, ministries, schools and companies write; none is taken
from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2025, province="Gia Lai")


def _prose(text: str, ctx: DocContext = CTX):
    return [t for t in extract_tasks(text, ctx) if t.source != "table"]


def test_tasks_prose_lead_support_and_deadline() -> None:
    text = ("3. Nhiệm vụ cụ thể\n"
            "a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh ban hành Quy chế thi đua, khen "
            "thưởng, hoàn thành trước ngày 30/9/2025.\n"
            "b) Sở Văn hóa, Thể thao và Du lịch đẩy mạnh tuyên truyền các gương điển hình tiên tiến.\n")
    (task,) = _prose(text)
    assert task.description.startswith("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu")
    assert task.period.value == "2025-09-30"
    assert task.lead == ["Sở Nội vụ"]
    assert task.support == ["Sở Tài chính"]
    ev = task.evidence[0]
    assert text[ev.start:ev.end] == ev.text and ev.text.startswith("Sở Nội vụ")


@pytest.mark.parametrize("line,period,start", [
    ("- Trước ngày 15/10/2025: Các trường học hoàn thành việc đăng ký thi đua với Phòng Giáo dục.",
     "2025-10-15", "Các trường học hoàn thành việc đăng ký thi đua"),
    ("2. Năm 2026: Ban Thi đua - Khen thưởng tổng hợp kết quả, đề xuất khen thưởng tổng kết giai đoạn.",
     "2026", "Ban Thi đua - Khen thưởng tổng hợp kết quả"),
    ("- Tháng 11/2025: Công đoàn cơ sở tổ chức bình xét, đề nghị khen thưởng.", "2025-11",
     "Công đoàn cơ sở tổ chức bình xét"),
])
def test_tasks_prose_deadline_label_before_the_item(line: str, period: str, start: str) -> None:
    (task,) = _prose("III. TIẾN ĐỘ THỰC HIỆN\n" + line + "\n")
    assert task.period.value == period
    assert task.description.startswith(start)


def test_tasks_prose_unit_of_the_section_leads_its_items() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n4. Phòng Giáo dục và Đào tạo huyện\n"
            "- Hướng dẫn các trường tổ chức phong trào thi đua, báo cáo kết quả về UBND huyện trước ngày "
            "20/12/2025.\n- Thường xuyên kiểm tra, đôn đốc các trường thực hiện.\n")
    (task,) = _prose(text)
    assert task.lead == ["Phòng Giáo dục và Đào tạo huyện"]
    assert task.period.value == "2025-12-20"
    assert task.description.startswith("Hướng dẫn các trường tổ chức phong trào thi đua")


def test_tasks_prose_wrapped_lines_of_a_web_copy() -> None:
    text = ("c) Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính hoàn\n"
            "thiện hồ sơ đề án, trình Ủy ban nhân dân tỉnh trong tháng 11\n"
            "năm 2025.\n")
    (task,) = _prose(text)
    assert task.period.value == "2025-11"
    assert task.lead == ["Sở Khoa học và Công nghệ"]


def test_tasks_prose_abbreviated_units_in_full() -> None:
    text = "- Sở GD&ĐT chủ trì, phối hợp với Sở LĐ-TB&XH tổng hợp danh sách, gửi trước ngày 05/12/2025.\n"
    (task,) = _prose(text)
    assert task.lead == ["Sở Giáo dục và Đào tạo"]
    assert task.support == ["Sở Lao động - Thương binh và Xã hội"]


@pytest.mark.parametrize("text", [
    "- Sở Nội vụ chủ trì, phối hợp với các sở, ngành tổ chức triển khai Kế hoạch.\n",
    "Ngày 15/3/2025, UBND tỉnh ban hành Kế hoạch số 45/KH-UBND về phong trào thi đua.\n",
    "- Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2025 của UBND tỉnh.\n",
])
def test_tasks_prose_needs_a_deadline_and_an_assignment(text: str) -> None:
    assert _prose(text) == []


def test_tasks_block_with_labelled_units_and_period() -> None:
    text = ("1. Xây dựng cơ sở dữ liệu thi đua, khen thưởng của tỉnh\n"
            "- Đơn vị chủ trì: Sở Nội vụ.\n"
            "- Đơn vị phối hợp: Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh.\n"
            "- Thời gian hoàn thành: Quý IV/2025.\n"
            "2. Tổ chức tập huấn nghiệp vụ thi đua cho cán bộ cấp xã\n"
            "- Cơ quan chủ trì: Sở Nội vụ\n"
            "- Thời gian thực hiện: Năm 2026\n")
    tasks = _prose(text)
    assert [t.description for t in tasks] == ["Xây dựng cơ sở dữ liệu thi đua, khen thưởng của tỉnh",
                                              "Tổ chức tập huấn nghiệp vụ thi đua cho cán bộ cấp xã"]
    assert [t.period.value for t in tasks] == ["2025-Q4", "2026"]
    assert tasks[0].lead == ["Sở Nội vụ"]
    assert tasks[0].support == ["Sở Khoa học và Công nghệ", "Văn phòng Ủy ban nhân dân tỉnh Gia Lai"]


@pytest.mark.parametrize("cell,period", [
    ("Quí IV-2025", "2025-Q4"),
    ("Quý IV/2025", "2025-Q4"),
    ("Năm 2026", "2026"),
    ("2027", "2027"),  # a cell that holds only the year
    ("Thường xuyên", None),
    ("Thường xuyên, hằng năm", None),
])
def test_tasks_table_period_cell_wordings(cell: str, period: str | None) -> None:
    text = ("STT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            f"1\tXây dựng Bộ tiêu chí đánh giá chuyển đổi số\tSở Khoa học và Công nghệ\tCác sở, ngành\t{cell}\n")
    (task,) = extract_tasks(text, DocContext(year=2025))
    assert (task.period.value if task.period else None) == period


@pytest.mark.parametrize("text", [
    "II. MỤC TIÊU\n- Đến năm 2027: Có ít nhất 50% hợp tác xã trên địa bàn ứng dụng thương mại điện tử.\n",
    "- Đến năm 2030: 100% trường học đạt chuẩn quốc gia.\n",
    "1. Năm 2026: Tổ chức thu thập thông tin theo tiến độ sau:\n",
])
def test_tasks_prose_targets_and_list_openers_are_not_tasks(text: str) -> None:
    assert _prose(text) == []


@pytest.mark.parametrize("text", [
    # a recurring deadline is no date of one task
    "- Các phòng, ban báo cáo định kỳ 6 tháng (trước ngày 15 tháng 6 hằng năm) về Văn phòng.\n",
    # a procedure names who carries it out, but no deadline and no partner: not a task block
    "1. Thủ tục đăng ký khai sinh\n- Cơ quan thực hiện: Ủy ban nhân dân cấp xã.\n- Kết quả: Giấy khai sinh.\n",
])
def test_tasks_prose_recurring_dates_and_procedures_are_not_tasks(text: str) -> None:
    assert _prose(text) == []


def test_tasks_prose_paragraph_that_opens_with_the_lead_unit() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\nSở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh chuẩn bị nội dung hội "
            "nghị, hoàn thành trước ngày 10/7/2025.\nCác đơn vị tham dự đầy đủ, đúng thành phần vào ngày 15/7/2025.\n")
    (task,) = _prose(text)
    assert (task.period.value, task.lead) == ("2025-07-10", ["Sở Nội vụ"])
    assert task.support == ["Văn phòng Ủy ban nhân dân tỉnh Gia Lai"]
