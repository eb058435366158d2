"""Images as they arrive from phones and scanners (JPG, PNG, multi-page TIFF): every page through the same
OCR path as a scanned PDF (pipeline/backends/ocr.py), so the records and evidence boxes are the same.

A page's size in PDF points comes from the image's resolution (its dpi, 300 when it does not say), so
evidence boxes are in the same unit as for PDFs. The limits of a scanned PDF hold too: the file size
(``max_bytes``), the pixel budget (a larger page is reduced, at a lower dpi; below ``min_ocr_dpi`` it is
not read) and the OCR page cap (``max_ocr_pages``); the pages not read are named in the warnings.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.base import Backend, TextBuilder, report_progress, source_info
from schemas.document import ParsedDocument
from schemas.errors import (BlankDocumentError, CorruptFileError, EmptyFileError, FileTooLargeError,
                            OcrSwitchedOffError)

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
        if len(data) > self.options.max_bytes:
            raise FileTooLargeError(path, what="the image", size=len(data), limit=self.options.max_bytes)
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
        opts = self.options
        not_read: list[str] = []
        if frames > opts.max_ocr_pages:
            first = opts.max_ocr_pages + 1
            not_read.append(f"page{'s' if frames > first else ''} {first}{f'-{frames}' if frames > first else ''} "
                            f"not read: over the OCR cap of {opts.max_ocr_pages} pages (--max-ocr-pages)")
        read: list[int] = []  # the pages OCR'd
        try:
            for index in range(min(frames, opts.max_ocr_pages)):
                image.seek(index)
                if image.width * image.height > MAX_PIXELS:
                    raise FileTooLargeError(path, what=f"page {index + 1}", size=image.width * image.height,
                                            limit=MAX_PIXELS)
                dpi = round(float((image.info.get("dpi") or (DEFAULT_DPI,))[0])) or DEFAULT_DPI
                if dpi < 72:  # a resolution that is not one (some phones write 1 or 72 by default)
                    dpi = DEFAULT_DPI
                page = ImageOps.exif_transpose(image)
                # the pixel budget of a scanned PDF page: a larger image is reduced, its dpi with it
                factor = 1
                while page.width // factor * (page.height // factor) > opts.max_page_pixels:
                    factor += 1
                if round(dpi / factor) < opts.min_ocr_dpi:
                    not_read.append(f"page {index + 1} not read: too large to render within "
                                    f"{opts.max_page_pixels:,} pixels at {opts.min_ocr_dpi} dpi or more")
                    continue
                page = page.convert("RGB")
                if factor > 1:
                    page, dpi = page.reduce(factor), round(dpi / factor)
                rgb = np.asarray(page)
                read.append(index + 1)
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
            if not_read or read:
                raise BlankDocumentError(path, reason="; ".join(not_read + (["OCR read nothing"] if read else [])))
            raise EmptyFileError(path)
        src = source_info(path, self.fmt, data, pages=frames)
        src.ocr_pages = read
        parsed = b.build(src, not_read)
        parsed.words = words
        return parsed
