"""dates: what is no date of the plan (hours of a range of clock times, fractions), seasons across two years, and
which cue words give a deadline (time ago, a medium-term plan, the start of a span, a report due)."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.dates import extract_dates

CTX = DocContext(year=2025)


def _values(text: str) -> list[str]:
    return [d.value for d in extract_dates(text, CTX)]


def _roles(text: str) -> dict[str, str]:
    return {d.value: d.role for d in extract_dates(text, CTX)}


@pytest.mark.parametrize("text", [
    # the hours that open or close a range are times of day, not durations
    "Tổ tuần tra trực tại chốt từ 6 giờ đến 18 giờ hằng ngày trong mùa khô.",
    "Bộ phận tiếp nhận hồ sơ làm việc (7 giờ - 11 giờ) các ngày trong tuần.",
    "Trạm quan sát trực từ 7h30 đến 22 giờ, nhất là những ngày nắng nóng.",
    "Buổi chiều bắt đầu từ 13 giờ 30 phút tới 17 giờ.",
    "Thư viện phục vụ bạn đọc từ 8 giờ.",
    # a bare proper fraction before what it counts is never a day
    "Biển báo có hình dạng là 1/3 hình tròn, nền vàng.",
    "Nghị quyết được thông qua khi có từ 3/4 số thành viên biểu quyết tán thành.",
    "Mỗi xã được hỗ trợ 1/2 kinh phí mua sắm trang thiết bị.",
    "Chỉ tổ chức khi có mặt ít nhất 2/3 đại biểu được triệu tập.",
])
def test_dates_precision_no_date(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, value", [
    # an hour count that is no end of a range stays a duration
    ("Hội nghị diễn ra trong 3 giờ, từ 14 giờ.", "PT3H"),
    ("Thời gian thi: 2 giờ.", "PT2H"),
    # a day and month that is no proper fraction, or that the cue words make a day, stays a day
    ("Các đơn vị gửi đăng ký trước 1/4 để tổng hợp.", "2025-04-01"),
    ("Ngày truyền thống của ngành là 26/3.", "2025-03-26"),
    ("Các trường nộp hồ sơ trước 15/3 số lượng theo mẫu.", "2025-03-15"),
])
def test_dates_precision_kept(text: str, value: str) -> None:
    assert value in _values(text)


@pytest.mark.parametrize("text, value", [
    # a season across two years: "năm trước" is the year before the plan's, "năm sau" the year after; written
    # both, the span runs from the plan's year into the next
    ("Mùa mưa bão được xác định từ tháng 6 của năm trước đến hết tháng 1 của năm sau.", "2025-06/2026-01"),
    ("Mùa khô kéo dài từ tháng 11 năm trước đến tháng 5 năm sau.", "2025-11/2026-05"),
    ("Số liệu tổng hợp tính từ tháng 12 năm trước.", "2024-12"),
    ("Các huyện báo cáo kết quả trong tháng 01 năm sau.", "2026-01"),
])
def test_dates_precision_relative_years(text: str, value: str) -> None:
    assert value in _values(text)


@pytest.mark.parametrize("text, value, role", [
    # time ago: a count of time units, "trước" and a comma, is no deadline
    ("Kính gửi Quý khách, cách đây 9 tháng trước, ngày 12/4/2024, Cổng thông tin đã ra mắt.", "2024-04-12", "other"),
    ("Phong trào đã có nhiều kết quả; đúng hai năm về trước, ngày 5/8/2023, huyện đã phát động.", "2023-08-05",
     "other"),
    # counting back from a deadline keeps the deadline
    ("Các đơn vị gửi hồ sơ 05 ngày trước ngày 20/10/2025.", "2025-10-20", "deadline"),
    # "trung hạn", "dài hạn": a term of a plan, not a deadline ("hạn")
    ("Các sở đăng ký nhu cầu vốn đầu tư công trung hạn giai đoạn 2026 - 2030.", "2026/2030", "period"),
    ("Xây dựng kế hoạch tài chính dài hạn 2026-2035 của tỉnh.", "2026/2035", "period"),
    # the start of a span is no deadline, even under a deadline label
    ("Thời hạn thực hiện: Từ tháng 9/2025 đến khi hoàn thành việc sắp xếp.", "2025-09", "other"),
    # a report due in a period: "báo cáo ... trong tháng 11 năm 2025"
    ("Sở Tài chính tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11 năm 2025.",
     "2025-11", "deadline"),
    ("Bộ Xây dựng hướng dẫn, báo cáo cấp có thẩm quyền những vấn đề vượt thẩm quyền trong Quý II năm 2026.",
     "2026-Q2", "deadline"),
])
def test_dates_precision_roles(text: str, value: str, role: str) -> None:
    assert _roles(text).get(value) == role, _roles(text)


@pytest.mark.parametrize("text, values", [
    # a document typed or OCR'd without any diacritic reads its date words all the same
    ("UY BAN NHAN DAN HUYEN KY ANH\nKE HOACH to chuc Hoi nghi tong ket cong tac thi dua, khen thuong nam 2024. "
     "Cac xa gui bao cao ve Phong Noi vu truoc ngay 15/11/2024; Hoi nghi du kien to chuc trong thang 12 nam 2024 "
     "tai hoi truong Uy ban nhan dan huyen, thoi gian tu thang 10 den thang 12 nam 2024. Cac don vi chuan bi "
     "bao cao tham luan va danh sach de nghi khen thuong gui ve truoc ngay 30/11/2024.",
     {"2024", "2024-11-15", "2024-12", "2024-10/2024-12", "2024-11-30"}),
])
def test_dates_precision_without_diacritics(text: str, values: set[str]) -> None:
    assert values <= set(_values(text)), _values(text)


def test_dates_precision_diacritics_kept() -> None:
    """A document with its marks is read as written: 'nam' there is 'Nam' (south, a name), never 'năm'."""
    text = ("Ủy ban nhân dân tỉnh Hà Nam tổ chức hội nghị tổng kết công tác năm 2024 tại hội trường; các đơn vị gửi "
            "báo cáo trước ngày 15/11/2024. Đoàn công tác miền Nam 2025 được thành lập theo đề nghị của các huyện. ") * 2
    assert "2025" not in _values(text)


@pytest.mark.parametrize("text, value, role", [
    # a day that opens a paragraph reporting a meeting or a visit is when it happened
    ("THÔNG BÁO\n\nNgày 03 tháng 12 năm 2025, Bộ trưởng Bộ Y tế đã chủ trì buổi làm việc với lãnh đạo tỉnh Lâm Đồng.",
     "2025-12-03", "event"),
    ("KẾT LUẬN\n\nSáng ngày 21/10/2025, tại trụ sở Ủy ban nhân dân tỉnh Cà Mau, Phó Thủ tướng đã làm việc với tỉnh.",
     "2025-10-21", "event"),
    ("BÁO CÁO\n\nTừ ngày 04 đến ngày 06 tháng 9 năm 2025 tại Nghệ An, Đoàn công tác đã khảo sát các dự án.",
     "2025-09-04/2025-09-06", "event"),
    # ... not an act cited or a span that something lasted
    ("QUYẾT ĐỊNH\n\nNgày 14/10/2025, tại Thông báo số 412/TB-VPCP, Văn phòng Chính phủ truyền đạt ý kiến.",
     "2025-10-14", "other"),
    ("I. TÌNH HÌNH\n\n- Từ ngày 02/10 đến ngày 06/10/2025, trên địa bàn tỉnh xảy ra mưa lớn diện rộng.",
     "2025-10-02/2025-10-06", "period"),
    # a clock time right before a day gives an event's time, unless it is an instant counted at or a deadline
    ("BIÊN BẢN\n\nHôm nay, vào hồi 8 giờ 30 phút, ngày 12 tháng 6 năm 2025, tại Hội trường xã Tân Lập.",
     "2025-06-12", "event"),
    ("Cuộc thi tổ chức 7h30 ngày 14/12/2025 tại Nhà văn hóa huyện.", "2025-12-14", "event"),
    ("Tổng kiểm kê tài sản công tại thời điểm 0h00 ngày 01/01/2026 theo quy định.", "2026-01-01", "other"),
    ("- Đến 17h00 ngày 05/10/2025, toàn tỉnh có 12 nhà bị tốc mái.", "2025-10-05", "other"),
    ("Các trường nộp bài dự thi trước 16h30 ngày 20/12/2025.", "2025-12-20", "deadline"),
])
def test_dates_precision_events(text: str, value: str, role: str) -> None:
    assert _roles(text).get(value) == role, _roles(text)
