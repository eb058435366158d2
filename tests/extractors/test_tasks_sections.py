"""Tasks under a heading that says whose duties they are, each item timed by a label on the line after it:

    1.2. Sở Y tế - Cơ quan thường trực Ban Chỉ đạo
    - Hướng dẫn các cơ sở khám bệnh ...
    Thời gian hoàn thành: Tháng 12/2025.

The heading names a unit (with its role after a dash), whose duties follow ("Trách nhiệm của ..."), a
collective and the members it lists, or an assignment ("Giao ..."); the label ("Thời gian thực hiện / hoàn
thành", "Thời hạn hoàn thành") gives the item above it, past its "+" sub-items, its period. Every phrase is
written here (other provinces, ministries, dates); none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.task_sections import section_heading
from extractors.tasks import extract_tasks

CTX = DocContext(year=2026, province="Thanh Hóa")


def _prose(text: str):
    return [(t.period.value if t.period else None, t.description[:40], t.lead) for t in extract_tasks(text, CTX)
            if t.source != "table"]


@pytest.mark.parametrize("line,lead", [
    ("2.1. Sở Y tế - Cơ quan thường trực Ban Chỉ đạo", ["Sở Y tế"]),
    ("3. Sở Giáo dục và Đào tạo (cơ quan thường trực)", ["Sở Giáo dục và Đào tạo"]),
    ("2.3. Ủy ban nhân dân các xã, phường", ["Ủy ban nhân dân các xã, phường"]),
    ("2.4. Trách nhiệm của các chủ đầu tư dự án:", ["các chủ đầu tư dự án"]),
    ("4. Nhiệm vụ của đơn vị được kiểm toán", ["đơn vị được kiểm toán"]),
    ("2.5. Các cơ quan chuyên môn (gồm các Sở: Tư pháp, Nội vụ)", ["Sở Tư pháp", "Sở Nội vụ"]),
    ("1. Giao Sở Tài chính", ["Sở Tài chính"]),
    ("b) Đối với Ủy ban nhân dân các huyện:", ["Ủy ban nhân dân các huyện"]),
    ("a) Sở Văn hóa, Thể thao và Du lịch:", ["Sở Văn hóa, Thể thao và Du lịch"]),
    # a person's office over the items: the body of the office, or the offices as written up to their remit
    ("2. Bộ trưởng Bộ Y tế - Trưởng Ban Chỉ đạo quốc gia chỉ đạo các đơn vị khẩn trương thực hiện các việc sau:",
     ["Bộ Y tế"]),
    ("b) Đồng chí Giám đốc Sở Giáo dục và Đào tạo tập trung thực hiện các nhiệm vụ sau:",
     ["Sở Giáo dục và Đào tạo"]),
    ("1. Các đồng chí Thủ trưởng các sở, ban, ngành theo chức năng, nhiệm vụ được giao, đề cao trách nhiệm "
     "người đứng đầu, chỉ đạo quyết liệt việc giải ngân vốn đầu tư công; trong đó tập trung vào các nội dung "
     "sau đây, bảo đảm đúng tiến độ, chất lượng và hiệu quả theo kế hoạch được giao trong năm:",
     ["Thủ trưởng các sở, ban, ngành"]),
])
def test_tasks_section_heading_names_whose_duties_follow(line: str, lead: list[str]) -> None:
    section = section_heading(line, CTX)
    assert section is not None and section.lead == lead


@pytest.mark.parametrize("line", [
    "2. Sở Tư pháp chủ trì rà soát văn bản, báo cáo trước ngày 15/3/2026.",  # an item that says what and when
    "1. Giao Sở Tài chính bố trí kinh phí thực hiện.",
    "3. Mục tiêu cụ thể",
    # a sentence that ends: an item, whatever its first words ("các trường hợp" is no collective of schools)
    "1. Đối với các trường hợp đề nghị khen thưởng cấp tỉnh, cấp huyện, các đơn vị lập hồ sơ, thủ tục theo quy định.",
    "II. NHIỆM VỤ CỤ THỂ",
    # the issuer speaking over the items: who gives the tasks, not who does them
    "Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:",
    "2. Phó Thủ tướng Chính phủ giao:",
])
def test_tasks_section_heading_is_not_an_item_or_a_topic(line: str) -> None:
    assert section_heading(line, CTX) is None


PLAN = """IV. NHIỆM VỤ CỤ THỂ

