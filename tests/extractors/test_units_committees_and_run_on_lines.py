"""units.py / names.py: failure classes found on an independent set of real letters and school plans (dev3):
committees of an event, "every district" place lists, "X: duties" lines, the main clause after "Căn cứ ...",
run-on web copies, short names in parentheses, the Pioneers' teacher (TPT Đội)."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.names import canonical_unit, find_unit_mentions
from extractors.units import extract_units

CTX = DocContext(year=2024, province="Lào Cai", level="tỉnh")


def roles(text, context=CTX):
    return {u.name: set(u.roles) for u in extract_units(text, context)}


def surfaces(text):
    return [m[2] for m in find_unit_mentions(text)]


@pytest.mark.parametrize("text, surface", [
    # the committee of an event carries the event's name
    ("Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số tỉnh Lào Cai lần thứ IV",
     "Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số tỉnh Lào Cai"),
    ("Ban Tổ chức Hội thi có trách nhiệm", "Ban Tổ chức Hội thi"),
    ("Ban Tổ chức Hội nghị gửi giấy mời", "Ban Tổ chức Hội nghị"),
    ("Ban tổ chức tiến hành chấm vào ngày 20/11", "Ban tổ chức"),
    ("Ban Giám khảo chấm thi", "Ban Giám khảo"),
    # a longer sector still wins over the committee head
    ("Ban Tổ chức - Hành chính chủ trì", "Ban Tổ chức - Hành chính"),
    ("Phòng Tổ chức cán bộ chủ trì", "Phòng Tổ chức cán bộ"),
    # every district (commune) of the province, with or without "các"
    ("Phòng Giáo dục và Đào tạo huyện, thành phố chỉ đạo", "Phòng Giáo dục và Đào tạo huyện, thành phố"),
    ("Phòng Nội vụ huyện/thành phố tổng hợp", "Phòng Nội vụ huyện/thành phố"),
    ("UBND xã, phường, thị trấn tuyên truyền", "UBND xã, phường, thị trấn"),
    ("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương báo cáo",
     "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"),
    # the teacher in charge of the Pioneers
    ("-TPT Đội: Tham mưu lập kế hoạch", "TPT Đội"),
    # a "Sở" after a body without sub-bodies is the next unit of the list
    ("Giao UBND tỉnh, Sở Nội vụ theo dõi", "Sở Nội vụ"),
])
def test_units_mention_surface(text, surface):
    assert surface in surfaces(text), surfaces(text)


@pytest.mark.parametrize("text, dont", [
    ("UBND huyện, thành phố Lào Cai", "UBND huyện, thành phố Lào Cai"),  # a named city is not "every district"
    ("Ban Thi đua - Khen thưởng, Sở Nội vụ", "Sở Nội vụ"),  # a sub-body's parent stays one name
])
def test_units_mention_not_split_or_joined(text, dont):
    assert dont not in surfaces(text), surfaces(text)


@pytest.mark.parametrize("surface, name", [
    ("TPT Đội", "Tổng phụ trách Đội"),
    ("Phòng GD&ĐT huyện/thành phố", "Phòng Giáo dục và Đào tạo huyện, thành phố"),
    ("Ban Chỉ đạo Đại hội cấp tỉnh", "Ban Chỉ đạo Đại hội cấp tỉnh"),  # "cấp tỉnh" is a level, not a place
])
def test_units_canonical_name(surface, name):
    assert canonical_unit(surface, CTX) == [name]


@pytest.mark.parametrize("text, name", [
    # a unit heading its duties on the same line
    ("- TPT Đội: Tham mưu lập kế hoạch, phát động dưới cờ, tổng hợp điểm.", "Tổng phụ trách Đội"),
    ("- Sở Nội vụ: Chủ trì tham mưu tổ chức Hội nghị tổng kết.", "Sở Nội vụ"),
    ("b) Phòng Văn hóa và Thông tin: tuyên truyền, đưa tin về các điển hình tiên tiến.",
     "Phòng Văn hóa và Thông tin"),
    # committees of an event act
    ("- Ban tổ chức tiến hành chấm vào ngày 14/9 và công bố kết quả.", "Ban Tổ chức"),
    ("3. Ban Giám khảo chấm thi, tổng hợp kết quả và đề xuất giải thưởng.", "Ban Giám khảo"),
    # every district of the province is the subject
    ("- Phòng Giáo dục Đào tạo huyện/thành phố chỉ đạo trường trực thuộc tiến hành tổng kết năm học.",
     "Phòng Giáo dục - Đào tạo huyện, thành phố"),
    ("UBND các xã, phường, thị trấn tổ chức tuyên truyền sâu rộng trong nhân dân.",
     "Ủy ban nhân dân các xã, phường, thị trấn"),
    # "Căn cứ ..., X đề nghị / yêu cầu Y [làm]": Y leads
    ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND tỉnh, Sở Nội vụ đề nghị Phòng Nội vụ các huyện, "
     "thành phố báo cáo kết quả về Sở trước ngày 15/12/2024.", "Phòng Nội vụ các huyện, thành phố"),
    ("Căn cứ Hướng dẫn số 04/HD-BCĐ ngày 11/8/2024 của Ban Chỉ đạo, Tiểu ban Khen thưởng hướng dẫn và yêu cầu "
     "Ban Chỉ đạo Đại hội cấp huyện thực hiện một số nội dung sau:", "Ban Chỉ đạo Đại hội cấp huyện"),
])
def test_units_lead(text, name):
    assert "lead" in roles(text).get(name, set()), roles(text)


@pytest.mark.parametrize("text", [
    "- Sở Y tế: 02 tập thể, 03 cá nhân.",
    "Thành phần:\n- Sở Nội vụ: Lãnh đạo Sở và chuyên viên phụ trách.",
    "- Công an tỉnh: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh.",
    "Căn cứ Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 của UBND tỉnh, Sở Nội vụ ban hành quy chế;",
    "Căn cứ Công văn số 1459/SNV-TĐKT ngày 14/11/2017 của Ban Thi đua - Khen thưởng tỉnh hướng dẫn công tác thi đua,",
])
def test_units_no_role(text):
    assert all(r == {"mentioned"} for r in roles(text).values()), roles(text)


def test_units_short_name_in_parentheses_is_one_unit():
    text = ("Sở Nội vụ đề nghị Ban Chỉ đạo Đại hội Thể dục thể thao các huyện, thành phố (Ban Chỉ đạo Đại hội cấp "
            "huyện) tổ chức tốt Đại hội.")
    led = [n for n, r in roles(text).items() if "lead" in r and n.startswith("Ban Chỉ đạo")]
    assert led == ["Ban Chỉ đạo Đại hội Thể dục thể thao các huyện, thành phố"], led


def test_units_country_qualifier_merges():
    text = ("Kính gửi:\n\nHội Nông dân Việt Nam các tỉnh, thành phố trực thuộc Trung ương\n\n"
            "Ban Tổ chức đề nghị Hội Nông dân các tỉnh, thành phố trực thuộc Trung ương triển khai thực hiện.")
    names = [n for n, r in roles(text).items() if "lead" in r and n.startswith("Hội Nông dân")]
    assert names == ["Hội Nông dân Việt Nam các tỉnh, thành phố trực thuộc Trung ương"], roles(text)


def test_units_run_on_line_is_read_item_by_item():
    # a web copy with every line break lost: the header, the addressees and the duties on one line
    text = ("UBND TỈNH LÀO CAI SỞ Y TẾ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 12/SYT-TĐKT Lào Cai, ngày 05 tháng 5 "
            "năm 2024 Độc lập - Tự do - Hạnh phúc V/v hướng dẫn tổng kết công tác thi đua khen thưởng năm 2024 Kính "
            "gửi: - Trung tâm Y tế huyện, thành phố; - Các đơn vị trực thuộc Sở; Căn cứ Quyết định số 36/2017/QĐ-UBND "
            "ngày 04/11/2017 của Ủy ban nhân dân tỉnh Lào Cai về việc ban hành Quy chế Thi đua, Khen thưởng, Sở Y tế "
            "hướng dẫn tổng kết công tác thi đua khen thưởng năm 2024 như sau: I. BÁO CÁO TỔNG KẾT - Trung tâm Y tế "
            "huyện/thành phố chỉ đạo các trạm y tế tiến hành đánh giá, tổng kết công tác thi đua, khen thưởng năm "
            "2024 - Ban Thi đua - Khen thưởng Sở Y tế tổng hợp báo cáo, trình Hội đồng xét duyệt")
    got = roles(text)
    assert "lead" in got.get("Trung tâm Y tế huyện, thành phố", set()), got
    assert "lead" in got.get("Ban Thi đua - Khen thưởng Sở Y tế", set()), got
