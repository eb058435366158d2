"""OCR of one scanned PDF page into layout blocks (called per page by the PDF backend).

Steps, each chosen because it measurably lowers the character error rate (see
``benchmarks/ocr_cer.py``):

1. render the page with pypdfium2 at ``options.ocr_dpi`` (300), lowered for an oversized page so
   that no page takes more than ``options.max_page_pixels`` whatever its MediaBox says;
2. drop coloured ink by colour before greyscale: red/magenta stamps and blue handwriting or
   signatures are never the printed text, and they cut through the header and signature area;
3. greyscale, deskew (projection-profile search), binarise (Otsu after background flattening);
4. find ruled tables with OpenCV line detection and erase the rulings (they break line finding);
5. one Tesseract call per page (``image_to_data``: boxes and text in one pass, the model is loaded
   once per page instead of once per line);
6. layout: the two-column zones at the top (issuer | motto) and at the bottom (recipients | signer)
   are split at their gutter and emitted left column first; the body is grouped into paragraphs;
   words inside a detected table grid are assigned to its cells;
7. Vietnamese-aware correction of OCR confusions (``extractors.ocr_correction``).
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from extractors.ocr_correction import correct_text
from pipeline.backends.base import RECIPIENTS, IngestOptions
from schemas.errors import CorruptFileError, OcrUnavailableError


@dataclass
class OcrBlock:
    kind: str                               # a schemas.document.BlockKind
    text: str                               # lines separated by "\n"
    rows: list[list[str]] | None = None     # for kind == "table"
    role: str | None = None                 # "issuer" | "motto" for the two header blocks


# -- availability --------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def ocr_available(lang: str = "vie") -> tuple[bool, str]:
    """Whether Tesseract and the language data for ``lang`` are installed: ``(ok, reason)``."""
    try:
        import pytesseract
    except ImportError:
        return False, "the Python package pytesseract is not installed"
    exe = shutil.which(pytesseract.pytesseract.tesseract_cmd) or shutil.which("tesseract")
    if not exe:
        return False, "the tesseract program was not found (Debian package tesseract-ocr)"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"tesseract does not run: {exc}"
    langs = {x.strip() for x in (out.stdout + "\n" + out.stderr).splitlines()[1:] if x.strip()}
    missing = [x for x in lang.split("+") if x not in langs]
    if missing:
        pkgs = " ".join(f"tesseract-ocr-{m}" for m in missing)
        return False, f"Tesseract language data {'+'.join(missing)!r} is missing (Debian package {pkgs})"
    return True, f"tesseract at {exe} with {lang}"


# -- rendering and preprocessing -----------------------------------------------------------------

def open_pdfium(pdf_path: Path, pdf=None):
    """(document, opened_here): ``pdf`` itself when it is an open pypdfium2 document."""
    import pypdfium2 as pdfium

    if isinstance(pdf, pdfium.PdfDocument):
        return pdf, False
    return pdfium.PdfDocument(str(pdf_path)), True


def fit_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int | None) -> float:
    """``dpi``, or the lower resolution at which a page of this size stays within ``max_pixels``.

    The size is the one pdfium draws (MediaBox/CropBox in points), so neither a huge box nor a
    UserUnit can make one page allocate gigabytes."""
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    if not max_pixels or area * (dpi / 72.0) ** 2 <= max_pixels:
        return float(dpi)
    return 72.0 * (max_pixels / area) ** 0.5


def page_size(pdf_path: Path, page_index: int, pdf=None) -> tuple[float, float]:
    """The page's width and height in points as pdfium draws them."""
    doc, own = open_pdfium(pdf_path, pdf)
    try:
        page = doc[page_index]
        size = page.get_size()
        page.close()
        return size
    finally:
        if own:
            doc.close()


def render_page(pdf_path: Path, page_index: int, dpi: float = 300, pdf=None, *,
                max_pixels: int | None = None, forms: bool = True) -> np.ndarray:
    """The page as an RGB array at ``dpi`` (lowered by :func:`fit_dpi` to ``max_pixels``).
    ``pdf`` may be an open pypdfium2 document."""
    doc, own = open_pdfium(pdf_path, pdf)
    if forms and getattr(doc, "formenv", None) is None:
        # digital-signature boxes ("Cơ quan: ... Giờ ký: ...") are form widgets: draw them too
        try:
            doc.init_forms()
        except Exception:  # pages already loaded by the caller: render without forms
            pass
    try:
        page = doc[page_index]
        dpi = fit_dpi(*page.get_size(), dpi, max_pixels)
        img = page.render(scale=dpi / 72.0, may_draw_forms=forms).to_numpy()
        page.close()
    finally:
        if own:
            doc.close()
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    # pypdfium2 renders BGR(A) by default: keep RGB order for the colour masks below
    return np.ascontiguousarray(img[:, :, 2::-1] if img.shape[2] >= 3 else img)


#: a thumbnail of this many pixels (an A4 page at 25 dpi) decides whether a page is blank: about
#: a millisecond whatever the page size, and text lines still show as ink
BLANK_THUMBNAIL_PIXELS = 60_000
#: a page is blank when fewer thumbnail pixels than this are ink (darker than 200): a two-line page
#: ("- Lưu: VT.") has ~80, a short word ~20; a speck of dust fades out at this size
BLANK_MAX_INK_PIXELS = 12


