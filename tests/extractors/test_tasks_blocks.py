"""Task blocks (a title, "Nhiệm vụ: …", "Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …"),
items of a notice's conclusions that open with their topic ("3. Về …: giao Bộ X chủ trì …"), and paragraphs
that open with a collective. Lines wrapped the way web portals wrap them. Every phrase is written for this
test, in other provinces' and ministries' words; none is taken from an evaluation set."""
from __future__ import annotations

from extractors.context import DocContext
from extractors.task_blocks import find_task_blocks
from extractors.tasks import extract_tasks
from extractors.units import extract_units

CTX = DocContext(year=2025, province="Nghệ An")

PORTAL_BLOCKS = """**II. NHIỆM VỤ**

**1. Về hạ tầng số**

**1.1. Phát
triển mạng truyền dẫn:**

a) Nhiệm vụ: Rà soát, nâng cấp
mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước trên địa bàn tỉnh.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Khoa học
và Công nghệ.

- Đơn vị phối hợp: Các sở, ban,
ngành, Bưu điện tỉnh.

c) Thời gian thực hiện: Hoàn
thành trong năm 2026.

**1.2. Bảo
đảm an toàn thông tin:**

a) Nhiệm vụ:

- Kiểm tra, đánh giá an toàn
thông tin các hệ thống dùng chung theo cấp độ.

- Diễn tập ứng cứu sự cố an
toàn thông tin mạng.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Công an tỉnh.

- Đơn vị phối hợp: Sở Khoa học
và Công nghệ, Ủy ban nhân dân các xã, phường.

c) Thời gian thực hiện: Thực hiện
thường xuyên.
"""


def _blocks(text: str, ctx: DocContext = CTX):
    return [t for t in extract_tasks(text, ctx) if t.source == "prose"]


def test_tasks_blocks_wrapped_labels_blank_lines_and_an_empty_task_label() -> None:
    first, second = _blocks(PORTAL_BLOCKS)
    assert first.description.startswith("Rà soát, nâng cấp mạng truyền số liệu chuyên dùng")
    assert first.period.value == "2026"
    assert first.lead == ["Sở Khoa học và Công nghệ"]
    assert first.support[0] == "Các sở, ban, ngành" and len(first.support) == 2
    # "Nhiệm vụ:" with nothing after it: the first item below is the task; "thường xuyên" has no deadline
    assert second.description.startswith("Kiểm tra, đánh giá an toàn thông tin các hệ thống")
    assert second.period is None
    assert second.lead == ["Công an tỉnh Nghệ An"] or second.lead[0].startswith("Công an tỉnh")
    assert "Sở Khoa học và Công nghệ" in second.support
    for t in (first, second):
        ev = t.evidence[0]
        assert PORTAL_BLOCKS[ev.start:ev.end] == ev.text


def test_tasks_blocks_give_units_their_roles() -> None:
    units = {u.name: u.roles for u in extract_units(PORTAL_BLOCKS, CTX)}
    assert units["Sở Khoa học và Công nghệ"] == ["lead", "support"]
    assert any(n.startswith("Công an tỉnh") and r == ["lead"] for n, r in units.items())


def test_tasks_blocks_executor_clause_names_the_subjects_not_the_objects() -> None:
    text = ("**2. Tuyên truyền, phổ biến Luật Thủ đô và các văn bản hướng dẫn**\n\n"
            "- Nội dung thực hiện: Tổ chức tuyên truyền Luật bằng nhiều hình thức phù hợp.\n\n"
            "- Cơ quan thực hiện: Sở Tư pháp chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch; Sở Văn hóa,\n"
            "Thể thao và Du lịch, các sở, ngành tỉnh và Ủy ban nhân dân các xã chủ động triển khai các văn bản\n"
            "thi hành trong phạm vi quản lý.\n\n"
            "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.\n")
    (task,) = _blocks(text)
    assert task.description.startswith("Tổ chức tuyên truyền Luật")
    assert task.period.value == "2026"
    assert task.lead[:2] == ["Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"]
    assert "các sở, ngành tỉnh" in task.lead
    assert not any("Ủy ban nhân dân tỉnh" in n for n in task.lead)  # the one advised, not a doer
    assert not any("văn bản" in n for n in task.lead)


def test_tasks_blocks_parent_in_parentheses_is_not_a_supporter() -> None:
    text = ("3. Tập huấn nghiệp vụ cho cán bộ y tế cơ sở\n"
            "- Cơ quan chủ trì: Sở Y tế.\n"
            "- Cơ quan phối hợp: Trung tâm Kiểm soát bệnh tật tỉnh (Sở Y tế), Bảo hiểm xã hội tỉnh.\n"
            "- Thời hạn: Quý II/2026.\n")
    (task,) = _blocks(text)
    assert task.period.value == "2026-Q2"
    assert task.lead == ["Sở Y tế"]
    assert "Sở Y tế" not in task.support and len(task.support) == 2


