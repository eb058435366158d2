"""Tasks of a dispatch (công điện) or a conclusion notice: the items under an office heading however long its
remit, each clause or sentence with its own deadline, a collective with its members after a colon, the dated
items under an empty time label, and a block whose content label only describes what its title makes. Every
phrase here is written for the test (other bodies, provinces and dates); none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.tasks import extract_tasks

CTX = DocContext(year=2026)


def _tasks(text: str, ctx: DocContext = CTX) -> list[tuple[str | None, str]]:
    return [(t.period.value if t.period else None, t.description) for t in extract_tasks(text, ctx)]


_REMIT = ("tiếp tục phân công lãnh đạo các sở, ngành xuống tận thôn, bản, bám sát cơ sở, nhất là những khu vực bị "
          "chia cắt, cô lập để nắm tình hình, chỉ đạo triển khai đồng bộ, quyết liệt các giải pháp khắc phục hậu "
          "quả bão, lũ với tinh thần khẩn trương, hiệu quả, nhanh chóng ổn định đời sống Nhân dân, khôi phục sản "
          "xuất, kinh doanh, dịch vụ, bảo đảm an ninh, trật tự và an toàn xã hội trên địa bàn, không để người dân "
          "thiếu đói, thiếu nước sạch, thiếu nơi ở, nhất là người già, trẻ em, người có hoàn cảnh khó khăn, trong "
          "đó tập trung một số nhiệm vụ sau:")


def test_tasks_dispatch_items_under_a_long_office_heading() -> None:
    text = ("Thủ tướng Chính phủ yêu cầu:\n"
            f"1. Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Quảng Trị và Nghệ An {_REMIT}\n"
            "(1) Tiếp cận các khu dân cư bị chia cắt, cứu trợ lương thực, nước uống cho người dân.\n"
            "(2) Khôi phục hệ thống điện, nước sạch, thông tin liên lạc tại các xã bị ảnh hưởng, hoàn thành trước "
            "ngày 10/10/2026.\n"
            "2. Bộ trưởng Bộ Y tế chỉ đạo các bệnh viện tăng cường khám chữa bệnh cho người dân vùng bão, hoàn "
            "thành trước ngày 20/10/2026.\n")
    assert len(f"1. Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Quảng Trị và Nghệ An {_REMIT}") > 600
    tasks = extract_tasks(text, CTX)
    assert [(t.period.value, t.description[:30]) for t in tasks] == [
        ("2026-10-10", "Khôi phục hệ thống điện, nước "), ("2026-10-20", "Bộ trưởng Bộ Y tế chỉ đạo các ")]
    assert tasks[0].lead and tasks[0].lead != ["Bộ Y tế"]  # the heading's offices do it


@pytest.mark.parametrize("item,first,second", [
    ("a) Rà soát các hộ dân sống ở khu vực nguy cơ sạt lở bờ biển, hoàn thành trước ngày 20/3/2026; di dời khẩn "
     "cấp các hộ ở khu vực nguy hiểm chậm nhất trước ngày 30/4/2026.",
     ("2026-03-20", "Rà soát các hộ dân sống ở khu vực"), ("2026-04-30", "di dời khẩn cấp các hộ")),
    ("b) Sửa chữa trường học, trạm y tế bị tốc mái, **hoàn thành trước ngày 15/11/2026**; dựng lại nhà cho các hộ "
     "bị sập, trôi, **hoàn thành trước ngày 31/01/2027.**",
     ("2026-11-15", "Sửa chữa trường học, trạm y tế"), ("2027-01-31", "dựng lại nhà cho các hộ")),
])
def test_tasks_dispatch_clause_with_its_own_deadline_is_a_task(item: str, first: tuple, second: tuple) -> None:
    text = "1. Ủy ban nhân dân các xã, phường ven biển:\n" + item + "\n"
    got = _tasks(text)
    assert [(p, d[:len(w)]) for (p, d), (_, w) in zip(got, [first, second])] == [first, second]
    assert len(got) == 2


def test_tasks_dispatch_one_deadline_keeps_the_item_whole() -> None:
    text = ("1. Sở Y tế chỉ đạo các bệnh viện bổ sung thuốc, vật tư; chi viện bác sĩ cho tuyến xã, hoàn thành "
            "trước ngày 30/9/2026. Chủ động làm việc với các tổ chức quốc tế để kêu gọi hỗ trợ.\n")
    ((period, desc),) = _tasks(text)
    assert period == "2026-09-30" and desc.startswith("Sở Y tế chỉ đạo các bệnh viện")


def test_tasks_dispatch_sentences_each_with_a_deadline() -> None:
    text = ("1. Ủy ban nhân dân các huyện miền núi:\n"
            "b) Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể trong việc vận động nhân dân. Lập danh sách "
            "các hộ cần hỗ trợ, gửi Sở Tài chính trước ngày 25/3/2026 để tổng hợp. Đồng thời đề xuất nhu cầu kinh "
            "phí di dời (qua Sở Tài chính, Sở Xây dựng) trước ngày 25/3/2026.\n")
    got = _tasks(text)
    assert [(p, d[:20]) for p, d in got] == [("2026-03-25", "Lập danh sách các hộ"),
                                            ("2026-03-25", "Đồng thời đề xuất nh")]
    assert all(t.lead == ["Ủy ban nhân dân các huyện miền núi"] or t.lead for t in extract_tasks(text, CTX))
    assert extract_tasks(text, CTX)[1].lead == extract_tasks(text, CTX)[0].lead  # not the bodies in parentheses


def test_tasks_dispatch_clause_goes_on_after_an_emphasis_break() -> None:
    # a web copy breaks the item at its bold marks: the clause after the blank line has its own deadline
    text = ("1. Ủy ban nhân dân tỉnh Quảng Ngãi:\n"
            "(3) Bố trí chỗ ở tạm cho các hộ dân, sửa chữa nhà cửa, hoàn thành trước ngày 15/11/2026;\n\n"
            "xây mới nhà cho các hộ có nhà bị sập đổ, hoàn thành trước ngày 28/02/2027.\n\n"
            "(4) Thống kê đầy đủ thiệt hại;\n\n"
            "chủ động dùng nguồn dự phòng để hỗ trợ người dân, hoàn thành trước ngày 20/11/2026.\n")
    got = _tasks(text)
    assert [(p, d[:20]) for p, d in got] == [("2026-11-15", "Bố trí chỗ ở tạm cho"),
                                            ("2027-02-28", "xây mới nhà cho các "),
                                            ("2026-11-20", "Thống kê đầy đủ thiệ")]


@pytest.mark.parametrize("item,lead", [
    ("5. Các Bộ, cơ quan: Công an, Quốc phòng, Văn hóa, Thể thao và Du lịch, Ngân hàng Nhà nước Việt Nam theo "
     "chức năng, nhiệm vụ được giao khẩn trương rà soát, báo cáo Thủ tướng Chính phủ trước ngày 20 tháng 01 năm "
     "2027.", ["Bộ Công an", "Bộ Quốc phòng", "Bộ Văn hóa, Thể thao và Du lịch", "Ngân hàng Nhà nước Việt Nam"]),
    ("3. Các sở, ngành: Y tế, Giáo dục và Đào tạo chủ động kiểm tra các cơ sở, hoàn thành trước ngày 15/3/2026.",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
])
def test_tasks_dispatch_collective_with_members_after_a_colon(item: str, lead: list[str]) -> None:
    (task,) = extract_tasks("II. NHIỆM VỤ\n\n" + item + "\n", CTX)
    assert task.description.startswith(item[3:25])
    assert task.lead == lead


def test_tasks_dispatch_collective_without_a_cue_is_no_task() -> None:
    # an exhortation to a collective is no task, even with a date in it
    text = ("1. Các sở, ngành, địa phương phải tiếp tục nâng cao hơn nữa tinh thần trách nhiệm để tổ chức thành "
            "công lễ khánh thành vào ngày 02 tháng 9 năm 2026.\n")
    assert _tasks(text) == []


def test_tasks_dispatch_dated_items_under_an_empty_time_label() -> None:
    text = ("3. Rà soát văn bản quy phạm pháp luật\n\n"
            "- Nội dung: rà soát các văn bản có liên quan thuộc phạm vi quản lý.\n\n"
            "- Cơ quan thực hiện: Bộ Tư pháp và các bộ, cơ quan ngang bộ.\n\n"
            "- Thời gian thực hiện:\n\n"
            "+ Các bộ, cơ quan ngang bộ gửi kết quả rà soát về Bộ Tư pháp trước ngày 30 tháng 6 năm 2026.\n\n"
            "+ Bộ Tư pháp tổng hợp, báo cáo Chính phủ trước ngày 31 tháng 7 năm 2026.\n")
    got = _tasks(text)
    assert [(p, d[:22]) for p, d in got] == [("2026-06-30", "Các bộ, cơ quan ngang "),
                                            ("2026-07-31", "Bộ Tư pháp tổng hợp, b")]


def test_tasks_dispatch_block_title_when_the_content_describes_its_product() -> None:
    text = ("4. Xây dựng Hệ thống thông tin quốc gia về giám định tư pháp\n\n"
            "- Nội dung: Hệ thống thông tin quốc gia về giám định tư pháp cung cấp thông tin, hỗ trợ tra cứu cho "
            "cơ quan, tổ chức, cá nhân.\n\n"
            "- Cơ quan chủ trì: Bộ Tư pháp.\n\n"
            "- Thời gian thực hiện: năm 2027 - 2028.\n\n"
            "5. Tập huấn nghiệp vụ cho giám định viên\n\n"
            "- Nội dung: Tổ chức các lớp tập huấn chuyên sâu cho giám định viên tư pháp.\n\n"
            "- Cơ quan chủ trì: Bộ Tư pháp.\n\n"
            "- Thời gian thực hiện: năm 2026.\n")
    got = _tasks(text)
    assert got[0] == ("2027/2028", "Xây dựng Hệ thống thông tin quốc gia về giám định tư pháp")
    assert got[1][0] == "2026" and got[1][1].startswith("Tổ chức các lớp tập huấn")


def test_tasks_dispatch_items_under_an_assigning_office_heading() -> None:
    text = ("2. Đề nghị Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh Yên Bái chỉ đạo các lực lượng tại chỗ, trong "
            "đó tập trung các nhiệm vụ sau:\n"
            "- Tổ chức tìm kiếm người mất tích, hoàn thành trước ngày 15/7/2026.\n"
            "- Thăm hỏi, động viên các gia đình có người bị nạn.\n")
    (task,) = extract_tasks(text, CTX)
    assert task.period.value == "2026-07-15" and task.description.startswith("Tổ chức tìm kiếm người mất tích")
    assert "Ủy ban nhân dân tỉnh Yên Bái" in task.lead  # every office's body


def test_tasks_dispatch_office_heading_over_a_list_of_provinces() -> None:
    text = ("1. Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Quảng Trị và Nghệ An chỉ đạo khắc phục hậu quả bão, "
            "tập trung các nhiệm vụ sau:\n"
            "a) Sửa chữa trường học bị tốc mái, hoàn thành trước ngày 15/10/2026.\n")
    (task,) = extract_tasks(text, CTX)
    assert task.lead == ["Ủy ban nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Quảng Trị",
                         "Ủy ban nhân dân tỉnh Nghệ An"]


def test_tasks_dispatch_members_end_at_their_remit() -> None:
    text = ("Điều 2. Tổ chức thực hiện\n"
            "2. Các sở, ngành: Tài chính, Nội vụ, Y tế theo chức năng, nhiệm vụ được giao phối hợp triển khai, gửi "
            "báo cáo về Sở Giáo dục và Đào tạo trước ngày 15/12/2026.\n"
            "3. Các sở, ngành: Công Thương, Xây dựng tích cực tuyên truyền, vận động nhân dân.\n")
    (task,) = extract_tasks(text, CTX)
    assert task.period.value == "2026-12-15"
    assert task.lead == ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế"]


def test_tasks_dispatch_item_labelled_by_a_collective() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n"
            "3. Các cơ quan, đơn vị, UBND các xã, thị trấn: Đăng ký thi đua gửi về Phòng Nội vụ trước ngày "
            "15/3/2026; báo cáo sơ kết 6 tháng trước ngày 15/6/2026.\n")
    tasks = extract_tasks(text, CTX)
    assert [(t.period.value, t.description[:20]) for t in tasks] == [("2026-03-15", "Đăng ký thi đua gửi "),
                                                                    ("2026-06-15", "báo cáo sơ kết 6 thá")]
    assert tasks[0].lead[0] == "Các cơ quan, đơn vị" and "Phòng Nội vụ" not in tasks[0].lead


@pytest.mark.parametrize("item", [
    "1. Các sở, ngành, UBND các xã: Căn cứ Kế hoạch, tổ chức triển khai thực hiện. Định kỳ hằng quý (trước ngày "
    "20 của tháng cuối quý), 6 tháng (trước ngày 15/6), năm (trước ngày 15/11) báo cáo về Sở Công Thương.",
    "2. Sở Công Thương tổng hợp báo cáo Ủy ban nhân dân tỉnh định kỳ hàng tháng (trước ngày 18 hàng tháng), 6 "
    "tháng (trước ngày 18/6) hoặc khi có yêu cầu.",
])
def test_tasks_dispatch_recurring_report_dates_are_no_deadline(item: str) -> None:
    assert _tasks("V. CHẾ ĐỘ BÁO CÁO\n" + item + "\n") == []


def test_tasks_dispatch_article_of_a_decision_starts_after_its_mark() -> None:
    text = ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Đại hội Thi đua yêu nước tỉnh lần thứ VI.\n"
            "Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai Kế hoạch; báo "
            "cáo Ủy ban nhân dân tỉnh kết quả trước ngày 30/11/2026.\n"
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định "
            "này.\n")
    (task,) = extract_tasks(text, CTX)
    assert task.description.startswith("Giao Sở Nội vụ chủ trì") and task.period.value == "2026-11-30"
    assert task.lead == ["Sở Nội vụ"]
