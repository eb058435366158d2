"""DOCX headers laid out as tables come out as the seeds' header blocks (issuer, motto, place-and-date).

Files copied unchanged from ``../shared/corpus/real-dev/files``: ``header_table_hungyen_hdtdkt_2021.docx``
is ``01_hungyen-hdtdkt-huong-dan-cum-khoi-thi-dua-2021.docx`` and ``header_table_dhmohn_bien_ban_2024.docx``
is ``05_dhmohn-qlkhdn-bien-ban-binh-xet-thi-dua-2023-2024.docx``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import parse

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.mark.parametrize("name, issuer, place_date", [
    ("header_table_hungyen_hdtdkt_2021.docx",
     ["HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG TỈNH HƯNG YÊN", "Số: /HD - HĐTĐKT", "(Dự thảo)"],
     "Hưng Yên, ngày tháng năm 2021"),
    # parent body above the issuing body, each on its own line; this record has no place-and-date line
    ("header_table_dhmohn_bien_ban_2024.docx", ["TRƯỜNG ĐẠI HỌC MỞ HÀ NỘI", "PHÒNG QLKH&ĐN"], None),
])
def test_backends_docx_header_table_gives_header_blocks(name, issuer, place_date):
    doc = parse(DATA / name)
    header = {b.role: doc.block_text(b) for b in doc.blocks if b.kind == "header"}
    assert header["issuer"].splitlines() == issuer
    assert header["motto"] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert header.get("place_date") == place_date
