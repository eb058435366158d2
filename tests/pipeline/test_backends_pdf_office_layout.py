"""An office-made PDF read back whole: a plan written here (in no evaluation set) is laid out as a Decree 30/2020
document with python-docx (scripts/render_formats.py: the two-column header table, a centred bold title, page
numbers at the top from page 2 on, justified paragraphs with a first-line indent, the "Nơi nhận" | signature
table) and printed to PDF by LibreOffice; every block written must come back as one block."""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from pipeline.backends.pdf import PdfBackend

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")]

ROOT = Path(__file__).resolve().parents[2]

ISSUER = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 58/KH-UBND"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
PLACE = "Quảng Trị, ngày 14 tháng 3 năm 2026"
TITLE = ("TỔ CHỨC HỘI NGHỊ BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN TRONG PHONG TRÀO THI ĐUA XÂY DỰNG NÔNG THÔN MỚI "
         "GIAI ĐOẠN 2021 - 2025 VÀ TRIỂN KHAI NHIỆM VỤ NĂM 2026")
_TASKS = [
    ("Sở Nông nghiệp và Môi trường", "tổng hợp kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
     "theo Quyết định số 263/QĐ-TTg ngày 22 tháng 02 năm 2022 của Thủ tướng Chính phủ, lựa chọn các tập thể, cá nhân "
     "tiêu biểu để biểu dương tại Hội nghị"),
    ("Sở Nội vụ", "thẩm định hồ sơ đề nghị khen thưởng theo Nghị định số 152/2025/NĐ-CP ngày 20 tháng 6 năm 2025 "
     "của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng, trình Chủ tịch Ủy ban nhân dân tỉnh "
     "tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc"),
    ("Sở Tài chính", "bố trí kinh phí tổ chức Hội nghị và kinh phí khen thưởng từ Quỹ Thi đua, khen thưởng của tỉnh "
     "theo Thông tư số 28/2023/TT-BTC ngày 12 tháng 5 năm 2023 của Bộ Tài chính, hướng dẫn các đơn vị thanh quyết "
     "toán kinh phí đúng quy định"),
    ("Báo và Phát thanh, Truyền hình Quảng Trị", "mở chuyên mục tuyên truyền về các điển hình tiên tiến trong phong trào "
     "thi đua, đưa tin về Hội nghị, phản ánh kịp thời những cách làm hay, mô hình hiệu quả ở các xã, phường, đặc khu "
     "theo tinh thần Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị"),
]
BODY = [f"{k + 1}. {who} chủ trì, phối hợp với Ủy ban nhân dân các xã, phường {what}; hoàn thành trước ngày "
        f"{10 + k} tháng {4 + k} năm 2026." for k, (who, what) in enumerate(_TASKS * 4)]
RECIPIENTS = ["Nơi nhận:", "- Ban Thi đua - Khen thưởng Trung ương;",
              "- Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh;",
              "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị;",
              "- Các sở, ban, ngành, đoàn thể cấp tỉnh;", "- Lưu: VT, KGVX."]
SIGNATURE = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Khánh"
ANNEX = ["PHỤ LỤC", "DANH SÁCH CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC BIỂU DƯƠNG"]
BANNER = ("Văn bản này được sao lưu từ Cổng thông tin điện tử của tỉnh để tra cứu; nội dung có giá trị pháp lý là "
          "bản gốc do cơ quan ban hành lưu giữ.")


def _render_module():
    spec = importlib.util.spec_from_file_location("render_formats", ROOT / "scripts" / "render_formats.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _blocks(banner: bool) -> list:
    out = [("paragraph", None, BANNER)] if banner else []
    out += [("header", "issuer", ISSUER), ("header", "motto", MOTTO), ("header", "place_date", PLACE),
            ("paragraph", None, "KẾ HOẠCH"), ("paragraph", None, TITLE)]
    out += [("paragraph", None, x) for x in BODY]
    out += [("recipients", None, "\n".join(RECIPIENTS)), ("signature", None, SIGNATURE)]
    out += [("paragraph", None, x) for x in ANNEX]
    return out


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    mod = _render_module()
    tmp = tmp_path_factory.mktemp("office-pdf")
    docx = [mod.render_docx(_blocks(banner), tmp / f"plan{'_banner' if banner else ''}.docx") for banner in (False, True)]
    mod.soffice_convert(docx, "pdf", tmp / "pdf", tmp / "profile")
    return {banner: PdfBackend().convert(tmp / "pdf" / f"{p.stem}.pdf") for banner, p in zip((False, True), docx)}


@pytest.mark.parametrize("banner", [False, True])
def test_backends_pdf_office_every_written_block_comes_back_whole(parsed, banner):
    doc = parsed[banner]
    texts = [doc.block_text(b) for b in doc.blocks]
    assert len(doc.pages) >= 3  # the body runs over page breaks
    for para in ["KẾ HOẠCH", TITLE, *BODY, *ANNEX]:
        assert para in texts, para
    assert not [t for t in texts if re.fullmatch(r"\d{1,3}", t)]  # no page number among the blocks


@pytest.mark.parametrize("banner", [False, True])
def test_backends_pdf_office_header_and_closing_tables(parsed, banner):
    doc = parsed[banner]
    header = {b.role: doc.block_text(b) for b in doc.blocks if b.kind == "header"}
    assert header == {"issuer": ISSUER, "motto": MOTTO, "place_date": PLACE}
    assert [doc.block_text(b) for b in doc.blocks if b.kind == "recipients"] == ["\n".join(RECIPIENTS)]
    assert [doc.block_text(b) for b in doc.blocks if b.kind == "signature"] == [SIGNATURE]
    if banner:
        assert doc.block_text(doc.blocks[0]) == BANNER
