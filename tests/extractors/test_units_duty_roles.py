"""units.py: the roles a unit heading its duties takes from them (issue 10, round 4). A duty under the heading,
as a sub-item or as the first paragraph below it, that opens with "Phối hợp (với Y)" makes the heading unit a
supporter, one that opens with "Chỉ đạo" or "Chủ trì, chỉ đạo" a director; "Chủ trì, phối hợp" stays the lead's,
working "với các cơ quan liên quan" is no one's support. None of these phrases is in a set."""
from __future__ import annotations

import pytest

from extractors.units import extract_units


def responsible(text):
    return {u.name: set(u.roles) for u in extract_units(text)
            if set(u.roles) & {"lead", "support", "director"}}


DUTIES = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
a) Chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch kiểm tra.
b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2026.
2. Sở Tư pháp
a) Rà soát các văn bản quy phạm pháp luật.
b) Phối hợp với Sở Nông nghiệp và Môi trường tổ chức tập huấn cho cán bộ cấp xã.
3. Sở Khoa học và Công nghệ

Phối hợp với Sở Nông nghiệp và Môi trường hướng dẫn các xã ứng dụng phần mềm.

4. Ban Chỉ huy Quân sự tỉnh
a) Chỉ đạo các đơn vị trực thuộc sẵn sàng lực lượng.
5. Sở Xây dựng
- Kiểm tra các công trình; phối hợp với Công an tỉnh bảo vệ hiện trường.
6. Sở Công Thương
Theo dõi thị trường.

Phối hợp với Sở Tài chính bình ổn giá.
7. Chủ tịch Ủy ban nhân dân cấp xã

Chỉ đạo các thôn, bản xây dựng quy ước.
8. Sở Y tế: Phối hợp cung cấp số liệu về dịch bệnh cho Sở Nông nghiệp và Môi trường.
9. Đài Phát thanh và Truyền hình tỉnh
- Có trách nhiệm phối hợp với các cơ quan, đơn vị liên quan đưa tin.
10. Sở Văn hóa và Thể thao
a. Chủ trì, chỉ đạo các cơ quan báo chí tuyên truyền Quy định này.
"""


@pytest.mark.parametrize("name, role", [
    ("Sở Tư pháp", "support"),                    # a sub-item "b) Phối hợp với ..."
    ("Sở Khoa học và Công nghệ", "support"),      # the paragraph right below the heading
    ("Sở Xây dựng", "support"),                   # a later clause that names its partner
    ("Sở Y tế", "support"),                       # on the heading's own line, after ":"
    ("Ban Chỉ huy Quân sự tỉnh", "director"),
    ("Ủy ban nhân dân cấp xã", "director"),       # the holder's title dropped, the first paragraph directs
    ("Sở Văn hóa và Thể thao", "director"),       # "Chủ trì, chỉ đạo"
])
def test_units_duty_under_a_heading_gives_its_role(name, role):
    got = responsible(DUTIES)
    assert {"lead", role} <= got[name]


@pytest.mark.parametrize("name, role", [
    ("Sở Nông nghiệp và Môi trường", "director"),  # "Chủ trì, phối hợp": it leads
    ("Sở Công Thương", "support"),                 # a second paragraph is no longer under the heading
    ("Đài Phát thanh và Truyền hình tỉnh", "support"),  # its partner is whoever is concerned
])
def test_units_duty_under_a_heading_gives_no_other_role(name, role):
    assert role not in responsible(DUTIES).get(name, set())


@pytest.mark.parametrize("text, name", [
    ("Đề nghị Thường trực Huyện ủy Tân Kỳ tập trung lãnh đạo, chỉ đạo các cấp ủy triển khai Kế hoạch.",
     "Thường trực Huyện ủy Tân Kỳ"),
    ("Đề nghị Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ đạo quyết liệt việc tháo gỡ vướng mắc.",
     "Ủy ban nhân dân các tỉnh, thành phố"),
    ("Thủ tướng Chính phủ yêu cầu Bộ Giao thông vận tải theo chức năng, nhiệm vụ được giao chỉ đạo các đơn vị "
     "khắc phục sự cố.", "Bộ Giao thông vận tải"),
])
def test_units_body_asked_to_direct_directs(text, name):
    assert {"lead", "director"} <= responsible(text)[name]


@pytest.mark.parametrize("text, name", [
    ("Đề nghị Sở Y tế hướng dẫn các bệnh viện tổ chức tiêm chủng.", "Sở Y tế"),
    ("Đề nghị Sở Y tế theo dõi, đôn đốc các cơ sở báo cáo kết quả.", "Sở Y tế"),
    ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thẩm định hồ sơ.", "Sở Nội vụ"),
])
def test_units_body_asked_to_act_only_leads(text, name):
    assert responsible(text)[name] == {"lead"}


@pytest.mark.parametrize("text, name", [
    ("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hưng Yên và các tổ chức chính trị - xã hội tỉnh phối hợp "
     "tuyên truyền và giám sát việc thực hiện.", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hưng Yên"),
    ("Ủy ban nhân dân tỉnh đề nghị Hội Nông dân tỉnh phối hợp vận động hội viên tham gia.", "Hội Nông dân tỉnh"),
])
def test_units_body_asked_to_help_supports(text, name):
    assert "support" in responsible(text)[name]


@pytest.mark.parametrize("text, name", [
    ("Đề nghị Liên đoàn Lao động tỉnh phối hợp với Sở Nội vụ tổ chức hội nghị.", "Liên đoàn Lao động tỉnh"),
    ("Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo Ban Chỉ huy Quân sự xã phối hợp Trạm Y tế xã tổ chức tiêm phòng.",
     "Ban Chỉ huy Quân sự xã"),
])
def test_units_body_asked_to_work_with_a_named_partner_leads(text, name):
    assert responsible(text)[name] == {"lead"}
