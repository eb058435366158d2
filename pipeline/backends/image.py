"""Images as they arrive from phones and scanners (JPG, PNG, multi-page TIFF): every page through the same
OCR path as a scanned PDF (pipeline/backends/ocr.py), so the records and evidence boxes are the same.

A page's size in PDF points comes from the image's resolution (its dpi, 300 when it does not say), so
evidence boxes are in the same unit as for PDFs.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.base import Backend, TextBuilder, report_progress, source_info
from schemas.document import ParsedDocument
from schemas.errors import CorruptFileError, EmptyFileError, FileTooLargeError, OcrSwitchedOffError

#: resolution assumed for an image that does not state one (a scanner's usual setting)
DEFAULT_DPI = 300
#: pixels per page past which an image is refused before decoding (a decompression bomb)
MAX_PIXELS = 120_000_000


class ImageBackend(Backend):
    suffixes = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
    fmt = "scan"

    def convert(self, path: Path) -> ParsedDocument:
        from PIL import Image, ImageOps, UnidentifiedImageError

        data = path.read_bytes()
        if not data:
            raise EmptyFileError(path)
        if not self.options.ocr:
            raise OcrSwitchedOffError(path, page=1)
        from pipeline.backends.ocr import ocr_image
        import numpy as np

        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            image = Image.open(path)
            frames = getattr(image, "n_frames", 1)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            raise CorruptFileError(path, kind="image", reason=" ".join(str(exc).split())[:160]) from None
        b = TextBuilder()
        words = []
        try:
            for index in range(frames):
                image.seek(index)
                if image.width * image.height > MAX_PIXELS:
                    raise FileTooLargeError(path, what=f"page {index + 1}", size=image.width * image.height,
                                            limit=MAX_PIXELS)
                dpi = round(float((image.info.get("dpi") or (DEFAULT_DPI,))[0])) or DEFAULT_DPI
                if dpi < 72:  # a resolution that is not one (some phones write 1 or 72 by default)
                    dpi = DEFAULT_DPI
                rgb = np.asarray(ImageOps.exif_transpose(image).convert("RGB"))
                page_words: list = []
                report_progress(f"OCR page {index + 1}/{frames}")
                blocks = ocr_image(rgb, lang=self.options.ocr_lang, dpi=dpi, path=path, page=index + 1,
                                   words_out=page_words)
                words += page_words
                b.start_page(index + 1, ocr=True, width=round(rgb.shape[1] * 72 / dpi, 2),
                             height=round(rgb.shape[0] * 72 / dpi, 2))
                for blk in blocks:
                    if blk.kind == "table" and blk.rows:
                        b.add_table(blk.rows)
                    else:
                        b.add_block(blk.text, blk.kind, role=blk.role)
        except (OSError, ValueError) as exc:
            raise CorruptFileError(path, kind="image", reason=" ".join(str(exc).split())[:160]) from None
        finally:
            image.close()
        if not b.blocks:
            raise EmptyFileError(path)
        src = source_info(path, self.fmt, data, pages=frames)
        src.ocr_pages = list(range(1, frames + 1))
        parsed = b.build(src)
        parsed.words = words
        return parsed
