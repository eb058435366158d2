"""Vietnamese-aware correction of OCR confusions: a pure function of the text.

Tesseract's ``vie`` model often gets the letters of a syllable right but a diacritic wrong
(``nguôn``/``nguồn``, ``chuyên``/``chuyển``, ``quyên``/``quyền``, ``sô``/``số``). Syllables that
differ only by diacritics share a *skeleton* (the letters without marks, ``đ`` -> ``d``); for a
suspicious syllable we choose among the lexicon syllables with the same skeleton by context:

- a syllable that is not a valid Vietnamese syllable is always suspicious;
- a valid syllable is suspicious only if neither of its neighbours forms a known bigram with it
  (so a correct syllable in a known phrase is never touched);
- a Viterbi pass over each run of suspicious syllables picks the candidates that maximise bigram
  support with the neighbours, with a strong bonus for keeping a valid original, and a valid
  original is replaced only when the replacement has real bigram evidence.

Data (``extractors/data``): ``vi_syllables.tsv`` (syllable, count) and ``vi_bigrams.tsv``
(``a b``, count), built by ``python -m extractors.ocr_correction --build`` from a general
Vietnamese word list (underthesea's Viet74K, GPL like this project) and the project's own
lexicons (award names, unit heads, document types, time words, provinces), not from any sample
document, so that no document's names or sentences leak into the model:

    python -m extractors.ocr_correction --build --texts extractors/data/{awards,doc_types,abbreviations,provinces}.csv \
        extractors/data/{unit_heads,time_words,conference_kinds,header_words,movement_triggers}.yaml extractors/data/admin_phrases.txt
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from extractors.lexicon import DATA, read_csv, read_yaml

SYLLABLES_FILE = "vi_syllables.tsv"
BIGRAMS_FILE = "vi_bigrams.tsv"

_WORD = re.compile(r"[^\W\d_]+")
_VI_LETTERS = set("abcdefghijklmnopqrstuvwxyzđ")

KEEP_BONUS = 1.5        # log-space bonus for leaving a valid syllable as it is
MIN_EVIDENCE = 2        # bigram count a replacement of a valid syllable needs on one side
WORD_LIST_WEIGHT = 1    # count a word-list entry adds to its syllables and bigrams (build time)


def skeleton(syllable: str) -> str:
    """Letters without diacritics, lower case, ``đ`` -> ``d``: the key of a confusion set."""
    s = unicodedata.normalize("NFD", syllable.lower().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aeiouy")
_QUALITY = {"\u0302", "\u0306", "\u031b"}


@lru_cache(maxsize=65536)
def canonical(syllable: str) -> str:
    """One spelling per syllable: the tone mark placed by one rule, so that old and new tone
    placement (``hòa``/``hoà``, ``thủy``/``thuỷ``) are the same syllable and never "corrected"."""
    d = unicodedata.normalize("NFD", syllable.lower())
    tone = next((c for c in d if c in _TONES), None)
    if tone is None:
        return unicodedata.normalize("NFC", d)
    base = [c for c in d if c not in _TONES]
    # letters with their quality marks, e.g. ["q", "u", "y\u0302"...]
    letters: list[str] = []
    for c in base:
        if unicodedata.combining(c) and letters:
            letters[-1] += c
        else:
            letters.append(c)
    start = 0
    if len(letters) > 2 and letters[0] == "q" and letters[1] == "u":
        start = 2
    elif len(letters) > 2 and letters[0] == "g" and letters[1] == "i" and letters[2][0] in _VOWELS:
        start = 2
    idx = [i for i in range(start, len(letters)) if letters[i][0] in _VOWELS]
    if not idx:
        return unicodedata.normalize("NFC", d)
    first, last = idx[0], idx[-1]
    cluster = list(range(first, last + 1))
    marked = [i for i in cluster if any(m in letters[i] for m in _QUALITY)]
    if marked:
        pos = marked[-1]
    elif last + 1 < len(letters):
        pos = last                      # closed syllable: tone on the last vowel
    elif len(cluster) >= 2 and "".join(letters[i][0] for i in cluster[-2:]) in ("oa", "oe", "uy"):
        pos = last                      # new-style placement: hoà, khoẻ, thuỷ
    elif len(cluster) == 3:
        pos = cluster[1]
    else:
        pos = first
    letters[pos] = letters[pos] + tone
    return unicodedata.normalize("NFC", "".join(letters))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, int], dict[str, tuple[str, ...]]]:
    counts: dict[str, int] = {}
    with (DATA / SYLLABLES_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            syl, n = line.rstrip("\n").split("\t")
            key = canonical(syl)
            counts[key] = counts.get(key, 0) + int(n)
    groups: dict[str, list[str]] = defaultdict(list)
    for syl in counts:
        groups[skeleton(syl)].append(syl)
    return counts, {k: tuple(v) for k, v in groups.items()}


@lru_cache(maxsize=1)
def _bigrams() -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    with (DATA / BIGRAMS_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            pair, n = line.rstrip("\n").split("\t")
            a, b = pair.split(" ")
            key = (canonical(a), canonical(b))
            out[key] = out.get(key, 0) + int(n)
    return out


def bigram_count(a: str, b: str) -> int:
    """How often the syllables ``a b`` follow each other in the corpus the tables were built from (any case)."""
    return _bigrams().get((canonical(unicodedata.normalize("NFC", a.lower())),
                           canonical(unicodedata.normalize("NFC", b.lower()))), 0)


def is_valid_syllable(token: str) -> bool:
    return canonical(unicodedata.normalize("NFC", token)) in _lexicon()[0]


def _apply_case(template: str, word: str) -> str:
    """``word`` with the letter case of ``template`` (same number of letters, NFC)."""
    if template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _candidates(low: str) -> tuple[str, ...]:
    counts, groups = _lexicon()
    return groups.get(skeleton(low), ())


def _split_token(tok: str) -> str:
    """One letter run with the lost spaces put back (see ``split_glued``)."""
    # lower case then a capitalised word: Vietnamese never changes case inside a word ("CôngMinh")
    for i in range(1, len(tok) - 1):
        if tok[i - 1].islower() and tok[i].isupper() and tok[i + 1].islower():
            return _split_token(tok[:i]) + " " + _split_token(tok[i:])
    # an upper-case abbreviation then a lower-case syllable ("TĐKTtỉnh"); "TTg" stays (g is no syllable)
    k = 0
    while k < len(tok) and tok[k].isupper():
        k += 1
    if 2 <= k < len(tok) - 1 and tok[k:].islower() and is_valid_syllable(tok[k:]):
        return tok[:k] + " " + tok[k:]
    # an all-capital run that is no syllable but two syllables the bigram table pairs ("BANNHÂN")
    if len(tok) >= 5 and tok.isupper() and not is_valid_syllable(tok):
        bi = _bigrams()
        best, best_n = 0, 0
        for j in range(2, len(tok) - 1):
            a, b = tok[:j], tok[j:]
            if is_valid_syllable(a) and is_valid_syllable(b):
                n = bi.get((canonical(a), canonical(b)), 0)
                if n > best_n:
                    best, best_n = j, n
        if best:
            return tok[:best] + " " + tok[best:]
    return tok


def split_glued(text: str) -> str:
    """Insert the space OCR lost between two words, where the case change or the lexicon shows it.

    - ``CôngMinh`` -> ``Công Minh`` (lower case then a capitalised word);
    - ``TĐKTtỉnh`` -> ``TĐKT tỉnh`` (an upper-case abbreviation then a lower-case syllable);
    - ``BANNHÂN`` -> ``BAN NHÂN`` (an all-capital token that is no syllable, split into two
      syllables that the bigram table knows as a pair).
    """
    return _WORD.sub(lambda m: _split_token(m.group()) if len(m.group()) > 3 else m.group(), text)


# -- document codes --------------------------------------------------------------------------------
# A number-and-code token ("228/CĐ-TTg", "44/2022/TT-BTC", "225-KH/TWĐTN"): its parts are abbreviations, not syllables.
# OCR confuses letters in them ("TIg", "T'Tg", "CĐÐ") and, on a wrapped or tilted line, leaves a space after a "." or
# "-" ("44/2022/TT- BTC", "838/CCTKV. XI- NVDTPC"). Both are mended only inside such a token; a letter only where the
# mended part is a known code part and the printed one is not.
_CODES = read_yaml("header_patterns.yaml")
# the letters a code is written in, and the glyphs OCR prints for some of them ("Ð" for "Đ")
_UP = _CODES["code_letters"] + "".join(k for k in _CODES["code_ocr_chars"] if k.isalpha())
_CODE_PART = "[" + _UP + "0-9][" + _UP + _UP.lower() + "0-9']*"
# a space after "-" only before an upper-case part; after "." only where the code goes on after that part
_CODE_SEP = (r"(?:[-/.]|-[ \t]+(?=[" + _UP + r"]{2})|\.[ \t]+(?=[" + _UP + "][" + _UP + r"0-9]*[-/.][ \t]*["
             + _UP + "]))")
# (a space OCR leaves between the number and its slash, "1670 /NQ-UBTVQH15", goes too)
_CODE_TOKEN = re.compile(r"(?<![\w/.-])\d{1,6}(?:/\d{4})?(?:[ \t]?/|-)[" + _UP + "][" + _UP + _UP.lower() + "0-9']*(?:"
                         + _CODE_SEP + _CODE_PART + ")*")
_CODE_SPLIT = re.compile(r"([ \t]*[-/.][ \t]*)")
_DIGITS = str.maketrans(_CODES["code_ocr_digits"])
# a part's trailing number with a glyph OCR read for a digit: the letters before it as few as the part allows
_DIGIT_TAIL = re.compile("([" + _UP + "]{2,}?)([0-9" + "".join(_CODES["code_ocr_digits"]) + "]*[0-9]["
                         + "0-9" + "".join(_CODES["code_ocr_digits"]) + "]*)")
# a code part cut by a space before its lower-case letters ("252/TT r-STC"): a run of consonants alone is no syllable
_CUT_PART = re.compile(r"(?<![\w/.-])(\d{1,6}(?:/\d{4})?[/-](?:" + _CODE_PART + "[-/.])*?[" + _UP + "]+)"
                       r"[ \t]([^\W\d_]{1,2})(?=[-/][" + _UP + r"]|[ \t,.;)]|$)", re.M)


@lru_cache(maxsize=1)
def code_parts() -> frozenset[str]:
    """The known parts of document codes: the abbreviations of document types and of issuing bodies."""
    parts = {r["abbr"] for r in read_csv("doc_types.csv")} | {r["abbr"] for r in read_csv("abbreviations.csv")}
    for row in read_csv("public_bodies.csv"):
        parts.update(re.split(r"[;|]", row["abbreviations"]))
    return frozenset(p for p in parts if p and " " not in p)


def _mend_part(part: str) -> str:
    """One part of a code: an OCR glyph ("Ð" for "Đ") always read as its letter; a letter confusion ("TIg"), or the
    glyph printed beside the letter it stands for ("CĐÐ": one letter read twice), undone only when that gives a
    known part and the part as printed is not one."""
    tail = _DIGIT_TAIL.fullmatch(part)
    if tail:
        part = tail[1] + tail[2].translate(_DIGITS)
    known = code_parts()
    if part in known or part.isdigit():
        return part
    chars, confusions = _CODES["code_ocr_chars"], str.maketrans(_CODES["code_ocr_confusions"])
    twice = part
    for glyph, letter in chars.items():
        twice = twice.replace(letter + glyph, letter).replace(glyph + letter, letter)
    plain = part.translate(str.maketrans(chars))
    for cand in dict.fromkeys((twice, part)):
        for mended in (cand, cand.translate(confusions)):
            mended = mended.translate(str.maketrans(chars))
            if mended in known:
                return mended
    if part != part.upper():
        # a mixed-case part (few are: "TTg", "TTr") with a capital OCR added ("TTEg")
        for i, c in enumerate(part):
            if c.isupper() and (mended := part[:i] + part[i + 1:]) in known and mended != mended.upper():
                return mended
    return plain


def correct_codes(text: str) -> str:
    """Number-and-code tokens with OCR's letter confusions and inner spaces mended; nothing outside them changes."""
    def mend(m: re.Match) -> str:
        pieces = [_mend_part(x) if i % 2 == 0 else x.strip(" \t") for i, x in enumerate(_CODE_SPLIT.split(m.group()))]
        if len(pieces) > 2:
            pieces[0] = _year_number(pieces[0], pieces[1], pieces[2])
        return "".join(pieces)

    def join(m: re.Match) -> str:
        last = re.split(r"[-/.]", m[1])[-1]
        cut = m[2].islower() and not set(skeleton(m[2])) & _VOWELS  # lower-case consonants alone: no syllable
        return m[1] + m[2] if cut and last + m[2] in code_parts() else m.group()
    return _CODE_TOKEN.sub(mend, _CUT_PART.sub(join, _TERM_APART.sub(r"\1\2", text)))


