"""units.py: "X phối hợp với Y ..." as the main clause: X, the subject who acts, leads and Y supports (the guide's
roles; the annotated sets read "Bộ X phối hợp với các địa phương ..." so). "X chủ trì, phối hợp với Y" keeps X lead,
"phối hợp với Y" without a subject gives Y support, "X phối hợp thực hiện" with no partner keeps X support.
Phrases written for these tests, in none of the sets."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.units import extract_units

HA_TINH = DocContext(year=2026, province="Hà Tĩnh", level="tỉnh")


def roles(text: str) -> dict[str, set[str]]:
    return {u.name: set(u.roles) for u in extract_units(text + "\n", HA_TINH)}


@pytest.mark.parametrize("text, lead, support", [
    ("Sở Y tế phối hợp với Sở Tài chính hướng dẫn các xã lập dự toán kinh phí năm 2027.",
     "Sở Y tế", "Sở Tài chính"),
    ("- Công an tỉnh phối hợp chặt chẽ với Bộ Chỉ huy Quân sự tỉnh tổ chức diễn tập phòng cháy.",
     "Công an tỉnh Hà Tĩnh", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
    ("3. Sở Giáo dục và Đào tạo phối hợp cùng Tỉnh đoàn tổ chức Hội thi tin học trẻ trong tháng 5/2026.",
     "Sở Giáo dục và Đào tạo", "Tỉnh đoàn"),
    ("Hằng quý, Sở Nông nghiệp và Môi trường phối hợp với Sở Công Thương kiểm tra các cơ sở sản xuất.",
     "Sở Nông nghiệp và Môi trường", "Sở Công Thương"),
    # the guide's own form stays as it was
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp thẩm định hồ sơ khen thưởng.", "Sở Nội vụ", "Sở Tư pháp"),
])
def test_units_subject_cooperating_with_a_partner_leads(text, lead, support):
    got = roles(text)
    assert "lead" in got.get(lead, set()) and "support" not in got[lead]
    assert got.get(support) == {"support"}


@pytest.mark.parametrize("text, name", [
    ("- Phối hợp với Sở Xây dựng kiểm tra an toàn công trình.", "Sở Xây dựng"),
    ("- Sở Khoa học và Công nghệ phối hợp thực hiện các nội dung có liên quan.", "Sở Khoa học và Công nghệ"),
])
def test_units_cooperating_without_a_subject_or_partner_supports(text, name):
    assert roles(text).get(name) == {"support"}


@pytest.mark.parametrize("text, name", [
    ("b) Bộ Xây dựng phối hợp các bộ, ngành liên quan hướng dẫn các địa phương thực hiện.", "Bộ Xây dựng"),
    ("- Sở Tư pháp phối hợp những cơ quan có liên quan rà soát văn bản quy phạm pháp luật.", "Sở Tư pháp"),
])
def test_units_subject_cooperating_with_a_collective_leads(text, name):
    assert roles(text).get(name) == {"lead"}
