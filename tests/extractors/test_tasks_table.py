"""tasks.py: appendix tables mapped by header words, section periods, unit cells; seed 001 vs gold."""
from __future__ import annotations

import json

import pytest

from extractors.context import DocContext
from extractors.names import expand_abbreviations, name_key
from extractors.tasks import extract_tasks
from tests.conftest import GOLD, SEED_IDS, seed_text


def test_tasks_synthetic_table_columns_in_another_order():
    text = ("PHỤ LỤC\n"
            "TT\tĐơn vị phối hợp\tThời gian thực hiện\tNội dung công việc\tĐơn vị chủ trì\n"
            "I\tQuý III\t\t\t\n"
            "1\tSở Tài chính; Sở Y tế\t\tTổ chức Hội nghị sơ kết phong trào thi đua\tSở Nội vụ tỉnh Sơn La\n"
            "2\t\tTháng 11/2025\tTổng kết công tác thi đua, khen thưởng\t- Phòng Nội vụ các huyện; - UBND các xã\n")
    tasks = extract_tasks(text, DocContext(year=2025, province="Sơn La"))
    assert [t.description for t in tasks] == ["Tổ chức Hội nghị sơ kết phong trào thi đua",
                                              "Tổng kết công tác thi đua, khen thưởng"]
    assert tasks[0].period.value == "2025-Q3"
    assert tasks[0].support == ["Sở Tài chính", "Sở Y tế"]
    assert tasks[0].lead == ["Sở Nội vụ tỉnh Sơn La"]
    assert tasks[1].period.value == "2025-11"
    assert tasks[1].lead == ["Phòng Nội vụ các huyện", "Ủy ban nhân dân các xã"]
    assert all(t.source == "table" for t in tasks)
    for t in tasks:
        ev = t.evidence[0]
        assert text[ev.start:ev.end] == ev.text and t.description in ev.text


@pytest.mark.parametrize("text", [
    # an award summary is not an assignment table
    "STT\tDanh hiệu, hình thức khen thưởng\tTổng số\tTập thể\tCá nhân\n1\tBằng khen\t5\t2\t3\n",
    "Sở Nội vụ chủ trì tổ chức Hội nghị.",
])
def test_tasks_none_outside_assignment_tables(text):
    assert extract_tasks(text, DocContext(year=2024)) == []


def test_tasks_leader_table_with_pipes_and_plan_period():
    text = ("III. THỜI GIAN THI ĐUA\nTừ ngày 01/10/2021 đến hết ngày 31/12/2021.\n"
            "TT | Lãnh đạo chỉ đạo | Nội dung\n1 | Đ/c Trần Văn B | Phát triển thuê bao\n")
    (task,) = extract_tasks(text, DocContext(year=2021))
    assert task.director == ["Trần Văn B"]
    assert task.period.value == "2021-10-01/2021-12-31"


@pytest.mark.parametrize("period, value", [
    ("Từ ngày 01/10/2021 đến hết ngày 31/12/2021.", "2021-10-01/2021-12-31"),
    ("Từ 15/3/2024 đến 30/6/2024", "2024-03-15/2024-06-30"),
    ("01/4/2023 - 31/5/2023", "2023-04-01/2023-05-31"),
])
def test_tasks_table_row_without_a_time_takes_the_plans_period(period: str, value: str) -> None:
    text = (f"IV. THỜI GIAN THỰC HIỆN\n{period}\n"
            "TT | Nội dung | Đơn vị chủ trì\n1 | Tổ chức phát động thi đua | Sở Nội vụ\n")
    (task,) = extract_tasks(text, DocContext(year=2024))
    assert task.period is not None and task.period.value == value and task.period.granularity == "interval"
    assert task.period.text in text


@pytest.mark.parametrize("period", ["02 ngày", "Tháng 5/2024", "Thường xuyên"])
def test_tasks_plans_period_is_a_span_of_days_only(period: str) -> None:
    text = (f"IV. THỜI GIAN THỰC HIỆN\n{period}\n"
            "TT | Nội dung | Đơn vị chủ trì\n1 | Tổ chức phát động thi đua | Sở Nội vụ\n")
    (task,) = extract_tasks(text, DocContext(year=2024))
    assert task.period is None


@pytest.mark.parametrize("section, value", [("Quí IV-2025", "2025-Q4"), ("Quy Il", "2024-Q2"), ("Quý |V", "2024-Q4")])
def test_tasks_section_row_reads_spelling_variants_and_ocr_quarters(section: str, value: str) -> None:
    text = ("TT\tNội dung\tĐơn vị chủ trì\n"
            f"I\t{section}\t\n"
            "1\tTổ chức phát động thi đua\tSở Nội vụ\n")
    (task,) = extract_tasks(text, DocContext(year=2024))
    assert task.period is not None and task.period.value == value and task.period.text == section


def _expanded(s: str) -> str:
    return name_key(expand_abbreviations(s))


