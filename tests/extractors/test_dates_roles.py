"""dates: the role of a date comes from the words before it."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.dates import extract_dates

CTX = DocContext(year=2024)


@pytest.mark.parametrize("text, value, role", [
    # deadlines
    ("Các đơn vị gửi báo cáo (gửi trước ngày 30/5/2024).", "2024-05-30", "deadline"),
    ("Thời gian gửi báo cáo chậm nhất là ngày 10/7/2020.", "2020-07-10", "deadline"),
    ("Hoàn thành trong quý IV năm 2023.", "2023-Q4", "deadline"),
    ("Thời gian hoàn thành trong tháng 03/2023.", "2023-03", "deadline"),
    ("Hoàn thành và giao đến các đơn vị trực thuộc trước 01/10/2021.", "2021-10-01", "deadline"),
    ("Các huyện gửi hồ sơ về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) trong Quý I năm 2025 để tổng hợp.",
     "2025-Q1", "deadline"),
    ("Hạn nộp hồ sơ: ngày 15/11/2025.", "2025-11-15", "deadline"),
    ("Các trường nộp sáng kiến chậm nhất vào ngày 20/4/2026.", "2026-04-20", "deadline"),
    ("Thời hạn hoàn thành xong trước 31/8/2024.", "2024-08-31", "deadline"),
    ("Các tổ nộp hồ sơ về Văn phòng nhà trường trước 17h00 ngày 25/5/2025.", "2025-05-25", "deadline"),
    ("Thời gian hoàn thành: Quý III/2025", "2025-Q3", "deadline"),
    # events
    ("Lễ phát động được tổ chức vào lúc 7 giờ 30 phút, ngày 26/3/2025 tại sân vận động huyện.",
     "2025-03-26", "event"),
    ("Thời gian: ngày 15/3/2025 tại Hội trường Ủy ban nhân dân xã", "2025-03-15", "event"),
    ("Trường tổ chức Hội nghị viên chức năm học 2024-2025 vào ngày 20/9/2024.", "2024-09-20", "event"),
    ("- Thời gian: 02 ngày, dự kiến trong tháng 7/2024;", "2024-07", "event"),
    ("Thời gian tổ chức: 01 buổi vào Quý I năm 2025.", "2025-Q1", "event"),
    ("Dự kiến tổ chức trong 01 ngày vào cuối tháng 7 năm 2020.", "2020-07", "event"),
    ("Hội nghị diễn ra vào ngày 18/9/2025 tại Hội trường tỉnh.", "2025-09-18", "event"),
    ("Thời gian: Từ ngày 10/6 đến ngày 12/6/2025.", "2025-06-10/2025-06-12", "event"),
    # references
    ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;", "2023-12-31", "reference"),
    ("Căn cứ Luật Thi đua, khen thưởng năm 2022;", "2022", "reference"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "2015-06-19", "reference"),
    ("Thực hiện Chỉ thị số 20/CT – VNPT - CĐ VNPT, ngày 23/9/2021 của Tập đoàn", "2021-09-23", "reference"),
    ("theo Tờ trình số 2753/TTr-STP 28/9/2022", "2022-09-28", "reference"),
    ("Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", "2021-05-18", "reference"),
    # issued
    ("Nam Định, ngày tháng 5 năm 2024", "2024-05", "issued"),
    ("Số: 125/KH-UBND          Lào Cai, ngày 03 tháng 02 năm 2025", "2025-02-03", "issued"),
    # periods and others
    ("Phát động phong trào thi đua giai đoạn 2025-2030.", "2025/2030", "period"),
    ("Kế hoạch công tác thi đua, khen thưởng năm 2024", "2024", "period"),
    ("I\tQuý I\t\t\t", "2024-Q1", "period"),
    ("Tổ chức Hội nghị tổng kết phong trào thi đua năm 2024", "2024", "period"),
    ("đến năm 2025 tỷ lệ hộ nghèo còn dưới 1,5%", "2025", "period"),
    ("Thời gian: 02 ngày, dự kiến trong tháng 7/2024;", "P2D", "duration"),
])
def test_dates_roles(text: str, value: str, role: str) -> None:
    got = [(d.value, d.role) for d in extract_dates(text, CTX)]
    assert (value, role) in got, got


@pytest.mark.parametrize("text, value", [
    # a scope year is not a deadline or an event, even after "tổ chức" or "hoàn thành"
    ("Tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2024", "2024"),
    ("phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2023", "2023"),
    ("Các đơn vị đến 31/10 có tỷ lệ hoàn thành trên 40%", "2024-10-31"),
    ("Trong tháng 02 năm 2023: đề nghị tặng Cờ thi đua của Chính phủ", "2023-02"),
])
def test_dates_not_deadline_nor_event(text: str, value: str) -> None:
    roles = {d.role for d in extract_dates(text, CTX) if d.value == value}
    assert roles and not roles & {"deadline", "event"}, roles
