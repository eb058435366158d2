"""units.py: executors of a decision, members of a body, joint bodies, objects of "hướng dẫn", wrapped lines."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.units import extract_units

CTX = DocContext(year=2024, province="Lào Cai", level="tỉnh")


def roles(text, context=CTX):
    return {u.name: set(u.roles) for u in extract_units(text, context)}


@pytest.mark.parametrize("text, name", [
    # a position title + body -> the body leads
    ("Điều 2. Bộ trưởng Bộ Công Thương, Trưởng ban Ban Thi đua - Khen thưởng Trung ương và các tập thể có tên tại "
     "Điều 1 chịu trách nhiệm thi hành Quyết định này./.", "Bộ Công Thương"),
    ("Điều 2. Chủ tịch Ủy ban nhân dân tỉnh Yên Bái, Trưởng ban Ban Thi đua - Khen thưởng Trung ương và tập thể "
     "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", "Ban Thi đua - Khen thưởng Trung ương"),
    ("Điều 2. Chủ tịch Ủy ban nhân dân tỉnh Yên Bái, Trưởng ban Ban Thi đua - Khen thưởng Trung ương và tập thể "
     "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", "Ủy ban nhân dân tỉnh Yên Bái"),
    ("Điều 3 Chánh Văn phòng UBND tỉnh, Trưởng phòng Nội vụ và các cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.",
     "Phòng Nội vụ"),
    ("Điều 2. Bộ trưởng Bộ Tài chính, Trưởng ban Tuyên giáo Tỉnh ủy và tập thể có tên tại Điều 1 chịu trách nhiệm "
     "thi hành Quyết định này.", "Ban Tuyên giáo Tỉnh ủy"),
    ("Điều 2. Bộ trưởng Bộ Quốc phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
     "Bộ Quốc phòng"),
    # OCR glued words and a name broken over two lines
    ("Điều 2. Bộ trưởng Bộ CôngThương và các tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
     "Bộ Công Thương"),
    ("Điều 2 Chủ tịch UBND tỉnh Quảng Nam, Trưởng ban Ban Thi đua-Khen\nthưởng Trung ương, các tập thể có tên tại "
     "Điều 1 chịu trách nhiệm thi hành Quyết định này./", "Ban Thi đua - Khen thưởng Trung ương"),
    # members of a body act for it; a council of a school
    ("Điều 3. Các ông (bà) trong Hội đồng Thi đua, khen thưởng trường MN Sơn Ca và các đồng chí CBGVNV căn cứ "
     "Quyết định thi hành./.", "Hội đồng Thi đua - Khen thưởng Trường Mầm non Sơn Ca"),
    ("Điều 4. Các thành viên của Hội đồng Thi đua - Khen thưởng Trường THCS Lê Lợi chịu trách nhiệm thi hành "
     "Quyết định này.", "Hội đồng Thi đua - Khen thưởng Trường Trung học cơ sở Lê Lợi"),
    # the object of "hướng dẫn / đề nghị" that is followed by an action
    ("Nay Hội Khuyến học huyện hướng dẫn Hội Khuyến học các xã, thị trấn lập danh sách đề nghị khen thưởng.",
     "Hội Khuyến học các xã, thị trấn"),
    ("Sở Nội vụ hướng dẫn Phòng Nội vụ các huyện, thành phố tổng hợp hồ sơ.", "Phòng Nội vụ các huyện, thành phố"),
    # a subject followed by "phối hợp," and more verbs leads
    ("5) Thường trực thi đua 2 đơn vị phối hợp, thường xuyên theo dõi, đánh giá kết quả thực hiện.",
     "Thường trực thi đua 2 đơn vị"),
    ("Công ty TNHH MTV Xổ số kiến thiết Lào Cai chủ trì tổ chức Hội nghị.",
     "Công ty Trách nhiệm hữu hạn Một thành viên Xổ số kiến thiết Lào Cai"),
])
def test_units_executors_lead(text, name):
    assert "lead" in roles(text).get(name, set()), roles(text)


@pytest.mark.parametrize("text, name", [
    ("Sở Y tế phối hợp triển khai thực hiện.", "Sở Y tế"),
    # with a partner ("X phối hợp với Y ...") X leads: tests/extractors/test_units_subject_cooperates.py
    ("- Sở Tài chính phối hợp thực hiện các nội dung liên quan đến kinh phí.", "Sở Tài chính"),
])
def test_units_executors_support_stays_support(text, name):
    assert roles(text).get(name) == {"support"}


@pytest.mark.parametrize("text", [
    "3. Công ty Cổ phần Tư vấn Xây dựng Bắc Kạn, tỉnh Bắc Kạn,",
    "Xét đề nghị của Chủ tịch Ủy ban nhân dân tỉnh Bến Tre (Tờ trình số 1058/TTr-UBND ngày 20 tháng 3 năm 2008),",
    "Theo đề nghị của Sở Nội vụ về việc khen thưởng.",
    "Tổ chức Hội Nghị tổng kết công tác thi đua năm 2024.",
])
def test_units_executors_no_role(text):
    assert all(r == {"mentioned"} for r in roles(text).values()), roles(text)


def test_units_executors_no_unit_from_document_code():
    names = set(roles("Tờ trình số 270/TTr-BTĐKT ngày 07 tháng 3 năm 2008 và Tờ trình số 02/TTr-UBND."))
    assert names == set()
