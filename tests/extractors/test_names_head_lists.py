"""extractors.names: a head given to every item of a colon list, collectives of one level, names whose parts a
text joins differently, names cut at a word the word list lacks. Phrases written for these tests."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.names import canonical_unit, find_unit_mentions, is_level_collective, level_collective_key, name_key
from extractors.units import extract_units

CTX = DocContext(province="Nghệ An", level="tỉnh")


def canon(text: str) -> list[str]:
    return [n for _, _, surf in find_unit_mentions(text) for n in canonical_unit(surf, CTX)]


@pytest.mark.parametrize("text, want", [
    ("Đề nghị các Bộ: Quốc phòng, Ngoại giao, Y tế hỗ trợ tỉnh.",
     ["Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Y tế"]),
    ("Giao các sở: Xây dựng, Công Thương và Tài chính chủ trì thẩm định.",
     ["Sở Xây dựng", "Sở Công Thương", "Sở Tài chính"]),
    ("Các Sở: Giáo dục và Đào tạo, Nông nghiệp và Môi trường hướng dẫn các xã.",
     ["Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường"]),
    # lower-case words inside an item, and the verb of the clause after the last one
    ("Đề nghị các Tập đoàn: Dầu khí Việt Nam, Bưu chính viễn thông Việt Nam phối hợp triển khai thực hiện.",
     ["Tập đoàn Dầu khí Việt Nam", "Tập đoàn Bưu chính Viễn thông Việt Nam"]),
    # several heads: each item takes the one the reference list knows with it; the code in parentheses is skipped
    ("đại diện các Tập đoàn, Tổng công ty: Hóa chất Việt Nam (VINACHEM), Đường sắt Việt Nam (VNR) dự họp",
     ["Tập đoàn Hóa chất Việt Nam", "Tổng công ty Đường sắt Việt Nam"]),
    # an item with more lower-case words than a list item holds, completed from the reference list
    ("các Tổng công ty: Đầu tư phát triển đường cao tốc Việt Nam, Quản lý bay Việt Nam tham gia",
     ["Tổng công ty Đầu tư phát triển đường cao tốc Việt Nam", "Tổng công ty Quản lý bay Việt Nam"]),
    ("Các Hội: Nông dân, Cựu chiến binh tỉnh tuyên truyền tới hội viên.",
     ["Hội Nông dân", "Hội Cựu chiến binh tỉnh Nghệ An"]),
])
def test_names_head_lists_distribute_the_head(text, want):
    assert canon(text) == want


@pytest.mark.parametrize("text", [
    "Đối với các Bộ: đề nghị quan tâm hỗ trợ.",  # no capitalised item after the colon
    "các sở, ban, ngành: chủ động triển khai",  # a collective, not a list of one head
])
def test_names_head_lists_need_named_items(text):
    assert not [n for n in canon(text) if n.startswith(("Bộ ", "Sở "))]


def test_names_head_lists_give_roles_to_every_item():
    text = "Đề nghị các Bộ: Tài chính, Công an, Tư pháp phối hợp hướng dẫn tỉnh trong quá trình triển khai.\n"
    units = {u.name: u.roles for u in extract_units(text, CTX)}
    assert {"Bộ Tài chính", "Bộ Công an", "Bộ Tư pháp"} <= set(units)
    assert all("mentioned" not in units[n] for n in ("Bộ Tài chính", "Bộ Công an", "Bộ Tư pháp"))


@pytest.mark.parametrize("text, want", [
    ("UBND các phường, xã, đặc khu tổ chức thực hiện", "Ủy ban nhân dân các phường, xã, đặc khu"),
    ("Công an đặc khu Vân Đồn phối hợp", "Công an đặc khu Vân Đồn"),
    ("Hội Liên hiệp Phụ nữ các xã, phường, đặc khu vận động", "Hội Liên hiệp Phụ nữ các xã, phường, đặc khu"),
])
def test_names_special_zone_is_a_commune_level_place(text, want):
    assert canon(text) == [want]


@pytest.mark.parametrize("a, b", [
    ("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân xã, phường, thị trấn"),
    ("Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn", "Ủy ban nhân dân các xã"),
    ("Công an các huyện, thị xã, thành phố", "Công an cấp huyện"),
])
def test_names_level_collectives_share_a_key(a, b):
    ka, kb = (level_collective_key(name_key(x)) for x in (a, b))
    assert ka == kb and is_level_collective(ka)


@pytest.mark.parametrize("name", [
    "Ủy ban nhân dân xã Tân Phú", "Bảo hiểm xã hội tỉnh", "Ủy ban nhân dân thành phố Đà Nẵng",
    "Ủy ban nhân dân các tỉnh, thành phố", "Sở Lao động - Thương binh và Xã hội",
])
def test_names_level_collectives_leave_single_places(name):
    assert not is_level_collective(level_collective_key(name_key(name)))


def test_names_level_collective_keeps_the_name_its_role_came_with():
    text = ("1. Ủy ban nhân dân cấp xã chủ trì rà soát danh sách hộ nghèo.\n"
            "2. UBND xã, phường, thị trấn báo cáo kết quả về Sở Nội vụ.\n")
    names = [u.name for u in extract_units(text, CTX) if "xã" in u.name]
    assert names == ["Ủy ban nhân dân cấp xã"]


@pytest.mark.parametrize("text, want", [
    # the parts of a reference name joined by spaces, a dash, or without "và"
    ("Sở Văn hoá Thể thao du lịch tỉnh Hà Tĩnh chủ trì", "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh"),
    ("Sở Văn hóa Thể thao và Du lịch hướng dẫn", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Tài nguyên Môi trường tổng hợp", "Sở Tài nguyên và Môi trường"),
    ("Bộ Khoa học Công nghệ hướng dẫn", "Bộ Khoa học và Công nghệ"),
    ("Liên hiệp các hội khoa học và kỹ thuật tỉnh phối hợp", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Nghệ An"),
    ("Ban Quản lý các khu chế xuất và công nghiệp thành phố Hải Phòng",
     "Ban Quản lý các khu chế xuất và công nghiệp thành phố Hải Phòng"),
])
def test_names_reference_names_read_in_other_spellings(text, want):
    assert canon(text)[0] == want


@pytest.mark.parametrize("text, want", [
    # a spelling that prints its own separators is kept as printed
    ("Phòng Văn hóa - Thông tin huyện tuyên truyền", "Phòng Văn hóa - Thông tin huyện"),
    ("Sở Văn hóa - Thể thao - Du lịch hướng dẫn", "Sở Văn hóa - Thể thao - Du lịch"),
])
def test_names_reference_names_keep_a_printed_spelling(text, want):
    assert canon(text)[0] == want


@pytest.mark.parametrize("text, want", [
    # a first part ending in a word the word list lacks, then "và" and a capitalised part
    ("giao Chi cục Biển đảo và Thủy sản tỉnh thực hiện", "Chi cục Biển đảo và Thủy sản tỉnh Nghệ An"),
    ("Phòng Quản lý khoa học và Hợp tác quốc tế tổng hợp", "Phòng Quản lý khoa học và Hợp tác quốc tế"),
])
def test_names_first_part_runs_on_to_its_conjunction(text, want):
    assert canon(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("Sở Công Thương chủ trì và Sở Y tế phối hợp", ["Sở Công Thương", "Sở Y tế"]),
    ("Giao UBND các quận, huyện và Trưởng các phòng thực hiện", ["Ủy ban nhân dân các quận, huyện"]),
])
def test_names_do_not_run_into_the_next_clause(text, want):
    assert canon(text) == want


@pytest.mark.parametrize("text, want", [
    # a branch named before its bank or company; inside a name "chi nhánh" keeps its lower case
    ("Chi nhánh Ngân hàng Chính sách xã hội tỉnh giải ngân", ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh Nghệ An"]),
    ("Chi nhánh Công ty Cổ phần Cấp nước Diễn Châu thực hiện", ["Chi nhánh Công ty Cổ phần Cấp nước Diễn Châu"]),
    ("Ngân hàng Nhà nước chi nhánh tỉnh Quảng Trị theo dõi", ["Ngân hàng Nhà nước chi nhánh tỉnh Quảng Trị"]),
])
def test_names_branch_before_its_body(text, want):
    assert canon(text) == want


def test_names_branch_keeps_a_list_of_supporting_bodies_whole():
    text = ("- Đơn vị phối hợp: Kho bạc Nhà nước tỉnh, Chi nhánh Ngân hàng Phát triển tỉnh, Trung tâm Xúc tiến "
            "đầu tư tỉnh và các cơ quan có liên quan.\n")
    got = {u.name for u in extract_units(text, CTX)}
    assert any(n.startswith("Chi nhánh Ngân hàng Phát triển") for n in got), got


@pytest.mark.parametrize("text, want", [
    # an item that prints its head itself is not given it twice
    ("Các Cục: Hải quan, Cục Thuế tỉnh; - Lưu: VT.", ["Cục Hải quan", "Cục Thuế tỉnh Nghệ An"]),
    # an item may end in lower-case words where the list goes on after them
    ("các Cục: Quản lý thị trường, Thống kê phối hợp kiểm tra", ["Cục Quản lý thị trường", "Cục Thống kê"]),
])
def test_names_head_lists_item_boundaries(text, want):
    assert canon(text) == want


@pytest.mark.parametrize("text, want", [
    # the start of a longer head, cut by a break the text layer could not join, names nothing
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp\n\nPhụ nữ tỉnh phối hợp", 1),
    ("Bộ Chỉ huy\n\nQuân sự tỉnh tham mưu", 0),
])
def test_names_cut_heads_name_nothing(text, want):
    got = [n for _, _, surf in find_unit_mentions(text) for n in canonical_unit(surf, CTX)]
    assert len(got) == want and not any(n.endswith(("Liên hiệp", "Chỉ huy")) for n in got)


@pytest.mark.parametrize("text, want", [
    ("Hội đồng Thi đua nhà trường họp xét", "Hội đồng Thi đua"),  # a part before a dash is a short name
    ("Đoàn Thanh niên xã tổ chức", "Đoàn Thanh niên xã"),
])
def test_names_short_heads_stay(text, want):
    assert canon(text) == [want]


@pytest.mark.parametrize("text, want", [
    # the list and its items run on over a wrapped line
    ("Giao các Sở: Tư pháp, Nội vụ và\nTài chính thẩm định hồ sơ đề nghị khen thưởng.",
     ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]),
    ("- Đề nghị các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam, Hàng\nhải và Đường thủy Việt Nam chỉ đạo đơn vị.",
     ["Cục Đường bộ Việt Nam", "Cục Đường sắt Việt Nam", "Cục Hàng hải và Đường thủy Việt Nam"]),
    ("Đề nghị các Tập đoàn,\nTổng công ty: Điện lực Việt Nam, Dầu khí Việt Nam bảo đảm nguồn điện.",
     ["Tập đoàn Điện lực Việt Nam", "Tập đoàn Dầu khí Việt Nam"]),
    ("Các Vụ: Pháp chế, Tổ chức cán bộ có trách nhiệm theo dõi.", ["Vụ Pháp chế", "Vụ Tổ chức cán bộ"]),
    ("Giao các Phòng: Kinh tế, Văn hóa - Xã hội kiểm tra.", ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]),
    # heads of schools and hospitals; a school's kind holds lower-case syllables of its own
    ("Giao các Trường: Trung học cơ sở Nguyễn Du, Tiểu học\nLê Lợi báo cáo kết quả.",
     ["Trường Trung học cơ sở Nguyễn Du", "Trường Tiểu học Lê Lợi"]),
    ("Giao các Bệnh viện: Đa khoa tỉnh, Nhi tỉnh bố trí lực lượng trực cấp cứu.",
     ["Bệnh viện Đa khoa tỉnh Nghệ An", "Bệnh viện Nhi tỉnh Nghệ An"]),
])
def test_names_head_lists_every_head_and_wrapped_lines(text, want):
    assert canon(text) == want


def test_names_head_lists_stop_at_a_blank_line():
    assert canon("Đề nghị các Sở: Nội vụ, Tài chính,\n\nGiám đốc Công an tỉnh chỉ đạo.")[:2] == ["Sở Nội vụ", "Sở Tài chính"]
    assert "Sở Giám đốc Công an tỉnh" not in " ".join(canon("Đề nghị các Sở: Nội vụ, Tài chính,\n\nGiám đốc Công an tỉnh."))
