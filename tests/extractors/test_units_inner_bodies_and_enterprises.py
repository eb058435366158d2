"""units.py on the classes of issue 10's sixth round, on phrases written for these tests (other provinces,
hospitals, unions, companies and cooperatives; none of them is in a set): a body inside an organisation named
with its organisation, enterprises and cooperatives with a lower-case legal form, the hospital's rooms, the
generic noun "cơ quan" before a body, two bodies joined by a slash, a level list that repeats "các"."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.names import find_unit_mentions
from extractors.units import extract_units

NGHE_AN = DocContext(year=2025, province="Nghệ An", level="tỉnh")


def responsible(text, context=NGHE_AN):
    return {u.name: set(u.roles) for u in extract_units(text, context) if set(u.roles) & {"lead", "support", "director"}}


def surfaces(text):
    return [surf for _, _, surf in find_unit_mentions(text)]


# --- a body inside an organisation, named with its organisation right after it ----------------------------

@pytest.mark.parametrize("text, name, role", [
    ("3. Ban Tổ chức Liên đoàn Lao động tỉnh chủ trì, phối hợp với các công đoàn ngành rà soát danh sách.",
     "Ban Tổ chức Liên đoàn Lao động tỉnh Nghệ An", "lead"),
    ("4. Đoàn Thanh niên Bệnh viện phối hợp với khoa Dinh dưỡng tổ chức ngày hội hiến máu tình nguyện.",
     "Đoàn Thanh niên Bệnh viện", "lead"),
    ("c) Văn phòng Tổng công ty chuẩn bị hội trường, khánh tiết và hậu cần cho hội nghị.",
     "Văn phòng Tổng công ty", "lead"),
    ("- Công đoàn Trường phối hợp với Ban Giám hiệu tổ chức hội thi giáo viên dạy giỏi.", "Công đoàn Trường", "lead"),
    ("2. Phòng Kỹ thuật Công ty chủ trì xây dựng phương án an toàn lao động năm 2026.", "Phòng Kỹ thuật Công ty",
     "lead"),
])
def test_units_inner_body_with_its_organisation(text, name, role):
    assert role in responsible(text).get(name, set())


@pytest.mark.parametrize("text, whole", [
    ("Ban Tuyên giáo Liên đoàn Lao động thành phố chủ trì biên soạn tài liệu.",
     "Ban Tuyên giáo Liên đoàn Lao động thành phố"),
    ("Phòng Tài chính - Kế toán Bệnh viện Đa khoa tỉnh dự trù kinh phí tổ chức.",
     "Phòng Tài chính - Kế toán Bệnh viện Đa khoa tỉnh"),
])
def test_names_inner_body_and_its_organisation_are_one_mention(text, whole):
    assert whole in surfaces(text)


@pytest.mark.parametrize("text, first", [
    # a body with its place ends there: what follows is the next name
    ("Văn phòng Ủy ban nhân dân tỉnh Nghệ An Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh Nghệ An"),
    # two inner bodies side by side are two ("Ban Tuyên giáo Ban Tổ chức" is a list written without commas)
    ("Ban Tuyên giáo Ban Tổ chức", "Ban Tuyên giáo"),
])
def test_names_inner_body_not_joined(text, first):
    assert surfaces(text)[0] == first


def test_names_bare_organisation_before_a_name_is_not_taken():
    # "Công ty" before a capitalised name starts that company's name: no "Văn phòng Công ty" with it
    assert "Văn phòng Công ty" not in surfaces("Văn phòng Công ty Cổ phần Bia Sài Gòn - Nghệ Tĩnh tổ chức.")


# --- enterprises and cooperatives: legal form and line of business in lower case ----------------------------

@pytest.mark.parametrize("text, name", [
    ("4. Hợp tác xã dịch vụ nông nghiệp Diễn Hồng, Công ty Điện lực Nghệ An tổ chức tuyên truyền sử dụng điện an toàn.",
     "Hợp tác xã Dịch vụ nông nghiệp Diễn Hồng"),
    ("Công ty cổ phần cấp nước Nghệ An chủ trì lắp đặt đồng hồ nước cho các hộ dân.", "Công ty Cổ phần Cấp nước Nghệ An"),
    ("Giao Công ty trách nhiệm hữu hạn một thành viên Thủy lợi Bắc Nghệ An vận hành các hồ chứa.",
     "Công ty Trách nhiệm hữu hạn Một thành viên Thủy lợi Bắc Nghệ An"),
])
def test_units_enterprise_with_lower_case_form(text, name):
    got = {n.lower(): r for n, r in responsible(text).items()}
    assert "lead" in got.get(name.lower(), set())


@pytest.mark.parametrize("text", [
    "Công ty thực hiện theo Hướng dẫn số 12/HD-SNV của Sở Nội vụ.",
    "Hợp tác xã phối hợp với Sở Y tế.",
])
def test_names_enterprise_head_with_other_lower_case_words_is_no_name(text):
    assert not any(s.startswith(("Công ty", "Hợp tác xã")) for s in surfaces(text))


# --- the hospital's rooms, read whole; "xã hội" is no commune -----------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("2. Phòng Hành chính quản trị chuẩn bị hội trường, âm thanh, giấy mời và khánh tiết.", "Phòng Hành chính - Quản trị"),
    ("3. Phòng Kế hoạch tổng hợp chủ trì tổng hợp danh sách cá nhân được biểu dương.", "Phòng Kế hoạch - Tổng hợp"),
    ("Khoa Dược phối hợp với Phòng Công tác xã hội làm phóng sự ảnh về gương người tốt, việc tốt.",
     "Phòng Công tác xã hội"),
])
def test_units_hospital_rooms_read_whole(text, name):
    assert name in responsible(text)


# --- "cơ quan" before a body names that body ------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("2. Cơ quan Bảo hiểm xã hội tỉnh Nghệ An tổng hợp danh sách, kinh phí đề nghị ngân sách tỉnh hỗ trợ.",
     "Bảo hiểm xã hội tỉnh Nghệ An"),
    ("Giám đốc Sở Tài chính, Thủ trưởng cơ quan Kho bạc Nhà nước tỉnh và Chủ tịch Ủy ban nhân dân các xã chịu "
     "trách nhiệm thi hành Quyết định này.", "Kho bạc Nhà nước tỉnh Nghệ An"),
])
def test_units_generic_noun_before_a_body(text, name):
    got = {n.lower(): r for n, r in responsible(text).items()}
    assert "lead" in got.get(name.lower(), set()) or "lead" in got.get(name.lower().replace(" nghệ an", ""), set())


# --- two bodies joined by a slash, either of which acts --------------------------------------------------------

def test_units_slash_between_two_bodies():
    got = responsible("- Trong 03 ngày làm việc, Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị phường có trách "
                      "nhiệm phối hợp với Phòng Văn hóa - Xã hội thẩm định hồ sơ.")
    assert "lead" in got.get("Phòng Kinh tế xã", set())
    assert "lead" in got.get("Phòng Kinh tế, Hạ tầng và Đô thị phường", set())


# --- a level list that repeats "các" after the conjunction ----------------------------------------------------

def test_names_level_list_repeating_the_collective():
    assert "Ủy ban nhân dân các xã, đặc khu và các phường" in surfaces(
        "a) Ủy ban nhân dân các xã, đặc khu và các phường có công trình cấp nước tập trung.")


# --- bodies the heads lacked -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chủ trì, phối hợp với Ban Thường trực Ủy ban Mặt trận Tổ "
     "quốc Việt Nam xã chuẩn bị hội trường.", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
])
def test_units_commune_office(text, name):
    assert "lead" in responsible(text).get(name, set())


# --- the closing article of a resolution: the delegation, with the deputies it lists ----------------------------

def test_units_delegation_with_the_deputies_it_lists():
    got = responsible("3. Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh "
                      "Cao Bằng, trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.")
    assert "lead" in got.get("Hội đồng Dân tộc", set())
    assert any(n.startswith("Đoàn đại biểu Quốc hội") and "lead" in r for n, r in got.items())


# --- a person's name after the body of their title is the person's --------------------------------------------

@pytest.mark.parametrize("text, body", [
    ("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên chỉ đạo các Cục, Vụ rà soát.", "Bộ Công Thương"),
    ("Giao Giám đốc Sở Tài chính Lê Văn Nam chủ trì tổng hợp.", "Sở Tài chính"),
])
def test_names_person_after_a_titled_body_is_cut(text, body):
    assert surfaces(text)[0] == body


@pytest.mark.parametrize("text, name", [
    # a school or a company named after a person keeps that name
    ("Hiệu trưởng Trường Tiểu học Lê Lợi tổ chức hội thi.", "Trường Tiểu học Lê Lợi"),
    ("Hiệu trưởng Trường THCS Trần Phú báo cáo.", "Trường THCS Trần Phú"),
])
def test_names_body_named_after_a_person_keeps_the_name(text, name):
    assert surfaces(text)[0] == name


# --- "ban hành" before lower-case words is a duty; before a title it names the issuer ---------------------------

def test_units_issuing_standards_is_a_duty():
    got = responsible("Sở Giáo dục và Đào tạo ban hành tiêu chuẩn, định mức sử dụng thiết bị chuyên dùng thuộc lĩnh "
                      "vực giáo dục theo đề nghị của các cơ sở giáo dục.")
    assert "lead" in got.get("Sở Giáo dục và Đào tạo", set())


def test_units_issuer_of_the_plan_in_its_preamble_is_no_lead():
    got = responsible("Thực hiện Kế hoạch số 45/KH-UBND của Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo ban hành Kế "
                      "hoạch tổ chức Hội khỏe Phù Đổng như sau:")
    assert "Sở Giáo dục và Đào tạo" not in got


# --- a body asked to act over the duties listed below it ---------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("1.2. Bảo đảm thuốc chữa bệnh\n\nBộ Y tế chỉ đạo Cục Quản lý Dược:\n\na) Hướng dẫn các cơ sở bảo đảm thuốc, vật tư "
     "y tế cho vùng bị lũ.\n\nb) Kiểm tra giá thuốc tại các địa phương.", "Cục Quản lý Dược"),
    ("Ủy ban nhân dân tỉnh yêu cầu Sở Nông nghiệp và\nMôi trường:\n\n- Rà soát diện tích lúa bị thiệt hại.",
     "Sở Nông nghiệp và Môi trường"),
])
def test_units_body_asked_over_its_duties(text, name):
    assert "lead" in responsible(text).get(name, set())


# --- a head list read over the line break after its colon ----------------------------------------------------

def test_units_head_list_over_a_line_break():
    got = responsible("3. Trách nhiệm của các Sở:\nCông Thương, Khoa học và Công nghệ, Y tế.\n\na) Chủ trì, phối hợp với "
                      "Ủy ban nhân dân cấp xã rà soát cơ sở sản xuất.")
    assert {"Sở Công Thương", "Sở Khoa học và Công nghệ", "Sở Y tế"} <= {n for n, r in got.items() if "lead" in r}


# --- a head given to provinces that each carry their level word --------------------------------------------------

def test_units_head_over_provinces_each_with_its_level_word():
    got = responsible("d) Ủy ban nhân dân thành phố Đà Nẵng, thành phố Huế và tỉnh Quảng Trị trực tiếp hỗ trợ lương "
                      "thực, thuốc men cho các tỉnh bị lũ.")
    assert "lead" in got.get("Ủy ban nhân dân thành phố Đà Nẵng, thành phố Huế và tỉnh Quảng Trị", set())


def test_names_level_words_of_other_places_are_not_provinces():
    # "thành phố Vinh" is no province: the province's department ends at its own place
    assert surfaces("Sở Y tế tỉnh Nghệ An, thành phố Vinh phối hợp.")[0] == "Sở Y tế tỉnh Nghệ An"


# --- the standing role a body holds, in parentheses after it, is no second body ------------------------------------

@pytest.mark.parametrize("text, body", [
    ("1. Phòng Nội vụ (cơ quan Thường trực Hội đồng Thi đua - Khen thưởng huyện) chủ trì, phối hợp với Phòng Văn hóa "
     "và Thông tin tham mưu xây dựng báo cáo.", "Phòng Nội vụ"),
    ("1. **Ban Kế hoạch - Tổng hợp** (Thường trực Hội đồng Thi đua - Khen thưởng Tổng công ty) chủ trì xây dựng kịch bản "
     "hội nghị.", "Ban Kế hoạch - Tổng hợp"),
])
def test_units_standing_role_in_parentheses(text, body):
    got = responsible(text)
    assert "lead" in got.get(body, set())
    assert not any(n.startswith("Thường trực") for n in got)


def test_units_standing_body_named_by_its_role_still_acts():
    # the body holding the role, in the parentheses after the role, is the one that acts
    got = responsible("Giao cơ quan thường trực Hội đồng Thi đua - Khen thưởng tỉnh (Sở Nội vụ) tổng hợp, báo cáo.")
    assert "lead" in got.get("Sở Nội vụ", set())


# --- a body asked to confer an award does no duty ------------------------------------------------------------------

@pytest.mark.parametrize("text, body", [
    ("- Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể và 07 cá nhân có thành tích xuất sắc.",
     "Ủy ban nhân dân tỉnh Nghệ An"),
    ("- Giấy khen của Giám đốc Sở; đề nghị Bộ trưởng Bộ Giáo dục và Đào tạo tặng Bằng khen cho 02 tập thể tiêu biểu.",
     "Bộ Giáo dục và Đào tạo"),
    ("- Tập thể lao động xuất sắc: Phòng Kế toán (7/7 phiếu) - đề nghị Tổng Giám đốc Tổng công ty công nhận.",
     "Tổng công ty"),
])
def test_units_body_asked_to_confer_an_award_is_no_lead(text, body):
    assert body not in responsible(text)


def test_units_body_asked_to_act_still_leads():
    assert "lead" in responsible("Đề nghị Sở Y tế tổng hợp danh sách, gửi về Sở Nội vụ trước ngày 15/11/2025.").get(
        "Sở Y tế", set())


def test_units_preamble_issuing_a_document_type_in_lower_case_is_no_duty():
    got = responsible("Theo đề nghị của Giám đốc Sở Nội vụ;\n\nChủ tịch Ủy ban nhân dân tỉnh ban hành quy chế phối hợp "
                      "trong công tác thi đua, khen thưởng trên địa bàn tỉnh.")
    assert "Ủy ban nhân dân tỉnh Nghệ An" not in got