_YEAR_NUMBER = re.compile(r"(\d{1,4})((?:19[89]|20[0-3])\d)")
_TERM_APART = re.compile(r"(?<=[-/])(" + "|".join(_CODES["code_term_parts"]) + r")[ \t](\d{2})(?![\w/])")


def _year_number(number: str, sep: str, part: str) -> str:
    """A number whose slash before the year OCR lost ("742025" before "/QĐ"): its year set apart again, where the
    type is one whose normative documents carry the year and the number is too long to be one of its own."""
    m = _YEAR_NUMBER.fullmatch(number)
    if m and len(number) >= 5 and sep == "/" and part in _CODES["code_year_types"]:
        return m[1] + "/" + m[2]
    return number


_MARK = _CODES["subject_mark_ocr"]
# the subject mark's glyphs as OCR prints them; without its "v" only after a slanted stroke or before its colon
_STROKE, _SLANTED = "[" + re.escape(_MARK["stroke"]) + "]", "[" + re.escape(_MARK["slanted"]) + "]"
_WORD_AHEAD = r"(?=[ \t]*:?[ \t]+[^\W\d_])"
_SUBJECT = re.compile(r"(?m)^([ \t]*)[" + re.escape(_MARK["specks"]) + "]*V(?:" + "|".join((
    _STROKE + "{1,2}[vV]",                              # V⁄v, V%v, V⁄%v
    _STROKE + "?[" + _MARK["letter"] + "][vV]",         # VXv, VIv
    "[" + _MARK["joined"] + "]",                        # VW
    _SLANTED + r"{1,2}(?=[ \t]+[^\W\d_])",              # V⁄% ..., the "v" lost
    _STROKE + r"(?=[ \t]*:)")) + ")" + _WORD_AHEAD)     # V⁄: ...