def test_tasks_blocks_without_time_label_take_the_date_of_their_description() -> None:
    text = ("a) Hoạt động 1\n\n"
            "- Nội dung: Tổ chức Tuần lễ hưởng ứng (từ ngày 01/10 đến ngày 07/10) trên địa bàn tỉnh.\n\n"
            "- Cơ quan thực hiện: Sở Văn hóa và Thể thao chủ trì, phối hợp với Tỉnh đoàn.\n\n"
            "b) Hoạt động 2\n\n"
            "- Nội dung: Lồng ghép nội dung tuyên truyền vào sinh hoạt của các chi hội.\n\n"
            "- Cơ quan thực hiện: Hội Nông dân tỉnh chủ trì, phối hợp với Sở Nông nghiệp và Môi trường.\n")
    (task,) = _blocks(text)
    assert task.period.value == "2025-10-01/2025-10-07"
    assert task.lead == ["Sở Văn hóa và Thể thao"] and task.support == ["Tỉnh đoàn"]
    # the second block says no time: no task, but its units still hold their roles
    roles = {u.name: u.roles for u in extract_units(text, CTX)}
    assert roles["Sở Nông nghiệp và Môi trường"] == ["support"]


def test_tasks_blocks_a_meeting_chair_is_no_lead() -> None:
    text = ("THÀNH PHẦN\nChủ trì cuộc họp: Ông Lê Văn Hùng - Giám đốc Sở Xây dựng\n"
            "Thư ký: Bà Trần Thị Mai - Chuyên viên Văn phòng Sở\n")
    assert all(not b.roles for b in find_task_blocks(text))
    assert all(u.roles == ["mentioned"] for u in extract_units(text, CTX))


def test_tasks_topic_items_of_a_notice() -> None:
    text = ("III. VỀ CÁC KIẾN NGHỊ CỦA TỈNH\n\n"
            "1. Về đề nghị bổ sung vốn cho dự án cầu qua sông Lam:\n"
            "giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng xem xét, báo cáo Thủ tướng Chính phủ\n"
            "trong tháng 3 năm 2026.\n\n"
            "2. Về điều chỉnh quy hoạch khu công nghiệp giai đoạn 2021 - 2030: Bộ Công Thương khẩn trương\n"
            "hướng dẫn tỉnh hoàn thiện hồ sơ, hoàn thành trước ngày 15 tháng 4 năm 2026.\n")
    first, second = _blocks(text)
    assert first.description.startswith("Về đề nghị bổ sung vốn cho dự án cầu")
    assert (first.period.value, first.lead, first.support) == ("2026-03", ["Bộ Tài chính"], ["Bộ Xây dựng"])
    # the topic's own dates ("giai đoạn 2021 - 2030") are no deadline
    assert (second.period.value, second.lead) == ("2026-04-15", ["Bộ Công Thương"])


def test_tasks_paragraph_opening_with_a_collective() -> None:
    text = ("VI. CHẾ ĐỘ BÁO CÁO\n\n"
            "Các sở, ban, ngành tỉnh, Ủy ban nhân dân các huyện gửi báo cáo kết quả thực hiện về Sở Nội vụ\n"
            "trước ngày 20/11/2025 để tổng hợp.\n\n"
            "Các hoạt động hưởng ứng được tổ chức trước ngày 30/11/2025.\n")
    (task,) = _blocks(text)
    assert task.period.value == "2025-11-20"
    assert task.lead[0] == "Các sở, ban, ngành tỉnh" and len(task.lead) == 2
    assert "Sở Nội vụ" not in task.lead


def test_tasks_heading_where_one_body_directs_another() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh thực hiện các nội dung sau:\n\n"
            "- Xây dựng kế hoạch giám sát dịch bệnh trình Sở Y tế phê duyệt.\n\n"
            "- Tổng hợp kết quả giám sát; báo cáo UBND tỉnh trước ngày 20/11/2026.\n\n"
            "2. Sở Tài chính: Bố trí kinh phí thực hiện theo quy định.\n")
    (task,) = _blocks(text)
    assert task.period.value == "2026-11-20"
    assert task.lead[0].startswith("Trung tâm Kiểm soát bệnh tật") and task.director == ["Sở Y tế"]


