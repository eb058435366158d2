"""The visit or working session a notice of conclusions records when its title names no meeting word ("... tại
chuyến kiểm tra ...", "... khi đi khảo sát ..."): the opening sentence, opened by its day, reports what the leader
did ("đã đi kiểm tra", "đã đi khảo sát thực tế và làm việc tại", "đã dự và chỉ đạo Hội nghị ..."); its time, its
place ("tại tỉnh X" after the verb, or right after the day) and who took part ("Tham gia Đoàn công tác có ...").
A plan or a report that recalls such a visit in its preamble records no meeting. Every phrase here is written for
these tests; none is taken from an evaluation set."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2026)


def _confs(text: str, ctx: DocContext = CTX) -> list[tuple]:
    return [(c.kind, c.time.value if c.time else None, c.location) for c in extract_conferences(text, ctx)]


NOTICE = """{issuer}
Số: {number}
{city}, ngày 20 tháng 3 năm 2026
THÔNG BÁO
{title}

{opening}

1. Ghi nhận những kết quả đạt được.
2. Yêu cầu các cơ quan liên quan khẩn trương thực hiện.
"""


@pytest.mark.parametrize("title, opening, expected", [
    # an inspection trip, the province after the verb's object
    ("KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI CHUYẾN KIỂM TRA TIẾN ĐỘ DỰ ÁN ĐƯỜNG CAO TỐC TẠI TỈNH LẠNG SƠN",
     "Ngày 05 tháng 3 năm 2026, Phó Thủ tướng Chính phủ đã đi kiểm tra, đôn đốc tiến độ thi công Dự án đường cao "
     "tốc Đồng Đăng - Trà Lĩnh tại tỉnh Lạng Sơn.",
     ("other", "2026-03-05", "Lạng Sơn")),
    # a field survey of a provincial chairman, the date with slashes, the place a city
    ("Ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh khi đi khảo sát các khu tái định cư",
     "Ngày 12/3/2026, Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi đã đi khảo sát thực tế và làm việc tại "
     "thành phố Quảng Ngãi về tiến độ bố trí tái định cư.",
     ("other", "2026-03-12", "Quảng Ngãi")),
    # the place right after the day; a minister's working visit
    ("KẾT LUẬN CỦA BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TRONG CHUYẾN CÔNG TÁC",
     "Sáng ngày 02 tháng 4 năm 2026, tại tỉnh Cà Mau, Bộ trưởng Bộ Nông nghiệp và Môi trường đã đến thăm và "
     "làm việc với các hợp tác xã nuôi tôm.",
     ("other", "2026-04-02", "Cà Mau")),
    # a place whose first syllable reads like the closing "đã" without tone marks
    ("Kết luận của Phó Chủ tịch Ủy ban nhân dân thành phố về kiểm tra công tác phòng chống ngập",
     "Ngày 09 tháng 10 năm 2026, tại thành phố Đà Nẵng, Phó Chủ tịch Ủy ban nhân dân thành phố đã kiểm tra "
     "thực tế các điểm ngập úng.",
     ("other", "2026-10-09", "Đà Nẵng")),
    # "đã dự và chỉ đạo Hội nghị tổng kết ...": the kind the meeting's words name
    ("Kết luận của Bí thư Tỉnh ủy về công tác thi đua, khen thưởng",
     "Ngày 15 tháng 01 năm 2026, đồng chí Bí thư Tỉnh ủy đã dự và chỉ đạo Hội nghị tổng kết công tác thi đua, "
     "khen thưởng năm 2025 của Ủy ban nhân dân tỉnh Bắc Ninh.",
     ("final_review", "2026-01-15", None)),
])
def test_conferences_visit_a_notice_records(title, opening, expected):
    text = NOTICE.format(issuer="VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", number="41/TB-VP", city="Hà Nội", title=title,
                         opening=opening)
    assert _confs(text) == [expected]


def test_conferences_visit_participants():
    text = NOTICE.format(
        issuer="VĂN PHÒNG CHÍNH PHỦ", number="88/TB-VPCP", city="Hà Nội",
        title="KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI CHUYẾN KHẢO SÁT CÁC CẢNG BIỂN",
        opening="Ngày 21 tháng 3 năm 2026, Phó Thủ tướng Chính phủ đã đi khảo sát cảng biển tại tỉnh Quảng Trị. "
                "Tham gia Đoàn công tác có lãnh đạo Bộ Xây dựng; đại diện các bộ, cơ quan: Tài chính, Công "
                "Thương; lãnh đạo Ủy ban nhân dân tỉnh Quảng Trị.")
    (conf,) = extract_conferences(text, CTX)
    assert (conf.kind, conf.time.value, conf.location) == ("other", "2026-03-21", "Quảng Trị")
    assert conf.participants == ["lãnh đạo Bộ Xây dựng", "đại diện các bộ, cơ quan: Tài chính, Công Thương",
                                 "lãnh đạo Ủy ban nhân dân tỉnh Quảng Trị"]


@pytest.mark.parametrize("text", [
    # a plan whose preamble recalls a past inspection: no meeting of its own
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: 77/KH-UBND\nKẾ HOẠCH\nKhắc phục tồn tại sau kiểm tra\n\n"
    "Ngày 10 tháng 02 năm 2026, Đoàn công tác của Bộ Nội vụ đã đi kiểm tra công tác thi đua, khen thưởng tại "
    "tỉnh Hà Tĩnh. Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Khắc phục.\n",
    # a notice whose opening sentence reports a document, not a visit
    "SỞ NỘI VỤ TỈNH AN GIANG\nTHÔNG BÁO\nKết luận của Giám đốc Sở về hồ sơ đề nghị khen thưởng\n\n"
    "Ngày 03 tháng 3 năm 2026, Sở Nội vụ nhận được Tờ trình số 15/TTr-UBND của Ủy ban nhân dân xã.\n\n"
    "1. Đồng ý trình khen thưởng.\n",
    # a notice of a conclusion cited in a plan's title ("Thực hiện Kết luận ...")
    "ỦY BAN NHÂN DÂN TỈNH GIA LAI\nKẾ HOẠCH\nThực hiện Kết luận của Phó Thủ tướng Chính phủ\n\n"
    "Ngày 07 tháng 3 năm 2026, Phó Thủ tướng Chính phủ đã đi kiểm tra tại tỉnh Gia Lai.\n\nI. MỤC ĐÍCH\n",
])
def test_conferences_visit_not_recorded(text):
    assert _confs(text) == []


def test_conferences_visit_place_in_the_verbs_clause():
    # a list of acts: a place after ";" is another act's ("dâng hương tại ..."), not the visit's
    text = NOTICE.format(
        issuer="VĂN PHÒNG CHÍNH PHỦ", number="90/TB-VPCP", city="Hà Nội",
        title="KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TRONG CHUYẾN CÔNG TÁC",
        opening="Ngày 06 tháng 5 năm 2026, Phó Thủ tướng Chính phủ đã dự Lễ khởi công Trường Phổ thông dân tộc nội "
                "trú; dâng hương tại Khu di tích lịch sử Tân Trào; làm việc với lãnh đạo tỉnh Tuyên Quang.")
    assert _confs(text) == [("other", "2026-05-06", None)]