def correct_subject_mark(text: str) -> str:
    """A Công văn's "V/v" as it is printed where OCR read its italic slash as another glyph or lost its "v"."""
    return _SUBJECT.sub(lambda m: m[1] + _CODES["subject_mark"], text)


def code_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE_TOKEN.finditer(text)]


# a period glued to a word inside a sentence ("Luật Bảo hiểm. y tế", "định mức. sử dụng"): a speck OCR read as one,
# since a sentence after a real period opens with a capital (a list item "a)" may not)
_SPECK_PERIOD = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.(?=[ \t]+[^\W\d_]+(?![\w).]))")


def drop_speck_periods(text: str) -> str:
    """``text`` without the periods OCR read from specks between two words of one sentence."""
    def keep(m: re.Match) -> str:
        nxt = text[m.end():].lstrip(" \t")[:1]
        return m[1] if nxt.islower() else m.group()
    return _SPECK_PERIOD.sub(keep, text)


def correct_text(text: str) -> str:
    """``text`` with diacritic confusions of OCR corrected; everything else is left as it is."""
    if not text:
        return text
    text = correct_subject_mark(correct_codes(drop_speck_periods(split_glued(unicodedata.normalize("NFC", text)))))
    codes = code_spans(text)
    counts, _groups = _lexicon()
    bi = _bigrams()
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return text
    originals = [m.group().lower() for m in tokens]
    lows = [canonical(x) for x in originals]
    # neighbours count only when the gap between two tokens is plain space (not punctuation)
    linked = [False] + [text[tokens[i - 1].end():tokens[i].start()].strip() == "" for i in range(1, len(tokens))]

    def left(i: int) -> str | None:
        return lows[i - 1] if i > 0 and linked[i] else None

    def right(i: int) -> str | None:
        return lows[i + 1] if i + 1 < len(tokens) and linked[i + 1] else None

    suspicious = []
    for i, low in enumerate(lows):
        if len(low) > 7 or not set(skeleton(low)) <= _VI_LETTERS or any(
                a <= tokens[i].start() < b for a, b in codes):
            suspicious.append(False)  # foreign words, abbreviations: not a Vietnamese syllable
            continue
        if low in counts:
            l, r = left(i), right(i)
            supported = (l is not None and bi.get((l, low), 0) > 0) or (r is not None and bi.get((low, r), 0) > 0)
            # a lone word (no linked neighbour) is left alone: no context to judge it by
            suspicious.append(not supported and (l is not None or r is not None))
        else:
            suspicious.append(bool(_candidates(low)))
    out = list(lows)
    i = 0
    while i < len(tokens):
        if not suspicious[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and suspicious[j + 1] and linked[j + 1]:
            j += 1
        _decode(lows, i, j, left(i), right(j), counts, bi, out)
        i = j + 1
    _restore_formulas(text, tokens, out)
    if out == lows:
        return text
    parts, pos = [], 0
    for m, low, new in zip(tokens, lows, out):
        # ``new`` is canonical: only a real change (not a tone-placement variant) is written
        if new != low:
            parts.append(text[pos:m.start()])
            parts.append(_apply_case(m.group(), new))
            pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


FORMULAS_FILE = "admin_phrases.txt"
MIN_FORMULA = 3         # syllables a fixed formula needs before its skeleton alone may restore it


@lru_cache(maxsize=1)
def _formulas() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The fixed formulas of administrative text ("sửa đổi, bổ sung", "thuộc thẩm quyền") by the skeletons of their
    syllables: a run of syllables with those skeletons is the formula whatever tones OCR gave it."""
    out = {}
    for line in (DATA / FORMULAS_FILE).read_text(encoding="utf-8").splitlines():
        words = tuple(canonical(w.lower()) for w in _WORD.findall(line))
        if not line.startswith("#") and len(words) >= MIN_FORMULA:
            out[tuple(skeleton(w) for w in words)] = words
    return out


def _restore_formulas(text: str, tokens: list[re.Match], out: list[str]) -> None:
    """Runs of ``out`` that spell a fixed formula's skeletons, apart only by spaces, commas and dashes, take its tones."""
    formulas = _formulas()
    sizes = sorted({len(k) for k in formulas}, reverse=True)
    skel = [skeleton(w) for w in out]
    joined = [True] + [set(text[tokens[k - 1].end():tokens[k].start()]) <= set(" \t,-") for k in range(1, len(tokens))]
    i = 0
    while i < len(out):
        for n in sizes:
            words = formulas.get(tuple(skel[i:i + n]))
            if words and all(joined[i + 1:i + n]):
                out[i:i + n] = words
                i += n - 1
                break
        i += 1


def _decode(lows: list[str], i: int, j: int, before: str | None, after: str | None,
            counts: dict[str, int], bi: dict[tuple[str, str], int], out: list[str]) -> None:
    """Viterbi over the suspicious run ``lows[i..j]`` with fixed neighbours ``before``/``after``."""
    def trans(a: str | None, b: str | None) -> float:
        if a is None or b is None:
            return 0.0
        return math.log1p(bi.get((a, b), 0))

    def emit(orig: str, cand: str) -> float:
        base = 0.15 * math.log1p(counts.get(cand, 0))
        return base + (KEEP_BONUS if cand == orig and orig in counts else 0.0)

    cands = []
    for k in range(i, j + 1):
        cs = list(_candidates(lows[k]))
        if lows[k] in counts and lows[k] not in cs:
            cs.append(lows[k])
        cands.append(cs or [lows[k]])
    # best[c] = (score, path)
    best = {c: (trans(before, c) + emit(lows[i], c), [c]) for c in cands[0]}
    for k in range(1, len(cands)):
        nxt = {}
        for c in cands[k]:
            e = emit(lows[i + k], c)
            score, path = max(((s + trans(p[-1], c), p) for s, p in best.values()), key=lambda t: t[0])
            nxt[c] = (score + e, path + [c])
        best = nxt
    _score, path = max(((s + trans(p[-1], after), p) for s, p in best.values()), key=lambda t: t[0])
    for k, c in enumerate(path):
        orig = lows[i + k]
        if c == orig:
            continue
        if orig in counts:
            prev = before if k == 0 else path[k - 1]
            nxt_ = after if k == len(path) - 1 else path[k + 1]
            evidence = max(bi.get((prev, c), 0) if prev else 0, bi.get((c, nxt_), 0) if nxt_ else 0)
            if evidence < MIN_EVIDENCE:
                continue
        out[i + k] = c


# -- building the data files ---------------------------------------------------------------------

def build(word_lists: list[Path], texts: list[Path], out_dir: Path = DATA, min_bigram: int = 1) -> None:
    """Write the syllable and bigram tables from word lists (one word a line) and plain texts."""
    syl: Counter[str] = Counter()
    big: Counter[tuple[str, str]] = Counter()

    def ok(s: str) -> bool:
        # one tone mark at most: typos in word lists ("cướì") are not syllables
        tones = sum(c in _TONES for c in unicodedata.normalize("NFD", s))
        return bool(s) and set(skeleton(s)) <= _VI_LETTERS and len(s) <= 7 and tones <= 1

    def feed(seq: list[str], weight: int) -> None:
        for s in seq:
            if ok(s):
                syl[s] += weight
        for a, b in zip(seq, seq[1:]):
            if ok(a) and ok(b):
                big[(a, b)] += weight

    for f in word_lists:
        for line in f.read_text(encoding="utf-8").splitlines():
            words = unicodedata.normalize("NFC", line.strip().lower()).split()
            if words and all(_WORD.fullmatch(w) for w in words):
                # a dictionary word is a collocation for certain: it outweighs a chance pair in running text
                feed(words, WORD_LIST_WEIGHT)
    for f in texts:
        lines = f.read_text(encoding="utf-8").splitlines()
        # comment lines of data files are English prose, not Vietnamese
        text = unicodedata.normalize("NFC", "\n".join(x for x in lines if not x.lstrip().startswith("#"))).lower()
        # bigrams only across plain spaces: punctuation breaks a phrase
        for chunk in re.split(r"[^\w ]+|\d+|_", text):
            feed(chunk.split(), 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / SYLLABLES_FILE).open("w", encoding="utf-8") as fh:
        fh.write("# Vietnamese syllables and counts; built by python -m extractors.ocr_correction --build\n")
        for s, n in sorted(syl.items()):
            fh.write(f"{s}\t{n}\n")
    with (out_dir / BIGRAMS_FILE).open("w", encoding="utf-8") as fh:
        fh.write("# syllable bigrams and counts; built by python -m extractors.ocr_correction --build\n")
        for (a, b), n in sorted(big.items()):
            if n >= min_bigram:
                fh.write(f"{a} {b}\t{n}\n")


if __name__ == "__main__":  # pragma: no cover - data build, run by hand
    import argparse

    ap = argparse.ArgumentParser(description="build the OCR correction data files")
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--words", type=Path, nargs="*", default=[])
    ap.add_argument("--texts", type=Path, nargs="*", default=[])
    a = ap.parse_args()
    if a.build:
        if not a.words:
            import underthesea

            a.words = [Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"]
        build(a.words, a.texts)
