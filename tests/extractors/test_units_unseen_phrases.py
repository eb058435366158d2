"""units.py on phrases written the way other provinces, ministries, schools and companies write (issue 10):
names that run over a line break or through Markdown emphasis, names with lower-case words, bodies beyond
the Sở/Bộ shapes, heads distributed over a list, and what is not a unit. None of these phrases is in a set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.units import extract_units

LAO_CAI = DocContext(year=2025, province="Lào Cai", level="tỉnh")
HAI_PHONG = DocContext(year=2025, province="Hải Phòng", level="tỉnh")


def responsible(text, context=LAO_CAI):
    return {u.name: set(u.roles) for u in extract_units(text, context) if set(u.roles) & {"lead", "support", "director"}}


# --- a name runs to its end over a line break (web copies and PDFs wrap at a fixed width) -----------------

@pytest.mark.parametrize("text, name, role", [
    ("**2. Sở\nKế hoạch và Đầu tư**\n\na) Chủ trì tổng hợp nhu cầu kinh phí.", "Sở Kế hoạch và Đầu tư", "lead"),
    ("Giao Sở Giáo dục và\nĐào tạo chủ trì, phối hợp với Sở Lao động -\nThương binh và Xã hội tổ chức tập huấn.",
     "Sở Giáo dục và Đào tạo", "lead"),
    ("Giao Sở Giáo dục và\nĐào tạo chủ trì, phối hợp với Sở Lao động -\nThương binh và Xã hội tổ chức tập huấn.",
     "Sở Lao động - Thương binh và Xã hội", "support"),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc\nViệt Nam tỉnh và các tổ chức chính trị - xã hội tuyên truyền sâu rộng.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai", "lead"),
    ("- Phối hợp Bộ Chỉ huy\nQuân sự tỉnh, Công an tỉnh tổ chức diễn tập phòng thủ.", "Bộ Chỉ huy Quân sự tỉnh Lào Cai",
     "support"),
    ("b) Phối hợp với Sở Công\nThương kiểm tra thị trường hàng hóa.", "Sở Công Thương", "support"),
])
def test_units_name_runs_over_a_line_break(text, name, role):
    assert role in responsible(text).get(name, set())


def test_units_heading_over_a_line_break_with_its_place():
    got = responsible("**3. Sở Tư pháp thành phố\nHải Phòng:**\n\na) Thẩm định hồ sơ đề nghị khen thưởng.", HAI_PHONG)
    assert "Sở Tư pháp thành phố Hải Phòng" in got


@pytest.mark.parametrize("text, cut", [
    ("1. Sở Nội vụ\nChủ trì, tham mưu Ủy ban nhân dân tỉnh tổ chức Hội nghị.", "Sở Nội vụ Chủ"),
    ("- Sở Y tế\nPhối hợp kiểm tra an toàn thực phẩm.", "Sở Y tế Phối"),
])
def test_units_line_break_before_a_new_sentence_ends_the_name(text, cut):
    assert not any(n.startswith(cut) for n in responsible(text))


# --- Markdown emphasis from web portals does not hide a clause's subject -------------------------------

@pytest.mark.parametrize("text, name", [
    ("**Điều 3.** **Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành "
     "Quyết định này.**", "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"),
    ("**5.** Đề nghị Hội Liên hiệp Phụ nữ tỉnh vận động hội viên tham gia.", "Hội Liên hiệp Phụ nữ tỉnh Lào Cai"),
])
def test_units_markdown_emphasis_keeps_the_subject(text, name):
    assert "lead" in responsible(text).get(name, set())


# --- lower-case words are part of a name ------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Giao Phòng Khảo thí và Kiểm định chất lượng chủ trì tổ chức bình xét.", "Phòng Khảo thí và Kiểm định"),
    ("Trung tâm Đào tạo phối hợp với Phòng Quản lý Khoa học và Hợp tác quốc tế tổ chức hội thảo.",
     "Phòng Quản lý Khoa học và Hợp tác quốc tế"),
    ("- Cục Việc làm chủ trì hướng dẫn các địa phương cập nhật dữ liệu.", "Cục Việc làm"),
    ("Giao Ban Quản lý Khu kinh tế tỉnh chủ trì thu hút đầu tư.", "Ban Quản lý Khu kinh tế tỉnh Lào Cai"),
])
def test_units_name_keeps_its_lower_case_words(text, name):
    got = responsible(text)
    assert any(n.startswith(name) for n in got), got


@pytest.mark.parametrize("text, cut", [
    ("Giao Phòng Quản lý Khoa học và Hợp tác quốc tế chủ trì.", "Phòng Quản lý Khoa"),
    ("- Cục Việc làm chủ trì hướng dẫn.", "Cục Việc"),
    ("Giao Ban Đại diện cha mẹ học sinh phối hợp với nhà trường.", "Ban Đại"),
])
def test_units_name_not_cut_inside_a_word(text, cut):
    assert cut not in responsible(text)


# --- bodies beyond the Sở/Bộ shapes -----------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh phối hợp tuyên truyền pháp luật.",
     "Tòa án nhân dân tỉnh Lào Cai"),
    ("Giao Thuế tỉnh chủ trì rà soát nghĩa vụ thuế của doanh nghiệp.", "Thuế tỉnh Lào Cai"),
    ("Đề nghị Kho bạc Nhà nước khu vực IX kiểm soát chi theo quy định.", "Kho bạc Nhà nước khu vực IX"),
    ("Chi cục Hải quan khu vực VIII chủ trì kiểm tra hàng hóa xuất nhập khẩu.", "Chi cục Hải quan khu vực VIII"),
    ("**8. Báo và Phát thanh, Truyền hình Lào Cai**\n\nMở chuyên mục tuyên truyền về phong trào thi đua.",
     "Báo và Phát thanh, Truyền hình Lào Cai"),
    ("Đề nghị Ủy ban Kiểm tra Tỉnh ủy theo dõi việc thực hiện.", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Đề nghị Hiệp hội Doanh nghiệp tỉnh, Liên minh Hợp tác xã tỉnh vận động hội viên hưởng ứng.",
     "Liên minh Hợp tác xã tỉnh Lào Cai"),
    ("Giao Ban Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuần tra biên giới.", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"),
])
def test_units_bodies_beyond_so_and_bo(text, name):
    got = responsible(text)
    assert any(n.startswith(name) for n in got), got


# --- what is not a unit ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, not_unit", [
    ("Thuế giá trị gia tăng được khấu trừ theo quy định.", "Thuế"),
    ("[3]\nUBND các tỉnh: Yên Bái, Lào Cai, Hà Giang.", "Ủy ban nhân dân các tỉnh Lào Cai"),
])
def test_units_not_a_unit(text, not_unit):
    assert not_unit not in responsible(text)


# --- a head given to each member of a list, and a collective that stays one -----------------------------

def test_units_head_distributed_over_the_provinces_after_a_colon():
    got = responsible("c) Ủy ban nhân dân các tỉnh, thành phố: Lào Cai, Hải Phòng, Yên Bái khẩn trương bàn giao "
                      "mặt bằng cho các nhà thầu.")
    assert {"Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Yên Bái"} <= set(got)


@pytest.mark.parametrize("text, name", [
    ("Đề nghị UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các sở, ngành thực hiện.",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
    ("Đề nghị Ủy ban nhân dân các tỉnh phối hợp chỉ đạo các địa phương.", "Ủy ban nhân dân các tỉnh"),
])
def test_units_collective_stays_one_without_the_issuers_province(text, name):
    assert set(responsible(text)) == {name}


def test_units_place_at_the_end_of_a_name_is_not_finished_as_a_word():
    got = responsible("Ủy ban nhân dân tỉnh Ninh Bình chuẩn bị địa điểm tổ chức Hội nghị.", DocContext(province="Ninh Bình"))
    assert set(got) == {"Ủy ban nhân dân tỉnh Ninh Bình"}


# --- names completed and checked against the reference list (public_bodies.csv) ---------------------------

@pytest.mark.parametrize("text, name", [
    ("Đề nghị Đài truyền hình Việt Nam, Tập đoàn Công nghiệp - Viễn thông Quân đội phối hợp đưa tin.",
     "Đài Truyền hình Việt Nam"),
    ("Đề nghị Đài truyền hình Việt Nam, Tập đoàn Công nghiệp - Viễn thông Quân đội phối hợp đưa tin.",
     "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
    ("Giao Cục Quản lý giá hướng dẫn các địa phương báo cáo giá thị trường.", "Cục Quản lý giá"),
])
def test_units_name_completed_from_the_reference_list(text, name):
    assert name in responsible(text)


def test_units_body_of_the_province_before_a_department_is_a_list_not_a_parent():
    got = responsible("Đề nghị Ban Quản lý Khu kinh tế, Sở Công Thương, các doanh nghiệp phối hợp khảo sát.")
    assert {"Ban Quản lý Khu kinh tế", "Sở Công Thương"} <= set(got)


def test_units_board_before_its_department_keeps_its_parent():
    assert "Ban Thi đua - Khen thưởng, Sở Nội vụ" in responsible("Giao Ban Thi đua - Khen thưởng, Sở Nội vụ chủ trì tổng hợp.")


# --- a body's own offices and boards, named bare in its own documents -------------------------------------

EVN = ("Tổng số tiền thưởng lấy từ Quỹ khen thưởng của Tập đoàn Điện lực Việt Nam.\n\n"
       "Điều 3. Chánh Văn phòng, Trưởng Ban Nhân sự, Trưởng Ban Kỹ thuật - Sản xuất Tập đoàn và "
       "Giám đốc các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")


@pytest.mark.parametrize("name", ["Văn phòng Tập đoàn Điện lực Việt Nam",
                                  "Ban Kỹ thuật - Sản xuất Tập đoàn Điện lực Việt Nam"])
def test_units_boards_of_a_group_take_the_group_named_after_them(name):
    assert "lead" in responsible(EVN, DocContext()).get(name, set())


def test_units_office_of_the_committee_named_bare_after_its_head():
    text = ("QUYẾT ĐỊNH của Ủy ban Dân tộc và Tôn giáo tỉnh về việc tặng Bằng khen.\n\n"
            "Điều 2. Chánh Văn phòng Ủy ban, Giám đốc Sở Nội vụ và các tập thể có tên tại Điều 1 chịu trách nhiệm "
            "thi hành Quyết định này.")
    assert "Văn phòng Ủy ban Dân tộc và Tôn giáo tỉnh Lào Cai" in responsible(text)


def test_units_titles_joined_by_a_slash_before_a_collective_keep_the_list_assigned():
    text = "Điều 2. Giám đốc Sở Y tế, Tổng Giám đốc/Giám đốc các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành."
    assert "lead" in responsible(text).get("Sở Y tế", set())


def test_units_reference_name_ending_in_a_place_word_takes_the_place_after_it():
    text = ("Điều 3. Chánh Văn phòng Ủy ban nhân dân thành phố Hải Phòng; Giám đốc Sở Tài chính thành phố Hải Phòng "
            "chịu trách nhiệm thi hành Quyết định này.")
    assert "Văn phòng Ủy ban nhân dân thành phố Hải Phòng" in responsible(text, HAI_PHONG)