def _ok(want: str, got: list[str]) -> bool:
    w = _expanded(want)
    return any(w in _expanded(g) or _expanded(g) in w for g in got)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_tasks_seed_matches_gold(doc_id):
    gold = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
    year = int(gold["document"]["issued"][:4]) if gold["document"].get("issued") else None
    year = year or (int(gold["tasks"][0]["period"][:4]) if gold.get("tasks") else None)
    tasks = extract_tasks(seed_text(doc_id), DocContext(year=year, province=gold["document"].get("place")))
    if not gold.get("tasks"):
        # the seeds' gold annotates table tasks only; a prose task it leaves out ("Sở Nội vụ tham mưu ...
        # Thời gian hoàn thành trong tháng 03/2023") must still say who does it by when
        assert all(t.source == "prose" and t.period is not None and t.lead for t in tasks)
        return
    assert len(tasks) == len(gold["tasks"])
    for t, g in zip(tasks, gold["tasks"]):
        assert t.period.value == g["period"]
        assert name_key(t.description).startswith(name_key(g["text"])[:30])
        for role in ("lead", "support", "director"):
            for want in g[role]:
                assert _ok(want, getattr(t, role)), (role, want, getattr(t, role))


def test_tasks_table_time_cell_without_a_time_of_its_own():
    # a time that hangs on another act or plan gives no task; a recurring or standing time gives no deadline
    text = ("TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "1\tSửa đổi Quy chế phối hợp cứu hộ trên sông\tSở Xây dựng\tCông an tỉnh\tSau khi Bộ ban hành Quy chế mẫu\n"
            "2\tDiễn tập ứng phó sự cố tràn dầu\tBộ Chỉ huy Quân sự tỉnh\tSở Công Thương\tTheo kế hoạch riêng\n"
            "3\tBáo cáo kết quả rà soát công trình\tSở Nông nghiệp và Môi trường\tUBND các xã\tTháng 11 hằng năm\n"
            "4\tCập nhật cơ sở dữ liệu phòng chống thiên tai\tSở Khoa học và Công nghệ\tCác sở, ngành\tThường xuyên\n"
            "5\tBan hành Quy chế hoạt động của Quỹ\tSở Tài chính\tSở Tư pháp\tNăm 2026\n")
    tasks = extract_tasks(text, DocContext(year=2026, province="Quảng Trị"))
    assert [(t.description[:20], t.period.value if t.period else None) for t in tasks] == [
        ("Báo cáo kết quả rà s", None), ("Cập nhật cơ sở dữ li", None), ("Ban hành Quy chế hoạ", "2026")]


def test_tasks_table_goes_on_past_a_line_of_dots():
    # a table printed in two parts with a line of dots between them (rows left out) is one table
    text = ("STT\tNội dung thực hiện\tĐơn vị chủ trì\tThời hạn\n"
            "1\tKiện toàn Ban Chỉ đạo cấp huyện\tPhòng Nội vụ\tTháng 3/2026\n\n"
            "…………….......\n\n"
            "4\tTổng kết, đánh giá kết quả thực hiện\tPhòng Tài chính - Kế hoạch\tTháng 12/2026\n")
    tasks = extract_tasks(text, DocContext(year=2026))
    assert [t.period.value for t in tasks] == ["2026-03", "2026-12"]
    assert tasks[1].lead == ["Phòng Tài chính - Kế hoạch"]


def test_tasks_table_headers_that_open_with_a_column_word():
    text = ("STT\tNhiệm vụ, giải pháp cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tTiến độ thực hiện dự kiến\n"
            "1\tXây dựng bản đồ số các điểm du lịch\tSở Văn hóa, Thể thao và Du lịch\tSở Khoa học và Công nghệ\t"
            "Quý II/2026\n")
    (task,) = extract_tasks(text, DocContext(year=2026, province="Khánh Hòa"))
    assert (task.description, task.period.value) == ("Xây dựng bản đồ số các điểm du lịch", "2026-Q2")
    assert task.lead == ["Sở Văn hóa, Thể thao và Du lịch"] and task.support == ["Sở Khoa học và Công nghệ"]


def test_tasks_row_without_its_number_takes_the_time_of_the_row_above():
    text = ("STT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\n"
            "1\tNâng cấp trung tâm dữ liệu tỉnh\tSở Khoa học và Công nghệ\tQuý III/2026\n"
            "\tSao lưu dữ liệu dự phòng\tCông an tỉnh\t\n"
            "2\tTập huấn cán bộ chuyên trách\tSở Nội vụ\tThường xuyên\n"
            "\tKiểm tra việc thực hiện\tSở Nội vụ\t\n")
    tasks = extract_tasks(text, DocContext(year=2026, province="Bắc Ninh"))
    assert [t.period.value if t.period else None for t in tasks] == ["2026-Q3", "2026-Q3", None, None]
