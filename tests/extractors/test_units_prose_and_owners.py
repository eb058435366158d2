"""units.py on the classes first seen on documents nobody had tuned on (issue 10, round s4): a subject whose
verb comes after an insertion or a subordinate phrase, a recipient that is not a subject, a body named with its
bare owner ("Hội đồng Thi đua - Khen thưởng Bộ", "Chánh văn phòng Bộ"), and a reference body with its own
proper name before the next unit of a list. None of these phrases is in a set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.units import extract_units

GIA_LAI = DocContext(year=2025, province="Gia Lai", level="tỉnh")


def responsible(text, context=GIA_LAI):
    return {u.name: set(u.roles) for u in extract_units(text, context) if set(u.roles) & {"lead", "support", "director"}}


# --- the verb after an insertion or a subordinate phrase gives the subject its role -------------------------

@pytest.mark.parametrize("text, name, role", [
    ("Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp trình cấp có thẩm "
     "quyền bố trí kinh phí.", "Sở Tài chính", "lead"),
    ("Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn trương nghiên cứu, xử lý kiến nghị của tỉnh Gia Lai.",
     "Bộ Nội vụ", "lead"),
    ("Công an tỉnh, căn cứ chức năng, nhiệm vụ được giao, chủ động xây dựng phương án bảo đảm an ninh trật tự.",
     "Công an tỉnh Gia Lai", "lead"),
    ("Sở Giáo dục và Đào tạo, với vai trò là cơ quan chủ trì, hướng dẫn các trường tổ chức thực hiện kế hoạch.",
     "Sở Giáo dục và Đào tạo", "lead"),
    ("Đài Phát thanh và Truyền hình tỉnh, trong phạm vi nhiệm vụ được giao, phối hợp tuyên truyền rộng rãi "
     "các gương điển hình tiên tiến.", "Đài Phát thanh và Truyền hình tỉnh Gia Lai", "lead"),
    ("Để triển khai có hiệu quả, kịp thời, Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật.",
     "Sở Tư pháp", "lead"),
    ("Trong quá trình thực hiện, Bộ Công Thương có trách nhiệm tổng hợp khó khăn, vướng mắc của doanh nghiệp.",
     "Bộ Công Thương", "lead"),
    ("Sở Nội vụ theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.", "Sở Nội vụ", "lead"),
])
def test_units_role_verb_after_an_insertion(text, name, role):
    assert role in responsible(text).get(name, set())


@pytest.mark.parametrize("text, name", [
    # honoured, not assigned
    ("Trong năm 2024, Sở Xây dựng đã được tặng Cờ thi đua của Chính phủ về thành tích xuất sắc.", "Sở Xây dựng"),
    ("Năm 2023, Bệnh viện Đa khoa tỉnh được công nhận là đơn vị dẫn đầu phong trào thi đua.",
     "Bệnh viện Đa khoa tỉnh Gia Lai"),
    # only mentioned: a phrase before a unit that is an object, not a subject
    # (a body reports go to "để tổng hợp" compiles them: it leads, test_units_lists_labels_and_collectives)
    ("Khi có vướng mắc, các đơn vị báo cáo về Sở Nội vụ trước ngày 15/12/2025.", "Sở Nội vụ"),
    ("Sở Y tế theo quy định của Bộ Y tế về công tác khám bệnh, chữa bệnh tại tuyến cơ sở.", "Sở Y tế"),
])
def test_units_recipient_or_object_is_not_responsible(text, name):
    assert name not in responsible(text)


# --- a body of the issuing owner named with the bare owner word ---------------------------------------------

BASIS = "Căn cứ Nghị định số 15/2017/NĐ-CP quy định chức năng, nhiệm vụ của Bộ Nông nghiệp và Phát triển nông thôn;\n\n"


@pytest.mark.parametrize("name", [
    "Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Phát triển nông thôn",
    "Văn phòng Bộ Nông nghiệp và Phát triển nông thôn",
    "Thường trực Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Phát triển nông thôn",
])
def test_units_bare_owner_after_a_council_or_office(name):
    text = BASIS + ("Điều 3. Chủ tịch Hội đồng Thi đua, Khen thưởng Bộ, Chánh văn phòng Bộ, Thủ trưởng các cơ quan, "
                    "đơn vị thuộc Bộ và Thường trực Hội đồng Thi đua, Khen thưởng Bộ chịu trách nhiệm thi hành "
                    "Quyết định này./.")
    assert "lead" in responsible(text).get(name, set())


# --- a reference body with a proper name of its own, then the next unit of the list -------------------------

@pytest.mark.parametrize("text, names", [
    ("- Phối hợp chặt chẽ với Ban Quản lý Khu kinh tế Vân Phong, Sở Khoa học và Công nghệ và các doanh nghiệp "
     "viễn thông triển khai thực hiện.", {"Ban Quản lý Khu kinh tế Vân Phong", "Sở Khoa học và Công nghệ"}),
    ("- Phối hợp với Ban Quản lý Khu kinh tế Chu Lai, Sở Xây dựng kiểm tra việc thực hiện quy hoạch.",
     {"Ban Quản lý Khu kinh tế Chu Lai", "Sở Xây dựng"}),
])
def test_units_reference_body_with_its_proper_name_ends_at_the_comma(text, names):
    got = responsible(text)
    assert names <= set(got)
    assert not any(", " in n for n in got)


# --- steering committees: national bodies named by their field, declared short names, duty headings --------

@pytest.mark.parametrize("text, name, role", [
    ("Ban Chỉ đạo Nhà nước về Biển Đông chỉ đạo các bộ, ngành triển khai thực hiện nhiệm vụ.",
     "Ban Chỉ đạo Nhà nước về Biển Đông", "director"),
    ("Đề nghị Ủy ban Quốc gia về Người cao tuổi Việt Nam hướng dẫn các địa phương tổ chức thực hiện.",
     "Ủy ban Quốc gia về Người cao tuổi Việt Nam", "lead"),
    ("**Điều 7. Trách nhiệm của Sở Nội vụ**\n\n1. Chủ trì tham mưu tổ chức hội nghị tổng kết.", "Sở Nội vụ", "lead"),
    ("3. Nhiệm vụ của Trung tâm Y tế huyện:\n\n- Tổ chức khám sàng lọc cho học sinh.", "Trung tâm Y tế huyện", "lead"),
])
def test_units_national_bodies_and_duty_headings(text, name, role):
    assert role in responsible(text).get(name, set())


def test_units_duty_words_in_a_sentence_are_no_heading():
    assert "Sở Nội vụ" not in responsible("Trách nhiệm của Sở Nội vụ trong việc thẩm định hồ sơ được quy định tại "
                                          "Điều 5 của Quy chế này.")


def test_units_declared_short_name_names_the_full_body():
    text = ("Quy chế này quy định nhiệm vụ của Ban Chỉ đạo quốc gia về Chuyển đổi số (sau đây gọi tắt là Ban Chỉ "
            "đạo).\n\n**Điều 4. Trách nhiệm của Ban Chỉ đạo**\n\n1. Nghiên cứu, đề xuất chủ trương, chính sách.\n\n"
            "**Điều 8. Văn phòng Ban Chỉ đạo**\n\n1. Văn phòng Ban Chỉ đạo có trách nhiệm tham mưu giúp Ban Chỉ đạo "
            "điều hành công việc.")
    got = responsible(text)
    assert "lead" in got.get("Ban Chỉ đạo Quốc gia về Chuyển đổi số", set())
    assert "lead" in got.get("Văn phòng Ban Chỉ đạo Quốc gia về Chuyển đổi số", set())
    assert "Ban Chỉ đạo" not in got


@pytest.mark.parametrize("text", [
    "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này.",
    "Đề nghị UBND các tỉnh, thành phố trực thuộc trung ương chỉ đạo các sở, ngành triển khai thực hiện.",
])
def test_units_provinces_under_the_centre_are_one_collective(text):
    got = responsible(text)
    assert len(got) == 1 and next(iter(got)).endswith("trực thuộc Trung ương")


# --- the youth and Pioneer bodies of a school, and its board -----------------------------------------------

@pytest.mark.parametrize("text, name, role", [
    ("Nay Liên đội trường THCS Kim Đồng xây dựng kế hoạch tổ chức Hội thi như sau:",
     "Liên đội Trường Trung học cơ sở Kim Đồng", "lead"),
    ("Ban Giám hiệu trường Tiểu học Lê Lợi chỉ đạo các tổ chuyên môn xây dựng kế hoạch.",
     "Ban Giám hiệu Trường Tiểu học Lê Lợi", "director"),
    ("Được sự chỉ đạo trực tiếp của Ban Giám hiệu, Liên đội xây dựng kế hoạch tổ chức ngày hội.",
     "Ban Giám hiệu", "director"),
    ("- Chi đoàn Giáo viên có trách nhiệm hướng dẫn các chi đoàn học sinh tham gia.", "Chi đoàn Giáo viên", "lead"),
    ("- Đoàn trường chủ trì, phối hợp với Công đoàn trường tổ chức các hoạt động văn nghệ.", "Đoàn trường", "lead"),
])
def test_units_school_youth_bodies(text, name, role):
    assert role in responsible(text).get(name, set())


def test_units_school_in_lower_case_is_no_unit_by_itself():
    assert responsible("Học sinh trường THCS Nguyễn Du tham gia đầy đủ các buổi sinh hoạt dưới cờ.") == {}


# --- provinces acting as the subject of a clause name their people's committees ----------------------------

@pytest.mark.parametrize("text, names", [
    ("a) Các tỉnh Sơn La, Lai Châu, Điện Biên khẩn trương rà soát các công trình thủy lợi trước mùa mưa lũ.",
     {"Ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Điện Biên"}),
    ("b) Thành phố Hải Phòng và các tỉnh Quảng Ninh, Thái Bình đẩy nhanh tiến độ giải phóng mặt bằng.",
     {"Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Thái Bình"}),
    ("c) Thành phố Cần Thơ, tỉnh An Giang hoàn thành việc lựa chọn nhà thầu trong tháng 12 năm 2025.",
     {"Ủy ban nhân dân thành phố Cần Thơ", "Ủy ban nhân dân tỉnh An Giang"}),
])
def test_units_provinces_acting_are_their_committees(text, names):
    got = responsible(text, DocContext(year=2025))
    assert names == {n for n, r in got.items() if "lead" in r}


@pytest.mark.parametrize("text", [
    "Tỉnh Quảng Ninh có 13 đơn vị hành chính cấp huyện, trong đó có 4 thành phố.",
    "Tỉnh Điện Biên đã hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm 2024.",
    "- Tỉnh Bình Định: 02 tập thể, 05 cá nhân.",
    "Chuyến công tác tại tỉnh Kon Tum diễn ra trong hai ngày.",
])
def test_units_a_province_described_is_not_acting(text):
    assert responsible(text, DocContext(year=2025)) == {}


# --- the closing formula of a decision: every body its list names executes it --------------------------------

def test_units_execution_formula_through_semicolons_and_head_lists():
    text = ("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Nội vụ, Tư pháp, Tài chính; Chủ tịch Ủy ban nhân "
            "dân các xã, phường thuộc vùng đồng bào dân tộc thiểu số và miền núi; Thủ trưởng các đơn vị liên quan, "
            "chịu trách nhiệm thi hành Quyết định này./.")
    got = {n for n, r in responsible(text).items() if "lead" in r}
    assert {"Văn phòng Ủy ban nhân dân tỉnh Gia Lai", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"} <= got
    assert any(n.startswith("Ủy ban nhân dân các xã") for n in got)


def test_units_execution_formula_skips_a_body_named_after_thuoc():
    text = ("Giám đốc Sở Y tế, Thủ trưởng các đơn vị thuộc Bộ Y tế đóng trên địa bàn và Giám đốc Bệnh viện Đa khoa "
            "tỉnh chịu trách nhiệm thi hành Quyết định này.")
    got = responsible(text)
    assert "lead" in got.get("Sở Y tế", set()) and "Bộ Y tế" not in got


def test_units_a_body_with_and_without_the_province_word_is_one():
    text = ("Giao Ban Quản lý Khu kinh tế chủ trì thực hiện nhiệm vụ cải cách hành chính.\n\n- Phối hợp với Ban Quản lý "
            "Khu kinh tế tỉnh Gia Lai tổ chức kiểm tra định kỳ các doanh nghiệp.")
    got = responsible(text)
    assert list(got) == ["Ban Quản lý Khu kinh tế tỉnh Gia Lai"] and got[list(got)[0]] == {"lead", "support"}


def test_units_a_title_naming_a_body_with_its_dates_is_no_heading():
    text = ("V/v tuyên truyền kỷ niệm 95 năm Ngày thành lập\n\nHội Nông dân Việt Nam (14/10/1930 - 14/10/2025)\n\n"
            "Kính gửi: Các cơ sở Hội trực thuộc")
    assert responsible(text) == {}


@pytest.mark.parametrize("text, name", [
    ("Căn cứ Quyết định của Tổng công ty Hàng hải Việt Nam;\n\nTổng công ty chi tạm ứng tiền thưởng cho các đơn vị "
     "trong tháng liền sau.", "Tổng công ty Hàng hải Việt Nam"),
    ("- Tập đoàn sẽ công bố các số liệu này trước ngày 15/10/2025.", "Tập đoàn"),
    ("Tổng Giám đốc Tập đoàn và Ban Thường vụ Công đoàn EVN phát động đợt thi đua cao điểm.", "Tập đoàn"),
])
def test_units_bare_owner_acting_is_the_owner(text, name):
    assert "lead" in responsible(text).get(name, set())


@pytest.mark.parametrize("text", [
    "Bộ đội Biên phòng tỉnh tăng cường tuần tra khu vực biên giới.",
    "Sở hữu trí tuệ là lĩnh vực được quan tâm trong giai đoạn tới.",
    "- Bộ máy tổ chức được kiện toàn theo hướng tinh gọn.",
])
def test_units_a_word_the_owner_starts_is_no_owner(text):
    assert not any(n in {"Bộ", "Sở", "Tập đoàn"} for n in responsible(text))


@pytest.mark.parametrize("text, name, role", [
    # a department whose official name ends in lower case, completed from the reference list
    ("- Phối hợp với Cục Cảnh sát Quản lý hành chính về trật tự xã hội hướng dẫn Công an các xã cập nhật dữ liệu.",
     "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "support"),
    # "chỉ đạo Y làm": Y leads
    ("- Chủ trì, phối hợp với Sở Nội vụ chỉ đạo Công an cấp huyện hướng dẫn Công an cấp xã triển khai cập nhật.",
     "Công an cấp huyện", "lead"),
    # the unit after the comma that closes "sự chỉ đạo của X" is the subject, not a second director
    ("Thực hiện sự chỉ đạo của Bộ Giáo dục và Đào tạo, Sở Giáo dục và Đào tạo xây dựng kế hoạch năm học.",
     "Sở Giáo dục và Đào tạo", "lead"),
    ("Thực hiện sự chỉ đạo của Bộ Giáo dục và Đào tạo, Sở Giáo dục và Đào tạo xây dựng kế hoạch năm học.",
     "Bộ Giáo dục và Đào tạo", "director"),
])
def test_units_reference_tails_and_direction(text, name, role):
    assert role in responsible(text).get(name, set())


def test_units_directors_in_a_list_stay_directors():
    got = responsible("Dưới sự chỉ đạo của Tỉnh ủy, Ủy ban nhân dân tỉnh, các sở, ngành triển khai thực hiện.")
    assert got.get("Tỉnh ủy Gia Lai", got.get("Tỉnh ủy")) == {"director"}
    assert got.get("Ủy ban nhân dân tỉnh Gia Lai") == {"director"}


# --- a bold heading broken over a line or a blank line is one heading ---------------------------------------

@pytest.mark.parametrize("text, name", [
    ("**3. Sở Văn hóa,\n\nThể thao và Du lịch**\n\n- Chủ trì tổ chức các hoạt động văn hóa, văn nghệ.",
     "Sở Văn hóa, Thể thao và Du lịch"),
    ("**2. Ban Quản lý Khu kinh tế\nVân Phong**\n\n- Phối hợp với các doanh nghiệp triển khai.",
     "Ban Quản lý Khu kinh tế Vân Phong"),
])
def test_units_bold_heading_over_a_break(text, name):
    assert "lead" in responsible(text).get(name, set())


def test_units_bold_span_with_a_list_inside_is_no_heading():
    from extractors.unit_layout import bold_breaks_joined
    text = "**Ghi chú:\n- Sở Y tế\n- Sở Tài chính**"
    assert bold_breaks_joined(text) == text


def test_units_working_group_by_level():
    got = responsible("- Trước ngày 30/6/2025: Tổ công tác cấp xã hoàn thành thu thập, cập nhật thông tin người lao động.")
    assert "lead" in got.get("Tổ công tác cấp xã", set())


@pytest.mark.parametrize("text, name", [
    ("- Đối với lao động có nhu cầu học nghề thì Tổ công tác cấp xã hướng dẫn đăng ký tại Trung tâm.",
     "Tổ công tác cấp xã"),
    ("3. Đối với Ủy ban nhân dân cấp xã:\n\n- Tổ chức tuyên truyền, vận động nhân dân tham gia.", "Ủy ban nhân dân cấp xã"),
    ("Khi Sở Y tế có văn bản đề nghị, Sở Tài chính bố trí kinh phí kịp thời.", "Sở Tài chính"),
])
def test_units_subject_after_a_phrase_closed_by_thi_or_a_heading(text, name):
    assert "lead" in responsible(text).get(name, set())


@pytest.mark.parametrize("text, name", [
    ("Đối với Sở Y tế, số liệu được tổng hợp hằng quý.", "Sở Y tế"),
    ("Khi Sở Y tế có văn bản đề nghị, Sở Tài chính bố trí kinh phí kịp thời.", "Sở Y tế"),
])
def test_units_unit_inside_the_phrase_is_no_subject(text, name):
    assert name not in responsible(text)


def test_units_owner_cut_by_a_blank_line_is_completed_from_the_reference_list():
    text = ("Văn bản điện tử -- Tập đoàn Bưu\n\nchính viễn thông Việt Nam\n\n- Tập đoàn sẽ công bố các số liệu này "
            "trước ngày 15/10/2025.")
    assert "lead" in responsible(text).get("Tập đoàn Bưu chính Viễn thông Việt Nam", set())
