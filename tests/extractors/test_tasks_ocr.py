"""tasks.py on OCR-read assignment tables: misread headers, noisy section rows, wrapped rows, glued unit cells."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.task_tables import find_task_tables
from extractors.tasks import extract_tasks

CTX = DocContext(year=2024, province="Bắc Ninh", level="tỉnh")
HEADER = "STT\tNội dung thực hiện\tĐơn vị chỉ đạo\tĐơn vị thực hiện\tĐơn vị phối hợp\tGhi chú\n"
ROW = "1\tTổ chức Hội nghị sơ kết phong trào thi đua\tUBND tỉnh\tSở Nội vụ\tSở Tài chính\t\n"


@pytest.mark.parametrize("header", [
    "STT\tNội dung thực hiện\tĐơn vị ch: đạo\t- Đơn vị thực hiện\tĐơn vị phối hợp\tGhi chú\n",
    "STT\tNội dung thục hiện\tĐơn vi chỉ đạo\tĐơn vị thực hiên\tĐơn vi phối hơp\tGhi chú\n",
    "TT\tNội dung\tĐơn vị chí đạo\tĐơn vị chủ tri\tĐơn vị phổi hợp\tGhi chủ\n",
    # a header whose cells wrap onto a second line
    "STT\tNội dung\tĐơn vị\tĐơn vị\tĐơn vị\tGhi\nTT\tthực hiện\tchỉ đạo\tthực hiện\tphối hợp\tchú\n",
])
def test_tasks_ocr_header_words_misread(header):
    tasks = extract_tasks(header + "I\tQuý I\t\t\t\t\n" + ROW, CTX)
    assert len(tasks) == 1
    assert tasks[0].director == ["Ủy ban nhân dân tỉnh Bắc Ninh"]
    assert tasks[0].lead == ["Sở Nội vụ"] and tasks[0].support == ["Sở Tài chính"]


@pytest.mark.parametrize("section, value", [
    ("\tQuý I\t\t\t\t\n", "2024-Q1"),        # the Roman number lost
    ("H\tQuý II\t\t\t\t\n", "2024-Q2"),      # "II" read as "H"
    ("II\tQuy II\t\t\t\t\n", "2024-Q2"),     # the tone lost
    ("Il\tQuí Il\t\t\t\t\n", "2024-Q2"),
    ("|V\tQuý |V\t\t\t\t\n", "2024-Q4"),
    ("III.\tQuý III năm 2024\t\t\t\t\n", "2024-Q3"),
])
def test_tasks_ocr_noisy_section_rows(section, value):
    tasks = extract_tasks(HEADER + section + ROW, CTX)
    assert [t.period.value for t in tasks] == [value]
    assert tasks[0].description.startswith("Tổ chức Hội nghị")


def test_tasks_ocr_repeated_quarter_is_the_next_one():
    # OCR read the third section "III  Quý III" as "HÌ|  Quý II"
    text = (HEADER + "I\tQuý I\t\t\t\t\n" + ROW + "H\tQuý II\t\t\t\t\n" + ROW.replace("1\t", "2\t")
            + "HÌ|\tQuý II\t\t\t\t\n" + ROW.replace("1\t", "3\t") + "IV\tQuý IV\t\t\t\t\n" + ROW)
    assert [t.period.value for t in extract_tasks(text, CTX)] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]


@pytest.mark.parametrize("row", [
    # a number cell that is not a Roman numeral and a row that names no period is a task, not a section
    "H\tRà soát hồ sơ đề nghị khen thưởng\t\t\t\t\n",
    "\tTiến hành thanh tra, kiểm tra\tHội đồng TĐKT tỉnh\tSở Nội vụ\t\t\n",
])
def test_tasks_ocr_rows_without_a_number_stay_tasks(row):
    tasks = extract_tasks(HEADER + "I\tQuý I\t\t\t\t\n" + ROW + row, CTX)
    assert len(tasks) == 2 and tasks[1].period.value == "2024-Q1"


def test_tasks_ocr_wrapped_row_continues_the_row_above():
    text = (HEADER + "III\tQuý III\t\t\t\t\n"
            "3\tTổ chức tập huấn, triển khai Luật Thi đua - Khen thưởng năm 2022 và các văn bản hướng\t"
            "Hội đồng TĐKTtỉnh\tBan Thi đua - khen thưởng,\tCác địa phương, đơn vị, các\t\n\n"
            "\tdẫn thi hành.\t\tSở Nội vụ\tCụm, Khối thi đua\t\n"
            "\tHọc tập kinh nghiệm công tác thi đua\tUBND tỉnh\tSở Nội vụ\t\t\n")
    tasks = extract_tasks(text, CTX)
    assert len(tasks) == 2
    first = tasks[0]
    assert first.description.endswith("văn bản hướng dẫn thi hành.")
    assert first.director == ["Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh"]
    assert "Sở Nội vụ" in first.lead
    assert len(first.evidence) == 2
    for ev in first.evidence:
        assert text[ev.start:ev.end] == ev.text
    table = find_task_tables(text, CTX)[0]
    assert len(table.rows[1][0].more) == 1


@pytest.mark.parametrize("cell, want", [
    ("UBNDtinhh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("UBNDItinh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("UJBNDItinh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("DBNDtinh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Hội đồng TĐKTtinh", "Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh"),
    ("“Thường trực Hội đồng TĐKT tỉnh", "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh"),
    # a holder of a role keeps the cell's own (repaired) words
    ("Cụm trưởng cụm TĐcác tỉnhÐBSH", "Cụm trưởng cụm TĐ các tỉnh ĐBSH"),
    ("UBNDhuyện", "Ủy ban nhân dân huyện"),
])
def test_tasks_ocr_glued_unit_cells(cell, want):
    row = f"1\tTổ chức Hội nghị sơ kết\t{cell}\tSở Nội vụ\t\t\n"
    tasks = extract_tasks(HEADER + "I\tQuý I\t\t\t\t\n" + row, CTX)
    assert tasks[0].director == [want]
