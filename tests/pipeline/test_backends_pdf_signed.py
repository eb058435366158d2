"""Digitally signed PDFs: widget appearances flattened, stamped text joined, the stamp in its own block.

``tests/data/ingest/signed_widgets_vnpt_qd893_2021.pdf`` is ``../shared/corpus/real-dev/files/
07_vnpt-qd893-2021-thuong-dien-tap-attt.pdf`` unchanged (a VNPT decision signed in eOffice): its number,
date and e-signature stamp exist only in signature-widget appearance streams.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.pdf import blanks_under_glyphs, split_stamp
from pipeline.ingest import parse

SIGNED = Path(__file__).resolve().parents[1] / "data" / "ingest" / "signed_widgets_vnpt_qd893_2021.pdf"


def _blocks(doc, kind):
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def test_backends_pdf_signed_number_and_date_come_from_the_widgets():
    doc = parse(SIGNED)
    header = {b.role: doc.block_text(b) for b in doc.blocks if b.kind == "header"}
    assert header["issuer"].splitlines() == ["TẬP ĐOÀN", "BƯU CHÍNH VIỄN THÔNG", "VIỆT NAM", "Số: 893/QĐ-VNPT-CLG"]
    assert header["place_date"].startswith("Hà Nội, ngày 13 tháng 8 năm")


def test_backends_pdf_signed_stamp_is_its_own_block():
    doc = parse(SIGNED)
    stamp = _blocks(doc, "signature_stamp")
    assert stamp and stamp[0].splitlines()[:3] == [
        "Ký bởi: TẬP ĐOÀN BƯU CHÍNH VIỄN", "THÔNG VIỆT NAM", "Thời gian ký: 13/08/2021 09:17:57"]
    assert _blocks(doc, "signature") == ["KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\nNguyễn Nam Long"]
    assert not any("Ký bởi" in t or "EOF" in t for t in _blocks(doc, "recipients"))


def _char(text, x0, x1, top, bottom):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom}


def test_backends_pdf_blank_under_a_stamped_digit_is_dropped():
    # the page's placeholder blanks (12 pt) under a stamped "15" (10 pt); the real space before "tháng" stays
    chars = [_char(" ", 100, 103, 50, 62), _char("1", 100.5, 105.5, 51, 61), _char(" ", 103, 106, 50, 62),
             _char("5", 105.5, 110.5, 51, 61), _char(" ", 111, 114, 50, 62), _char("t", 114, 117, 50, 62)]
    hidden = blanks_under_glyphs(chars)
    assert hidden == {id(chars[0]), id(chars[2])}


def _word(text, x0, top, size, width=None):
    return {"text": text, "x0": x0, "x1": x0 + (width or len(text) * size * 0.5), "top": top, "bottom": top + size}


def test_backends_pdf_small_print_stamp_is_split_from_the_signature():
    words = [_word("Nơi", 70, 600, 12), _word("nhận:", 92, 600, 12), _word("CHỦ", 360, 600, 13),
             _word("TỊCH", 390, 600, 13),
             _word("Người", 370, 640, 5), _word("ký:", 386, 640, 5), _word("Ủy", 396, 640, 5),
             _word("ban", 404, 640, 5), _word("-Lưu:", 70, 640, 11), _word("VT.", 100, 640, 11),
             _word("Cơ", 370, 646, 5), _word("quan:", 378, 646, 5), _word("Tỉnh", 394, 646, 5),
             _word("Lê", 380, 700, 13), _word("Văn", 400, 700, 13), _word("Nam", 425, 700, 13)]
    kept, stamp = split_stamp(words)
    assert stamp == ["Người ký: Ủy ban", "Cơ quan: Tỉnh"]
    assert [w["text"] for w in kept] == ["Nơi", "nhận:", "CHỦ", "TỊCH", "-Lưu:", "VT.", "Lê", "Văn", "Nam"]


def test_backends_pdf_small_print_without_an_anchor_stays():
    words = [_word("Ghi", 70, 600, 12), _word("chú:", 90, 600, 12), _word("(1)", 70, 620, 6),
             _word("Cơ", 80, 620, 6), _word("quan:", 90, 620, 6), _word("Sở", 110, 620, 6)]
    assert split_stamp(words) == (words, [])