2.1. Sở Y tế - Cơ quan thường trực Ban Chỉ đạo

- Hướng dẫn các cơ sở khám bệnh, chữa bệnh rà soát danh mục trang thiết bị y tế.

Thời gian hoàn thành: Tháng 12/2026.

- Tổng hợp kết quả rà soát, báo cáo Bộ Y tế. Thời hạn hoàn thành: Trước ngày 30/6/2027.

- Theo dõi, đôn đốc các cơ sở thực hiện.

2.2. Trách nhiệm của các cơ sở khám bệnh, chữa bệnh:

- Lập danh mục trang thiết bị theo mẫu.

Thời hạn thực hiện: Từ ngày 01/3/2026 đến ngày 30/4/2026.

- Kiểm tra thực trạng thiết bị, trong đó:

+ Bệnh viện đa khoa tỉnh: kiểm tra thiết bị chẩn đoán hình ảnh.

+ Trung tâm Y tế các huyện: kiểm tra thiết bị xét nghiệm.

Thời gian thực hiện: Từ tháng 5/2026 đến khi hoàn thành việc rà soát.

- Cập nhật số liệu lên phần mềm quản lý.

Thời gian thực hiện: Thường xuyên.
"""


def test_tasks_time_label_after_an_item_under_a_section() -> None:
    assert _prose(PLAN) == [
        ("2026-12", "Hướng dẫn các cơ sở khám bệnh, chữa bệnh", ["Sở Y tế"]),
        ("2027-06-30", "Tổng hợp kết quả rà soát, báo cáo Bộ Y t", ["Sở Y tế"]),
        ("2026-03-01/2026-04-30", "Lập danh mục trang thiết bị theo mẫu.", ["các cơ sở khám bệnh, chữa bệnh"]),
        # the label after the "+" sub-items times the item that opens them; an open end gives the start month
        ("2026-05", "Kiểm tra thực trạng thiết bị, trong đó:", ["các cơ sở khám bệnh, chữa bệnh"]),
    ]


def test_tasks_time_label_needs_someone_who_does_the_item() -> None:
    # no heading says whose duties these are: an activity and its time, as in a plan's schedule, is no task
    text = ("III. NỘI DUNG\n1. Tập huấn nghiệp vụ\n- Tập huấn cho cán bộ phụ trách thống kê.\n"
            "Thời gian thực hiện: Tháng 4/2026.\n")
    assert _prose(text) == []


def test_tasks_assignment_heading_over_bullets() -> None:
    text = ("Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo như sau:\n"
            "1. Giao Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường\n"
            "- Hoàn thành việc số hóa hồ sơ cán bộ, công chức trước ngày 20 tháng 01 năm 2026.\n"
            "- Thường xuyên kiểm tra, đôn đốc việc cập nhật dữ liệu.\n"
            "2. Giao Sở Nội vụ\n- Hướng dẫn, theo dõi tiến độ cập nhật dữ liệu.\n")
    ((period, desc, lead),) = _prose(text)
    assert period == "2026-01-20" and desc.startswith("Hoàn thành việc số hóa")
    assert "Ủy ban nhân dân các xã, phường" in lead


def test_tasks_lettered_sections_and_an_inline_completion_label() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n"
            "a) Sở Xây dựng:\n"
            "- Rà soát quy hoạch các khu tái định cư. Thời hạn hoàn thành: Tháng 9/2026.\n"
            "- Hướng dẫn các chủ đầu tư lập hồ sơ.\n"
            "b) Đối với Ủy ban nhân dân các xã:\n"
            "- Bàn giao mặt bằng sạch cho chủ đầu tư.\n"
            "Thời gian hoàn thành: Quý III/2026.\n")
    assert _prose(text) == [
        ("2026-09", "Rà soát quy hoạch các khu tái định cư. T", ["Sở Xây dựng"]),
        ("2026-Q3", "Bàn giao mặt bằng sạch cho chủ đầu tư.", ["Ủy ban nhân dân các xã"]),
    ]


@pytest.mark.parametrize("line", [
    "2. Đối với dự án đường cao tốc Bắc - Nam đoạn qua tỉnh",  # a topic, not a body
    "c) Giao Phó Thủ tướng Chính phủ trước ngày 15 tháng 11 năm 2025 trực tiếp kiểm tra các dự án",
])
def test_tasks_section_heading_is_not_a_topic_or_a_dated_item(line: str) -> None:
    assert section_heading(line, CTX) is None


@pytest.mark.parametrize("line", [
    "a) Chỉ đạo công tác bảo đảm an toàn công trình trong phạm vi các đơn vị trực thuộc",  # content, not who
    "2.1. Sở",  # a heading cut by a line break
])
def test_tasks_section_heading_names_someone(line: str) -> None:
    assert section_heading(line, CTX) is None


def test_tasks_printed_twice_is_one_task_and_an_old_date_is_a_condition() -> None:
    item = "- Sở Tư pháp chủ trì rà soát văn bản quy phạm, báo cáo trước ngày 20/4/2026.\n"
    assert len(_prose("Tóm tắt:\n" + item + "\nNội dung:\n" + item.replace("trước", "**trước"))) == 1
    old = ("1. Trách nhiệm của Ủy ban nhân dân cấp xã\n"
           "- Xác nhận hộ gia đình đã sử dụng đất ổn định trước ngày 01/7/2004.\n")
    assert _prose(old) == []


def test_tasks_items_under_an_office_heading_are_the_offices_body() -> None:
    text = ("3. Bộ trưởng Bộ Công Thương - Phó Trưởng ban Thường trực Ban Chỉ đạo 138 chỉ đạo các đơn vị "
            "thực hiện một số nhiệm vụ sau:\n"
            "3.1. Xây dựng kế hoạch kiểm tra thị trường dịp cuối năm; báo cáo Thủ tướng Chính phủ trước ngày "
            "20 tháng 12 năm 2026.\n"
            "3.2. Tiếp tục theo dõi diễn biến giá xăng dầu.\n"
            "4. Bộ Tài chính bố trí kinh phí thực hiện.\n")
    assert _prose(text) == [("2026-12-20", "Xây dựng kế hoạch kiểm tra thị trường dị", ["Bộ Công Thương"])]



@pytest.mark.parametrize("line,lead", [
    # a heading of offices without its colon, naming nothing they do
    ("2. Bộ trưởng Bộ Nông nghiệp và Môi trường", ["Bộ Nông nghiệp và Môi trường"]),
    ("b) Giám đốc Sở Xây dựng", ["Sở Xây dựng"]),
    # offices of many bodies: as written, up to the heading's end
    ("1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
     ["Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]),
])
def test_tasks_office_heading_without_its_colon(line: str, lead: list[str]) -> None:
    section = section_heading(line, CTX)
    assert section is not None and section.lead == lead


@pytest.mark.parametrize("line", [
    "2. Bộ trưởng Bộ Nông nghiệp và Môi trường chỉ đạo rà soát diện tích lúa bị thiệt hại",  # says what: an item
    "3. Giám đốc Sở Xây dựng báo cáo kết quả trước ngày 15/3/2026.",
    "c) Giám đốc Sở Y tế trước ngày 20 tháng 3 năm 2026 trực tiếp kiểm tra các bệnh viện",  # a dated item
])
def test_tasks_office_line_that_says_what_is_no_heading(line: str) -> None:
    assert section_heading(line, CTX) is None


def test_tasks_items_under_an_office_heading_without_its_colon() -> None:
    text = ("1. Bộ trưởng Bộ Xây dựng\n"
            "a) Hướng dẫn các địa phương sửa chữa nhà ở bị hư hỏng, hoàn thành trong tháng 02 năm 2026.\n"
            "b) Tiếp tục theo dõi tình hình thị trường vật liệu xây dựng.\n"
            "2. Giám đốc Sở Y tế\n"
            "a) Bảo đảm thuốc cho vùng bị lũ **trong tháng 01 năm 2026**.\n")
    assert _prose(text) == [("2026-02", "Hướng dẫn các địa phương sửa chữa nhà ở ", ["Bộ Xây dựng"]),
                            ("2026-01", "Bảo đảm thuốc cho vùng bị lũ **trong thá", ["Sở Y tế"])]