def is_blank_page(pdf_path: Path, page_index: int, pdf=None) -> bool:
    """True when the page has no ink worth reading: checked on a small thumbnail before OCR, so a
    blank page costs milliseconds instead of a full render and a Tesseract run."""
    thumb = render_page(pdf_path, page_index, 72, pdf, max_pixels=BLANK_THUMBNAIL_PIXELS)
    grey = thumb.min(axis=2)  # darkest channel: coloured ink counts as ink too
    return int((grey < 200).sum()) < BLANK_MAX_INK_PIXELS


def suppress_colour_ink(rgb: np.ndarray) -> np.ndarray:
    """White out strongly coloured pixels (red/magenta stamps, blue pen) before greyscale.

    Printed text is black or grey, i.e. unsaturated; stamps and signatures are saturated. Black
    text printed over a stamp stays, because dark pixels are unsaturated too.
    """
    import cv2

    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[:, :, 0], hsv[:, :, 1].astype(np.int16), hsv[:, :, 2].astype(np.int16)
    red = (h <= 12) | (h >= 140)           # red through magenta (OpenCV hue is 0..179)
    blue = (h >= 95) & (h <= 135)
    mask = ((red | blue) & (s >= 60) & (v >= 70)) | (red & (s >= 110) & (v >= 40))
    out = rgb.copy()
    out[mask] = 255
    return out


def estimate_skew(binary_ink: np.ndarray, max_angle: float = 6.0) -> float:
    """Skew angle in degrees (counter-clockwise positive) by maximising the row-profile variance."""
    import cv2

    h, w = binary_ink.shape
    scale = min(1.0, 1000.0 / max(h, w))
    small = cv2.resize(binary_ink, (max(1, int(w * scale)), max(1, int(h * scale))),
                       interpolation=cv2.INTER_AREA)
    centre = (small.shape[1] / 2, small.shape[0] / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rot = cv2.warpAffine(small, m, (small.shape[1], small.shape[0]), flags=cv2.INTER_NEAREST,
                             borderValue=0)
        prof = rot.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(prof)).sum())

    best = max(np.arange(-max_angle, max_angle + 1e-9, 0.5), key=score)
    best = max(np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1), key=score)
    best = max(np.arange(best - 0.1, best + 0.1 + 1e-9, 0.025), key=score)
    return float(best)


def rotate(img: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = 255 if img.ndim == 2 else (255, 255, 255)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=border)


