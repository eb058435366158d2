"""extractors.names: a ministry's department whose official name runs on in lower case ("Cục Kết cấu hạ tầng
xây dựng") is read whole when public_bodies.csv lists it, not cut where the capitals end ("Cục Kết cấu hạ tầng")."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.lexicon import read_csv
from extractors.units import extract_units


@pytest.mark.parametrize("sentence, name", [
    ("Giao Cục Kết cấu hạ tầng xây dựng chủ trì, phối hợp với các địa phương rà soát hệ thống thoát nước đô thị "
     "trước ngày 15/9/2026.", "Cục Kết cấu hạ tầng xây dựng"),
    ("Cục Kết cấu hạ tầng xây dựng hướng dẫn Sở Xây dựng tỉnh Phú Thọ kiểm tra các công trình cấp nước.",
     "Cục Kết cấu hạ tầng xây dựng"),
    ("Cục Kinh tế - Quản lý đầu tư xây dựng theo dõi giá vật liệu xây dựng tại các tỉnh Nghệ An, Hà Tĩnh.",
     "Cục Kinh tế - Quản lý đầu tư xây dựng"),
    ("Đề nghị Cục Kinh tế - Quản lý đầu tư xây dựng tổng hợp, báo cáo Lãnh đạo Bộ trong quý IV năm 2026.",
     "Cục Kinh tế - Quản lý đầu tư xây dựng"),
    ("Cục Hành chính tư pháp hướng dẫn Sở Tư pháp tỉnh Cao Bằng về đăng ký hộ tịch năm 2026.",
     "Cục Hành chính tư pháp"),
    ("Phối hợp với Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính rà soát các quyết định của tỉnh "
     "Tuyên Quang.", "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"),
    ("Cục Viễn thám quốc gia cung cấp ảnh vệ tinh cho Sở Nông nghiệp và Môi trường thành phố Cần Thơ.",
     "Cục Viễn thám quốc gia"),
    ("Giao Cục Quản lý đất đai chủ trì hướng dẫn chỉnh lý hồ sơ địa chính, hoàn thành trong tháng 3/2027.",
     "Cục Quản lý đất đai"),
    ("Cục Hạ tầng và Thiết bị y tế thẩm định hồ sơ nhập khẩu của các bệnh viện tỉnh An Giang.",
     "Cục Hạ tầng và Thiết bị y tế"),
    ("Đề nghị Cục Cảnh sát quản lý hành chính về trật tự xã hội hướng dẫn Công an tỉnh Sơn La cập nhật dữ liệu "
     "dân cư.", "Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
])
def test_names_reference_departments_lower_case_tail_read_whole(sentence, name):
    assert name in [u.name for u in extract_units(sentence, DocContext())]


def test_names_reference_departments_are_listed_under_their_ministry():
    """The tests above are about the list: the departments they read are rows of it, under a ministry."""
    parents = {r["name"]: r["parent"] for r in read_csv("public_bodies.csv")}
    assert parents["Cục Kết cấu hạ tầng xây dựng"] == parents["Cục Kinh tế - Quản lý đầu tư xây dựng"] == "Bộ Xây dựng"
    assert parents["Cục Hành chính tư pháp"] == "Bộ Tư pháp"
