"""Text painted white on the white page is not read: nobody sees it, yet it would land in the body or
take the signer's place (a signature image's leftover text layer). White text on a dark box stays."""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.pdf import invisible_chars, is_white
from pipeline.ingest import parse


def _pdf(content: str) -> bytes:
    """A one-page A4 PDF whose page content stream is ``content`` (Helvetica as /F1)."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _line(x: int, y: int, text: str, grey: float = 0.0) -> str:
    return f"BT /F1 12 Tf {grey} g {x} {y} Td ({text}) Tj ET"


def test_backends_pdf_white_text_on_the_page_is_not_read(tmp_path: Path):
    body = [_line(72, 760 - 16 * k, f"Dieu {k}. Cac don vi lien quan thuc hien ke hoach nay dung thoi han.")
            for k in range(1, 6)]
    body += [_line(340, 600, "GIAM DOC"), _line(340, 540, "Le Thi Hoa"), _line(250, 520, "Tran Mag", grey=1.0)]
    path = tmp_path / "white_fragment.pdf"
    path.write_bytes(_pdf("\n".join(body)))
    text = parse(path).text
    assert "Le Thi Hoa" in text and "GIAM DOC" in text
    assert "Tran Mag" not in text


def test_backends_pdf_white_text_on_a_dark_box_is_read(tmp_path: Path):
    body = [_line(72, 760 - 16 * k, f"Muc {k}. Noi dung thi dua cua cac tap the va ca nhan trong nam.")
            for k in range(1, 6)]
    body += ["0.2 g 60 560 300 30 re f", _line(72, 570, "BANG TONG HOP KET QUA", grey=1.0)]
    path = tmp_path / "white_on_dark.pdf"
    path.write_bytes(_pdf("\n".join(body)))
    assert "BANG TONG HOP KET QUA" in parse(path).text


def _char(text, colour, x0=100.0, top=100.0):
    return {"text": text, "x0": x0, "x1": x0 + 6, "top": top, "bottom": top + 12, "non_stroking_color": colour}


def test_backends_pdf_white_in_every_colour_space():
    assert is_white((1.0,)) and is_white((1, 1, 1)) and is_white((0, 0, 0, 0))
    assert not is_white((0.0,)) and not is_white((0, 0, 0, 1)) and not is_white((1, 0, 0)) and not is_white(None)
    chars = [_char("a", (1.0,)), _char("b", (0.0,)), _char(" ", (1.0,)), _char("c", "P0")]
    assert invisible_chars(chars, []) == {id(chars[0])}