def binarise(grey: np.ndarray) -> np.ndarray:
    """Otsu after flattening the background (uneven lighting, yellowed paper, show-through)."""
    import cv2

    k = max(15, (min(grey.shape) // 40) | 1)
    background = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    flat = cv2.divide(grey, background, scale=255)
    _, bw = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return bw


@dataclass
class Prepared:
    grey: np.ndarray        # deskewed greyscale, colour ink removed
    binary: np.ndarray      # deskewed black-on-white binary
    angle: float


def preprocess(rgb: np.ndarray) -> Prepared:
    import cv2

    clean = suppress_colour_ink(rgb)
    grey = cv2.cvtColor(clean, cv2.COLOR_RGB2GRAY)
    bw = binarise(grey)
    angle = estimate_skew(255 - bw)
    if abs(angle) >= 0.1:
        grey = rotate(grey, angle)
        bw = binarise(grey)
    return Prepared(grey=grey, binary=bw, angle=angle)


# -- ruled tables --------------------------------------------------------------------------------

@dataclass
class Grid:
    x0: int
    y0: int
    x1: int
    y1: int
    xs: list[int]           # column rulings, left to right
    ys: list[int]           # row rulings, top to bottom
    # (row, boundary) pairs where the column rule between xs[boundary] and its right neighbour
    # column is absent in that row: a merged cell spanning both columns
    open: set[tuple[int, int]] = field(default_factory=set)

    def spans(self, r: int) -> list[tuple[int, int]]:
        """The cells of row ``r`` as (first column, last column) after merging open boundaries."""
        out, start = [], 0
        for c in range(1, len(self.xs) - 1):
            if (r, c) not in self.open:
                out.append((start, c - 1))
                start = c
        out.append((start, len(self.xs) - 2))
        return out


def _line_positions(mask_1d: np.ndarray, min_gap: int) -> list[int]:
    idx = np.flatnonzero(mask_1d)
    if not len(idx):
        return []
    groups, start, prev = [], idx[0], idx[0]
    for i in idx[1:]:
        if i - prev > min_gap:
            groups.append((start + prev) // 2)
            start = i
        prev = i
    groups.append((start + prev) // 2)
    return [int(g) for g in groups]


def _open_boundaries(vert: np.ndarray, xs: list[int], ys: list[int]) -> set[tuple[int, int]]:
    """Inner column boundaries with no vertical rule in a row (a cell merged across columns)."""
    out: set[tuple[int, int]] = set()
    for r in range(len(ys) - 1):
        top, bottom = ys[r] + 4, ys[r + 1] - 4
        if bottom - top < 4:
            continue
        for c in range(1, len(xs) - 1):
            band = vert[top:bottom, max(0, xs[c] - 6):xs[c] + 7] > 0
            if band.any(axis=1).mean() < 0.5:
                out.add((r, c))
    return out


def find_tables(binary: np.ndarray) -> tuple[list[Grid], np.ndarray]:
    """Ruled tables as grids, and the binary image with the rulings erased."""
    import cv2

    ink = (255 - binary)
    h, w = ink.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, w // 25), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(40, h // 40)))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, hk)
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, vk)
    lines = cv2.dilate(horiz | vert, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    grids: list[Grid] = []
    erase = np.zeros_like(ink)
    for i in range(1, n):
        x, y, bw_, bh, _area = stats[i]
        if bw_ < w * 0.3 or bh < h * 0.04:
            continue
        sub_h = horiz[y:y + bh, x:x + bw_] > 0
        ys = _line_positions(sub_h.sum(axis=1) > bw_ * 0.5, 8)
        xs: list[int] = []
        if len(ys) >= 2:
            # columns are the rules that run from the first row rule to the last one (a stray
            # scanner streak joined to the table must not stretch it)
            sub_v = vert[y + ys[0]:y + ys[-1] + 1, x:x + bw_] > 0
            xs = _line_positions(sub_v.sum(axis=0) > (ys[-1] - ys[0]) * 0.6, 8)
        erase[y:y + bh, x:x + bw_] |= lines[y:y + bh, x:x + bw_]
        if len(ys) < 3 or len(xs) < 3:
            continue  # a frame or a lone rule: erased above, not a grid
        gx, gy = [int(x + v) for v in xs], [int(y + v) for v in ys]
        grids.append(Grid(gx[0], gy[0], gx[-1], gy[-1], gx, gy, _open_boundaries(vert, gx, gy)))
    cleaned = binary.copy()
    cleaned[erase > 0] = 255
    return grids, cleaned


# -- Tesseract -----------------------------------------------------------------------------------

@dataclass
class Word:
    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    conf: float
    key: tuple[int, int, int]     # (block, paragraph, line) from Tesseract


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def x0(self) -> int: return min(w.x0 for w in self.words)
    @property
    def x1(self) -> int: return max(w.x1 for w in self.words)
    @property
    def y0(self) -> int: return min(w.y0 for w in self.words)
    @property
    def y1(self) -> int: return max(w.y1 for w in self.words)
    @property
    def text(self) -> str: return " ".join(w.text for w in self.words)


def run_tesseract(image: np.ndarray, lang: str, psm: int = 3, dpi: int = 300) -> list[Word]:
    import pytesseract

    config = f"--psm {psm} --dpi {dpi} -c preserve_interword_spaces=0"
    data = pytesseract.image_to_data(image, lang=lang, config=config, output_type=pytesseract.Output.DICT)
    words = []
    for i, t in enumerate(data["text"]):
        t = (t or "").strip()
        if not t:
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        words.append(Word(t, x, y, x + w, y + h, float(data["conf"][i]),
                          (data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    return words


_PUNCT = set("-–—+.,;:/()\"'“”‘’…*•%!?[]")
_STRAY = set("'`´ˆ¬_„~^")
_DASHES = set("-–—_")


def _is_noise(word: Word, char_h: float) -> bool:
    """Specks and scribbles: symbols that are not ordinary punctuation, read with low confidence,
    and one- or two-letter "words" Tesseract itself does not believe (stray accents, stamp edges)."""
    if any(c.isdigit() or (c.isalpha() and unicodedata.category(c) != "Lm") for c in word.text):
        return word.conf < 10 and len(word.text) <= 2
    if set(word.text) <= _STRAY:
        return True  # a lone tick or stroke: quotes are read attached to their word
    if set(word.text) <= _DASHES and word.x1 - word.x0 < char_h * 0.2:
        return True  # a dot read as a dash: no printed dash is that short ("- Nguyễn Văn A" from a speck)
    return not set(word.text) <= _PUNCT or (word.conf < 30 and len(word.text) > 1)


def group_lines(words: list[Word], char_h: float) -> list[Line]:
    """Tesseract lines, split where a wide horizontal gap separates two columns."""
    by_key: dict[tuple[int, int, int], Line] = {}
    for w in words:
        by_key.setdefault(w.key, Line()).words.append(w)
    out: list[Line] = []
    for line in by_key.values():
        ws = sorted(line.words, key=lambda w: w.x0)
        gaps = [b.x0 - a.x1 for a, b in zip(ws, ws[1:])]
        # a column gap is wide for this font and wide for this line (justified lines stretch spaces)
        limit = max(char_h * 0.9, 3 * statistics.median(gaps)) if gaps else 0
        cur = Line([ws[0]])
        for w in ws[1:]:
            if w.x0 - cur.words[-1].x1 > limit:
                out.append(cur)
                cur = Line([w])
            else:
                cur.words.append(w)
        out.append(cur)
    return out


# -- layout --------------------------------------------------------------------------------------

def _rows(lines: list[Line], char_h: float) -> list[list[Line]]:
    """Lines sharing a vertical band (the segments of one visual row), top to bottom."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: (l.y0 + l.y1) / 2):
        mid = (ln.y0 + ln.y1) / 2
        if rows:
            last = rows[-1]
            lm = statistics.fmean((l.y0 + l.y1) / 2 for l in last)
            if abs(mid - lm) < char_h * 0.6:
                last.append(ln)
                continue
        rows.append([ln])
    return rows


def _free_runs(free: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    runs, i, n = [], 0, len(free)
    while i < n:
        if free[i]:
            j = i
            while j < n and free[j]:
                j += 1
            if j - i >= min_len:
                runs.append((i, j))
            i = j
        i += 1
    return runs


def _two_column_zone(rows: list[list[Line]], width: int, from_top: bool, char_h: float) -> tuple[int, int]:
    """How many rows at the top (or bottom) form a two-column zone, and the gutter's x; (0, 0) if none.

    Rows are added while some vertical strip in the middle of the page stays free of text in all
    of them (the gutter). A centred single line (a title such as the document type) ends the zone
    once a two-column row has been seen, even though it does not cross the gutter.
    """
    order = rows if from_top else rows[::-1]
    lo, hi = int(width * 0.3), int(width * 0.72)
    free = np.zeros(width, dtype=bool)
    free[lo:hi] = True
    min_gap = max(4, int(char_h * 0.25))
    count, seen_two, gutter = 0, False, 0
    for row in order:
        segs = [ln for ln in row if ln.text.strip()]
        if seen_two and len(segs) == 1:
            centre = (segs[0].x0 + segs[0].x1) / 2
            if width * 0.42 <= centre <= width * 0.6:
                break
        trial = free.copy()
        for ln in segs:
            trial[max(0, ln.x0):min(width, ln.x1)] = False
        runs = _free_runs(trial, min_gap)
        if not runs:
            break
        free = trial
        count += 1
        g = (max(runs, key=lambda r: r[1] - r[0])[0] + max(runs, key=lambda r: r[1] - r[0])[1]) // 2
        if any(ln.x1 <= g for ln in segs) and any(ln.x0 >= g for ln in segs):
            seen_two = True
        gutter = g
    if not count or not seen_two:
        return 0, 0
    zone = order[:count]
    left = [ln for row in zone for ln in row if (ln.x0 + ln.x1) / 2 < gutter]
    right = [ln for row in zone for ln in row if (ln.x0 + ln.x1) / 2 >= gutter]
    # a column of list dashes or stray marks is not a column of text
    if min(sum(c.isalnum() for ln in side for c in ln.text) for side in (left, right)) < 8:
        return 0, 0
    return count, gutter


def _closing_zone(rows: list[list[Line]], width: int, char_h: float) -> tuple[int, int, int]:
    """The closing table (recipients | signature) where text follows it on its page (an annex, a portal's footer),
    so that it is not the page's bottom zone: from the row that opens with the recipients' label, the rows the
    header's rule reads as two columns from the top. (first row, row count, gutter); (0, 0, 0) if none."""
    for i, row in enumerate(rows):
        label = RECIPIENTS.match(text := min(row, key=lambda ln: ln.x0).text)
        # the label alone, or before its first item: not a body line that opens with the same words
        if label and (not text[label.end():].strip(" :.;,") or text[label.end():].strip(" :")[:1] in _LIST_MARKS):
            count, gutter = _two_column_zone(rows[i:], width, True, char_h)
            if count:
                return i, count, gutter
    return 0, 0, 0


def _header_below(rows: list[list[Line]], width: int, height: int, char_h: float) -> tuple[int, int, int]:
    """The header (issuer | motto) where other text stands above it with no gap that sets it apart (a portal's
    banner, a fax or registry line across the page): from the first row in the page's upper part at which the
    header's rule finds two columns over more than one row, that row itself being two columns, above any closing
    table (a short last page). The zone may reach as far below the page's upper third as the text above it
    pushed it down. (first row, row count, gutter); (0, 0, 0) if none."""
    for i in range(1, len(rows)):
        # no header below the page's upper third, nor below the closing's recipients
        if _row_y0(rows[i]) > height * 0.4 or RECIPIENTS.match(min(rows[i], key=lambda ln: ln.x0).text):
            break
        count, gutter = _two_column_zone(rows[i:], width, True, char_h)
        if (count > 1 and _is_two_column(rows[i], gutter)
                and statistics.fmean(ln.y1 for ln in rows[i + count - 1]) <= height * 0.4 + _row_y0(rows[i]) - _row_y0(rows[0])):
            return i, count, gutter
    return 0, 0, 0


def _header_end(rows: list[list[Line]], start: int, end: int, gutter: int, char_h: float) -> int:
    """Where the header zone ``rows[start:end]`` ends: below the motto's last line the issuer's column goes on (a
    wrapped code, the "V/v" subject) only at line spacing; a wider gap opens the body ("Kính gửi: ...", a list),
    which no header column holds."""
    last_right = max((i for i in range(start, end) if any(ln.x0 >= gutter for ln in rows[i])), default=end - 1)
    for i in range(last_right + 1, end):
        if _row_y0(rows[i]) - _row_y1(rows[i - 1]) > char_h * 1.5:
            return i
    return end


def _row_y0(row: list[Line]) -> int:
    return min(ln.y0 for ln in row)


def _row_y1(row: list[Line]) -> int:
    return max(ln.y1 for ln in row)


def _is_two_column(row: list[Line], gutter: int) -> bool:
    return any(ln.x1 <= gutter for ln in row) and any(ln.x0 >= gutter for ln in row)


def _mostly_noise(text: str) -> bool:
    """A line of stamp or signature debris ("'", '"m', ") ị : by"): almost no letters or digits.

    A lone list marker ("-", "+") is kept: it belongs to the item beside it.
    """
    t = text.strip()
    if not t or t in _LIST_MARKS:
        return False
    # no token with two letters or digits: nothing a reader could take from the line
    return not any(sum(c.isalnum() for c in w) >= 2 for w in t.split())


def _column_text(lines: list[Line], char_h: float = 0.0, *, items: bool = True) -> str:
    """One column's lines top to bottom, the segments of one visual row left to right (names of
    signers side by side), a list dash joined to the item beside it, debris dropped. A column that
    holds no list (``items=False``: the signature) has no list dash: one there is a speck."""
    if not lines:
        return ""
    ch = char_h or float(statistics.median(l.y1 - l.y0 for l in lines))
    out: list[str] = []
    for row in _rows(lines, ch):
        marker = ""
        for seg in sorted(row, key=lambda l: l.x0):
            text = seg.text.strip()
            if not items and text.split(" ", 1)[0] in _LIST_MARKS:
                text = text.split(" ", 1)[1] if " " in text else ""
            if text in _LIST_MARKS:
                marker = text + " "
                continue
            if text and not _mostly_noise(text):
                out.append(marker + text)
            marker = ""
        if marker:
            out.append(marker.strip())
    return "\n".join(out)


def _split_columns(rows: list[list[Line]], gutter: int) -> tuple[list[Line], list[Line]]:
    lines = [ln for row in rows for ln in row]
    return ([ln for ln in lines if (ln.x0 + ln.x1) / 2 < gutter],
            [ln for ln in lines if (ln.x0 + ln.x1) / 2 >= gutter])


_LIST_MARKS = ("-", "+", "•", "*", "–")


def _paragraphs(rows: list[list[Line]], char_h: float, width: int) -> list[str]:
    """Join wrapped lines into paragraphs: a new one starts after a short line, at an indent,
    after a wide vertical gap, at a list marker, or at a centred line."""
    flat = [Line([w for ln in sorted(row, key=lambda l: l.x0) for w in ln.words]) for row in rows]
    flat = [ln for ln in flat if not _mostly_noise(ln.text)]
    if not flat:
        return []
    left = float(np.percentile([l.x0 for l in flat], 10))
    right = float(np.percentile([l.x1 for l in flat], 90))
    pitches = [b.y0 - a.y0 for a, b in zip(flat, flat[1:]) if 0 < b.y0 - a.y0 < char_h * 4]
    pitch = statistics.median(pitches) if pitches else char_h * 1.6
    paras: list[list[str]] = []
    prev: Line | None = None
    for ln in flat:
        text = ln.text
        new = prev is None
        if prev is not None:
            short_prev = prev.x1 < right - char_h * 3
            indented = ln.x0 > left + char_h * 1.2
            gap = ln.y0 - prev.y0 > pitch * 1.45
            centred = ln.x0 > left + char_h * 3 and ln.x1 < right - char_h * 3
            marker = text[:1] in _LIST_MARKS or (text[:1].isdigit() and text.split(" ")[0].rstrip(".)").isdigit()
                                                 and text.split(" ")[0][-1:] in ".)")
            new = short_prev or indented or gap or centred or marker
            # a centred title wrapped over lines: a line the next one's first word would not have fitted on (in the
            # measure of the body, and of a page that has little body), and the next on its axis
            # (inside both margins, or in capitals: no body line is)
            inset = min(prev.x0, ln.x0) > left + char_h * 0.5 and max(prev.x1, ln.x1) < right - char_h * 0.5
            capitals = all(t.upper() == t and any(c.isalpha() for c in t) for t in (prev.text, text))
            first = ln.words[0].x1 - ln.words[0].x0
            full = prev.x1 - prev.x0 + char_h * 0.3 + first > max(right - left, width * 0.6)
            # at line spacing: the line after a title (the issuing authority's) stands a little further down
            close = (ln.y0 + ln.y1) / 2 - (prev.y0 + prev.y1) / 2 <= pitch * 1.2
            if (new and (inset or capitals) and full and close and not marker
                    and abs((prev.x0 + prev.x1) - (ln.x0 + ln.x1)) / 2 < char_h):
                new = False
        if new:
            paras.append([text])
        else:
            paras[-1].append(text)
        prev = ln
    return [" ".join(p) for p in paras]


def _cell_rows(grid: Grid, words: list[Word]) -> list[list[str]]:
    rows: list[list[list[Word]]] = [[[] for _ in grid.xs[:-1]] for _ in grid.ys[:-1]]
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        ri = next((i for i in range(len(grid.ys) - 1) if grid.ys[i] <= cy < grid.ys[i + 1]), None)
        ci = next((i for i in range(len(grid.xs) - 1) if grid.xs[i] <= cx < grid.xs[i + 1]), None)
        if ri is not None and ci is not None:
            rows[ri][ci].append(w)
    out = []
    for r in rows:
        cells = []
        for ws in r:
            ws.sort(key=lambda w: (w.key, w.x0))
            cells.append(" ".join(w.text for w in ws))
        if any(cells):
            out.append(cells)
    return out


_CELL_PAD = 24       # white margin around a cell in the stacked image (px at 300 dpi)
_CELL_GAP = 48       # white gap between two stacked cells: never read as one line
_CELL_INSET = 5      # px cut inside each rule: its anti-aliased edge is not text


def stack_cells(image: np.ndarray, grid: Grid) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Every non-empty cell of ``grid`` cut out and stacked in one column, apart by a white gap.

    OCR of the whole page reads a table row as one line across its cells, so a wide gap becomes a
    space or nothing ("UBNDtinh") and a lone numeral ("I", "1") in a narrow column is dropped as a
    speck. One cell per block, read top to bottom, is the layout Tesseract reads best; one call per
    table keeps the cost of one page. Returns the stacked image and, per placed cell,
    ``(row, first column, y offset in the stack, height)``.
    """
    crops: list[tuple[int, int, np.ndarray]] = []
    for r in range(len(grid.ys) - 1):
        y0, y1 = grid.ys[r] + _CELL_INSET, grid.ys[r + 1] - _CELL_INSET
        if y1 - y0 < 6:
            continue
        for c0, c1 in grid.spans(r):
            x0, x1 = grid.xs[c0] + _CELL_INSET, grid.xs[c1 + 1] - _CELL_INSET
            if x1 - x0 < 6:
                continue
            crop = image[y0:y1, x0:x1]
            ink = crop < 128
            if ink.sum() < 12:
                continue  # an empty cell: nothing to read
            # trim to the ink (plus a margin) so that the stack stays small
            rows_ = np.flatnonzero(ink.any(axis=1))
            cols_ = np.flatnonzero(ink.any(axis=0))
            crop = crop[rows_[0]:rows_[-1] + 1, cols_[0]:cols_[-1] + 1]
            crops.append((r, c0, crop))
    if not crops:
        return np.full((1, 1), 255, np.uint8), []
    width = max(c.shape[1] for _r, _c, c in crops) + 2 * _CELL_PAD
    height = sum(c.shape[0] for _r, _c, c in crops) + _CELL_GAP * (len(crops) - 1) + 2 * _CELL_PAD
    stack = np.full((height, width), 255, np.uint8)
    placed, y = [], _CELL_PAD
    for r, c0, crop in crops:
        h, w = crop.shape
        stack[y:y + h, _CELL_PAD:_CELL_PAD + w] = crop
        placed.append((r, c0, y, h))
        y += h + _CELL_GAP
    return stack, placed


def cells_from_stack(words: list[Word], placed: list[tuple[int, int, int, int]], grid: Grid) -> list[list[str]]:
    """Words read from the stacked image back into the grid's rows and columns."""
    cells: list[list[list[Word]]] = [[[] for _ in grid.xs[:-1]] for _ in grid.ys[:-1]]
    tops = [p[2] for p in placed]
    for w in words:
        cy = (w.y0 + w.y1) / 2
        k = int(np.searchsorted(tops, cy, side="right")) - 1
        if k < 0:
            continue
        r, c0, top, h = placed[k]
        if cy <= top + h + _CELL_GAP / 2:
            cells[r][c0].append(w)
    out = []
    for r in cells:
        out.append([" ".join(w.text for w in sorted(ws, key=lambda w: (w.key, w.x0))) for ws in r])
    return out


# what Tesseract makes of "I", "II", "III" in a bold serif face, whose serifs touch: "|", "H", "{Í", "II"
_STROKE_READS = set("IÍÌ|l!{}[]H")


def count_stems(ink: np.ndarray) -> int | None:
    """How many upright strokes a word image holds (``ink``: True where dark), or None when it is
    not made of upright strokes only (a crossbar, a diagonal, a curve).

    Measured on three horizontal bands across the letter height: the same number of narrow ink
    runs, at the same places, in all three. "III" gives 3; "H" (crossbar), "V", "X", "U" give None.
    """
    rows = np.flatnonzero(ink.any(axis=1))
    if len(rows) < 8:
        return None
    ink = ink[rows[0]:rows[-1] + 1]
    h = ink.shape[0]
    found: list[list[float]] = []
    for frac in (0.3, 0.5, 0.7):
        line = ink[int(h * frac)]
        runs = _free_runs(line, 1)
        if not runs or any(b - a > h * 0.3 for a, b in runs):
            return None
        found.append([(a + b) / 2 for a, b in runs])
    n = len(found[0])
    if any(len(f) != n for f in found) or not 1 <= n <= 3:
        return None
    if any(abs(a - b) > h * 0.12 for f in found[1:] for a, b in zip(found[0], f)):
        return None
    # an upright stroke is dark all the way down its centre
    for x in found[1]:
        if ink[:, int(x)].mean() < 0.85:
            return None
    return n


def fix_roman_strokes(words: list[Word], image: np.ndarray) -> list[Word]:
    """Words read as strokes or as a wrong count of "I" get the count of upright strokes in the image."""
    for w in words:
        core = w.text.rstrip(".)")
        if not core or len(core) > 4 or not set(core) <= _STROKE_READS:
            continue
        crop = image[max(0, w.y0 - 2):w.y1 + 2, max(0, w.x0 - 2):w.x1 + 2] < 128
        n = count_stems(crop)
        if n:
            w.text = "I" * n + w.text[len(core):]
    return words


# a lone vertical stroke in a numbering cell is the roman numeral I (section rows "I | Quý I")
_STROKES = str.maketrans({"|": "I", "l": "I", "!": "I", "[": "I", "]": "I"})


def _number_cell(text: str) -> str:
    t = text.strip()
    if t and "|" in t and set(t) <= set("|Il![]"):
        return t.translate(_STROKES)
    return text


def _table_rows(cells: list[list[str]], grid: Grid, char_h: float) -> list[list[str]]:
    """Rows with text; the numbering column (narrow first column) cleaned of stroke confusions."""
    narrow = len(grid.xs) > 2 and grid.xs[1] - grid.xs[0] < char_h * 4.5
    rows = []
    for r in cells:
        r = [" ".join(c.split()) for c in r]
        if narrow:
            r[0] = _number_cell(r[0])
        if any(r):
            rows.append(r)
    return rows


def layout_blocks(words: list[Word], width: int, height: int, grids: list[Grid] | None = None,
                  *, correct: bool = True, tables: list[list[list[str]] | None] | None = None,
                  first_page: bool = True) -> list[OcrBlock]:
    """Words with boxes -> blocks in reading order (pure: no OCR, testable on boxes).

    On a ``first_page`` the header is also looked for below other text at the top (see ``_header_below``).

    ``tables`` holds, per grid, its cells already read apart (``cells_from_stack``); a grid without
    them takes the page words inside it.
    """
    grids = grids or []
    tables = tables or [None] * len(grids)
    if not words and not any(tables):
        return []
    # a page that is all table (its words read cell by cell) has no page words: assume 10 pt
    heights = [w.y1 - w.y0 for w in words if w.text.isalpha()] or [w.y1 - w.y0 for w in words] or [height / 100]
    char_h = float(statistics.median(heights)) or height / 100
    words = [w for w in words if not _is_noise(w, char_h)]
    fix = correct_text if correct else (lambda s: s)

    in_grid: dict[int, list[Word]] = {i: [] for i in range(len(grids))}
    free: list[Word] = []
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        gi = next((i for i, g in enumerate(grids) if g.x0 <= cx <= g.x1 and g.y0 <= cy <= g.y1), None)
        (in_grid[gi] if gi is not None else free).append(w)

    rows = _rows(group_lines(free, char_h), char_h)
    top, top_gutter = _two_column_zone(rows, width, True, char_h)
    # the header is only ever at the top of a page, in its upper third
    if top and statistics.fmean(ln.y1 for ln in rows[top - 1]) > height * 0.4:
        top = 0
    # lines above the header, set apart by a gap (a digital-signature box), are not part of it
    pre: list[list[Line]] = []
    if top:
        first_two = next(i for i in range(top) if _is_two_column(rows[i], top_gutter))
        if first_two and _row_y0(rows[first_two]) - _row_y1(rows[first_two - 1]) > char_h * 1.5:
            pre = rows[:first_two]
    elif first_page:
        start, count, top_gutter = _header_below(rows, width, height, char_h)
        pre, top = rows[:start], start + count
    if top and first_page:
        # (a later page's two columns at its top are the closing table going on: its list runs past the signer)
        top = _header_end(rows, len(pre), top, top_gutter, char_h)
    rest = rows[top:]
    bottom, bottom_gutter = _two_column_zone(rest, width, False, char_h) if rest else (0, 0)
    if bottom and statistics.fmean(ln.y0 for ln in rest[len(rest) - bottom]) < height * 0.35:
        bottom = 0
    # the last line of the body's last paragraph can sit in the left half: give it back
    while bottom and len(rest) > bottom:
        row, above = rest[len(rest) - bottom], rest[len(rest) - bottom - 1]
        if _is_two_column(row, bottom_gutter) or _row_y0(row) - _row_y1(above) > char_h * 0.9:
            break
        bottom -= 1
    body = rest[:len(rest) - bottom] if bottom else rest
    tail = rest[len(rest) - bottom:] if bottom else []
    closing_at = float("inf")  # where the closing blocks go among the body's: after it, unless text follows them
    if not bottom:
        start, count, bottom_gutter = _closing_zone(rest, width, char_h)
        if count:
            tail = rest[start:start + count]
            body = rest[:start] + rest[start + count:]
            closing_at = _row_y0(tail[0])

    blocks: list[tuple[float, OcrBlock]] = []
    for p in _paragraphs(pre, char_h, width):
        blocks.append((-3, OcrBlock("paragraph", fix(p))))
    if top:
        left, right = _split_columns(rows[len(pre):top], top_gutter)
        blocks.append((-2, OcrBlock("header", fix(_column_text(left, char_h)), role="issuer")))
        blocks.append((-1, OcrBlock("header", fix(_column_text(right, char_h)), role="motto")))

    # body paragraphs and tables interleaved by their vertical position
    items: list[tuple[float, object]] = [(statistics.fmean(l.y0 for l in r), r) for r in body]
    for gi, g in enumerate(grids):
        items.append((g.y0, g))
    items.append((closing_at, None))
    items.sort(key=lambda t: t[0])
    run: list[list[Line]] = []

    def flush() -> None:
        for p in _paragraphs(run, char_h, width):
            blocks.append((len(blocks), OcrBlock("paragraph", fix(p))))
        run.clear()

    for _y, item in items:
        if item is None:
            flush()
            if tail:
                left, right = _split_columns(tail, bottom_gutter)
                if left:
                    blocks.append((len(blocks), OcrBlock("recipients", fix(_column_text(left, char_h)))))
                if right:
                    blocks.append((len(blocks), OcrBlock("signature", fix(_column_text(right, char_h, items=False)))))
        elif isinstance(item, Grid):
            flush()
            gi = grids.index(item)
            raw = tables[gi] if tables[gi] is not None else _cell_rows(item, in_grid[gi])
            table = [[fix(c) for c in r] for r in _table_rows(raw, item, char_h)]
            if table:
                blocks.append((len(blocks), OcrBlock("table", "\n".join("\t".join(r) for r in table),
                                                     rows=table)))
        else:
            run.append(item)
    flush()
    return [b for _k, b in blocks if b.text.strip()]


# -- entry point ---------------------------------------------------------------------------------

def ocr_page(pdf_path: Path, page_index: int, *, options: IngestOptions, pdf=None,
             words_out: list | None = None) -> list[OcrBlock]:
    """OCR one page of ``pdf_path`` (0-based ``page_index``) into blocks in reading order; ``words_out``, when
    given, receives the page's words with their boxes in PDF points (WordBox)."""
    ok, reason = ocr_available(options.ocr_lang)
    if not ok:
        raise OcrUnavailableError(pdf_path, page=page_index + 1, reason=reason)
    try:
        dpi = fit_dpi(*page_size(Path(pdf_path), page_index, pdf), options.ocr_dpi, options.max_page_pixels)
        rgb = render_page(Path(pdf_path), page_index, dpi, pdf=pdf)
    except MemoryError:
        raise
    except Exception as exc:  # pdfium's own errors: the page cannot be drawn, so it cannot be read
        raise CorruptFileError(pdf_path, kind="PDF", reason=f"page {page_index + 1} cannot be rendered: "
                               f"{' '.join(str(exc).split())[:160]}") from exc
    return ocr_image(rgb, lang=options.ocr_lang, dpi=round(dpi), path=pdf_path, page=page_index + 1,
                     words_out=words_out)


def page_word_boxes(words: list[Word], *, page: int, dpi: int, angle: float, size: tuple[int, int]) -> list:
    """Tesseract's words (pixels of the deskewed image) as WordBox in PDF points of the original page: the
    deskew rotation is undone on the corners, then pixels become points (72 per inch)."""
    from schemas.document import WordBox

    h, w = size
    rad = np.deg2rad(angle)
    cos, sin, cx, cy = np.cos(rad), np.sin(rad), w / 2, h / 2
    scale = 72.0 / dpi
    out = []
    for word in words:
        xs, ys = [], []
        for x, y in ((word.x0, word.y0), (word.x1, word.y0), (word.x0, word.y1), (word.x1, word.y1)):
            # cv2's rotation by +angle (counter-clockwise on screen) undone: rotate by -angle about the centre
            dx, dy = x - cx, y - cy
            xs.append(cx + dx * cos - dy * sin)
            ys.append(cy + dx * sin + dy * cos)
        out.append(WordBox(page=page, text=word.text, x0=round(min(xs) * scale, 2), top=round(min(ys) * scale, 2),
                           x1=round(max(xs) * scale, 2), bottom=round(max(ys) * scale, 2)))
    return out


def ocr_image(rgb: np.ndarray, *, lang: str = "vie", dpi: int = 300, path: Path | str | None = None,
              page: int = 1, correct: bool = True, words_out: list | None = None) -> list[OcrBlock]:
    """OCR an RGB page image (already rendered) into blocks; ``words_out`` receives the page words' boxes
    (see :func:`page_word_boxes`). Words read cell by cell in ruled tables have no page position."""
    import pytesseract

    prep = preprocess(rgb)
    grids, cleaned = find_tables(prep.binary)
    page_img = cleaned
    if grids:
        # tables are read cell by cell below: blank them for the page pass (faster, and their
        # text cannot leak into the paragraphs)
        page_img = cleaned.copy()
        for g in grids:
            page_img[g.y0:g.y1 + 1, g.x0:g.x1 + 1] = 255
    try:
        words = fix_roman_strokes(run_tesseract(page_img, lang, psm=4, dpi=dpi), page_img)
        if page == 1:
            words = _handwritten_slots(words, rgb, prep.angle, lang=lang)
        tables: list[list[list[str]] | None] = []
        for g in grids:
            stack, placed = stack_cells(cleaned, g)
            cell_words = run_tesseract(stack, lang, psm=6, dpi=dpi) if placed else []
            fix_roman_strokes(cell_words, stack)
            # specks go as on the page, but a lone stroke may be a numeral (see _number_cell)
            cell_words = [x for x in cell_words if not _is_noise(x, 0.0) or set(x.text) <= set("|Il![]")]
            tables.append(cells_from_stack(cell_words, placed, g))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
        raise OcrUnavailableError(path, page=page, reason=" ".join(str(exc).split())[:200]) from exc
    h, w = cleaned.shape[:2]
    if words_out is not None:
        words_out.extend(page_word_boxes(words, page=page, dpi=dpi, angle=prep.angle, size=(h, w)))
    return layout_blocks(words, w, h, grids, correct=correct, tables=tables, first_page=page == 1)


def _handwritten_slots(words: list[Word], rgb: np.ndarray, angle: float, *, lang: str) -> list[Word]:
    """The header's handwritten number, day and month read again from the page before the colour
    filter (blue ink is whited out for the page pass): see ``pipeline.backends.handwriting``."""
    from pipeline.backends.handwriting import read_handwritten_slots

    return read_handwritten_slots(words, rotate(rgb, angle) if abs(angle) >= 0.1 else rgb, lang=lang)


def blocks_text(blocks: list[OcrBlock]) -> str:
    """The page text in the project layout (blocks separated by a blank line)."""
    return "\n\n".join(b.text for b in blocks)


__all__ = ["OcrBlock", "ocr_page", "is_blank_page", "fit_dpi", "page_size", "render_page", "ocr_available", "ocr_image", "blocks_text", "preprocess",
           "suppress_colour_ink", "estimate_skew", "rotate", "find_tables", "layout_blocks"]

if os.environ.get("OMP_THREAD_LIMIT") is None:
    # Tesseract's OpenMP threads fight each other when pages run in parallel; one per process is faster
    os.environ["OMP_THREAD_LIMIT"] = "1"