def test_tasks_assignment_paragraph_of_a_notice() -> None:
    text = ("Về dự thảo Nghị định quy định chế độ làm việc của công chức cấp xã:\n\n"
            "Giao Bộ Tư pháp khẩn trương hoàn thiện dự thảo theo ý kiến thẩm định, trình Chính phủ ban hành\n"
            "trong tháng 02/2026.\n\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện.\n")
    (task,) = _blocks(text)
    assert (task.period.value, task.lead) == ("2026-02", ["Bộ Tư pháp"])
    assert task.description.startswith("Giao Bộ Tư pháp khẩn trương")


def test_tasks_item_that_goes_on_after_a_blank_line() -> None:
    text = ("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Sở Giao thông vận tải khẩn trương chỉ đạo các nhà thầu “ba ca, bốn kíp”, tập trung nhân lực\n\n"
            "để hoàn thành các hạng mục còn lại; gửi báo cáo về Văn phòng UBND tỉnh chậm nhất ngày 05/01/2026.\n\n"
            "2. Sở Tài chính bố trí kinh phí theo quy định.\n")
    (task,) = _blocks(text)
    assert (task.period.value, task.lead) == ("2026-01-05", ["Sở Giao thông vận tải"])
    assert task.description.startswith("Sở Giao thông vận tải khẩn trương")


def test_tasks_paragraph_that_opens_a_list_is_no_task() -> None:
    text = ("II. NHIỆM VỤ TRỌNG TÂM\n\n"
            "Đề nghị Ban Thường vụ Huyện ủy tập trung lãnh đạo thực hiện các giải pháp trong 03 tháng cuối năm 2025,\n"
            "trong đó lưu ý các nội dung sau:\n\n"
            "1. Đẩy nhanh giải ngân vốn đầu tư công;\n\n"
            "2. Chăm lo đời sống của Nhân dân dịp Tết.\n")
    assert _blocks(text) == []


def test_tasks_prose_every_supporting_list_with_its_collectives() -> None:
    text = ("2. Sở Công Thương:\n"
            "a) Chủ trì, phối hợp với Sở Tài chính, các sở, ngành liên quan rà soát danh mục dự án; phối hợp với\n"
            "Đài Phát thanh và Truyền hình tỉnh, Viễn thông Nghệ An xây dựng chương trình truyền hình trực tiếp,\n"
            "báo cáo Ủy ban nhân dân tỉnh trước ngày 20/01/2026.\n")
    (task,) = _blocks(text)
    assert task.period.value == "2026-01-20" and task.lead == ["Sở Công Thương"]
    assert task.support[:2] == ["Sở Tài chính", "các sở, ngành liên quan"]
    assert any(n.startswith("Đài Phát thanh và Truyền hình") for n in task.support)
    assert "Ủy ban nhân dân tỉnh Nghệ An" not in task.support


def test_tasks_procedure_of_a_decision_is_no_task() -> None:
    text = ("c) Thành phần hồ sơ:\n\n+ Tờ trình đề nghị công nhận.\n\n- Số lượng hồ sơ: 02 bộ.\n\n"
            "d) Thời hạn giải quyết: Trong 20 (hai mươi) ngày, kể từ ngày nhận đủ hồ sơ hợp lệ.\n\n"
            "đ) Cơ quan thực hiện thủ tục hành chính: Sở Văn hóa, Thể thao và Du lịch.\n")
    assert _blocks(text) == []


def test_tasks_collective_ends_after_lien_quan() -> None:
    text = ("3. Giao Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan xem xét, xử lý kiến nghị của cử tri,\n"
            "báo cáo Ủy ban nhân dân tỉnh trước ngày 30/12/2025.\n")
    (task,) = _blocks(text)
    assert task.support == ["các cơ quan liên quan"]


def test_tasks_blocks_supporters_in_bold_labels_only_support() -> None:
    text = ("**2.3. Tổ chức Hội thi tìm hiểu pháp luật về thi đua, khen thưởng**\n\n"
            "**- Đơn vị chủ trì:** Sở Nội vụ\n\n"
            "**- Đơn vị phối hợp:** Sở Tư pháp, Liên đoàn Lao động tỉnh\n\n"
            "**- Thời hạn:** Tháng 10/2025\n")
    (task,) = _blocks(text)
    assert (task.period.value, task.lead, task.support[0]) == ("2025-10", ["Sở Nội vụ"], "Sở Tư pháp")
    roles = {u.name: u.roles for u in extract_units(text, CTX)}
    assert roles["Sở Nội vụ"] == ["lead"] and roles["Sở Tư pháp"] == ["support"]
