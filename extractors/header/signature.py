"""The signer (authority, position, name, co-signers) and the recipients under "Nơi nhận"."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.header.issuer import canonical_issuer
from extractors.header.layout import NOI_NHAN, SIG_AUTH, ev_list, is_upper_line, position_re
from extractors.header.lexicon import header_words
from extractors.text import is_syllable, toneless, word_alternation
from schemas.record import DocumentHeader, Recipient, Signer

_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_]*$")
# a column of a line laid out in columns: text between tabs or gaps of three spaces or more
_COLUMN = re.compile(r"(?:(?<=\t)|(?<=   )|^)[^\t ](?:[^\t]*?[^\t ])?(?=\t|   |$)")
# a web copy's table cell left on one line ("- Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn An |", the pipes read as
# tabs), its text set off by a space the column rule does not take
_CELL = re.compile(r"[^|\t]+")


@lru_cache(maxsize=1)
def _mark_re() -> re.Pattern:
    """A signature mark in brackets ("(Đã ký)", "( Đã ký)"): where the signature image was, just above or before
    the name."""
    marks = sorted(header_words()["signature_marks"], key=len, reverse=True)
    return re.compile(r"[(\[][ \t]*" + word_alternation(marks, space=r"[ \t]+") + r"[ \t]*[)\]]")


@lru_cache(maxsize=1)
def _position_line_re() -> re.Pattern:
    """A position alone on its line in any case ("KT. THỦ TƯỚNG / Phó Thủ tướng" in web copies)."""
    pos = sorted(set(header_words()["positions"]), key=len, reverse=True)
    return re.compile(r"(?im)^[ \t*]*(?P<pos>" + "|".join(re.escape(p) for p in pos) + r")[ \t*]*$")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(header_words()["surnames"])


def _person_names(line: str) -> list[tuple[int, int]]:
    """Spans of personal names at the end of a signature line ("... Nguyễn Văn An", or several names)."""
    # a closing bracket ends a token: "(Đã ký)Nguyễn Văn An", the mark glued to the name in web copies
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s)]*\)|[^\s)]+", line)]
    run: list[tuple[int, int, str]] = []
    for s, e, t in reversed(toks):
        w = t.strip("*.,;")
        if w and _NAME_TOKEN.match(w) and w[0].isupper() and (len(w) == 1 or w[1:].islower()):
            run.insert(0, (s, e, w))
            continue
        if run:
            break
        if w:
            return []
    if not run or len(run) < 2:
        return []
    # what precedes the run must be upper-case (a position) or nothing: else it is prose; or, on a scan that
    # merged the recipients' column with the signature's ("- TTHU, HĐND huyện, Trần Văn Bình"), a list
    # separator before a name that starts with a family name
    head = line[:run[0][0]].strip(" *\t")
    mark = _mark_re().search(head)
    if head.strip("()[] ") in header_words()["signature_marks"] or (mark and mark.end() == len(head)):
        # "(Đã ký)   Nguyễn Văn An": the mark stands where the signature image was, after the position or alone
        head = head[:mark.start()].strip(" *\t") if mark else ""
    if head in header_words()["name_honorifics"]:
        head = ""  # "Thượng tướng Nguyễn Văn An": a rank before the name, which is the run after it
    if head and not is_upper_line(head):
        if not (head.endswith((",", ";", ".")) and run[0][2] in _surnames() and 2 <= len(run) <= 4):
            return []
        run = run[:4]
    words = [w for _, _, w in run]
    if len(words) <= 4:
        return [_trimmed(line, run[0][0], run[-1][1])]
    names: list[list[tuple[int, int, str]]] = [[]]
    # names set in columns: the wide gaps between them split the line (unless a gap splits a name: OCR spacing)
    for k, tok in enumerate(run):
        if k and tok[0] - run[k - 1][1] >= 2:
            names.append([])
        names[-1].append(tok)
    if len(names) > 1 and all(2 <= len(n) <= 5 for n in names):
        return [_trimmed(line, n[0][0], n[-1][1]) for n in names]
    names = [[]]
    if words[0] not in _surnames():
        return []
    # several names on one line: a new name starts at a family name once the current one has 2+ syllables
    for tok in run:
        if names[-1] and len(names[-1]) >= 2 and tok[2] in _surnames():
            names.append([])
        names[-1].append(tok)
    return [_trimmed(line, n[0][0], n[-1][1]) for n in names if 2 <= len(n) <= 5]


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without emphasis around it or the punctuation after it ("Phạm Minh Chính.", "**Lê Văn An**")."""
    lead = len(line[start:end]) - len(line[start:end].lstrip("*"))
    return start + lead, start + len(line[start:end].rstrip("*.,;"))


def _upper_name(line: str) -> list[tuple[int, int]]:
    """A signer's name printed in capitals on its own line ("NGUYỄN VĂN HÙNG"): three or four syllables from a
    family name, none of them a position word."""
    m = re.fullmatch(r"[ \t*]*(?P<name>[^\W\d_]+(?:[ \t][^\W\d_]+){2,3})[ \t*]*", line)
    if not m or not is_upper_line(m.group("name")) or position_re().search(m.group("name")):
        return []
    words = m.group("name").split()
    if words[0].capitalize() not in _surnames() or not all(is_syllable(w) for w in words):
        return []
    return [(m.start("name"), m.end("name"))]


def _near_position(region: str, at: int, pos_re: re.Pattern) -> bool:
    """At most three lines below a position or authority line: a name in capitals is the signer's only there (an
    annex heading further down, "HỒ SƠ ĐỀ NGHỊ ...", is not)."""
    above = [ln for ln in region[:at].split("\n") if ln.strip(" \t*")][-4:]
    return any(pos_re.search(ln) or SIG_AUTH.search(ln) for ln in above)


def _name_below(region: str, at: int) -> bool:
    """A name in title case on one of the next two lines: the capitals above it are a position the list does not
    know ("PHÓ TRƯỞNG THUẾ TỈNH" / "Nguyễn Văn An"), not the name."""
    below = [ln for ln in region[at:].split("\n") if ln.strip(" \t*")][:2]
    return any(_person_names(ln) for ln in below)


def _name_at(text: str, span: tuple[int, int]) -> str:
    name = " ".join(text[span[0]:span[1]].strip(" *").split())
    name = name.title() if is_upper_line(name) else name
    first, _, rest = name.partition(" ")
    # a family name OCR read with a tone mark lost or changed ("Nguyên Hoàng Anh", "Trân Văn Bình")
    fixed = _surname_by_toneless().get(toneless(first)) if rest and first not in _surnames() else None
    return f"{fixed} {rest}" if fixed else name


@lru_cache(maxsize=1)
def _surname_by_toneless() -> dict[str, str]:
    """Toneless family name -> the one listed family name it can be ("Nguyên" -> "Nguyễn")."""
    by: dict[str, set[str]] = {}
    for sur in _surnames():
        by.setdefault(toneless(sur), set()).add(sur)
    return {k: next(iter(v)) for k, v in by.items() if len(v) == 1}


def read_signer(text: str, h: DocumentHeader, region: tuple[int, int]) -> tuple[int, int] | None:
    """The signature block at ``region`` (layout.signature_region): authority (TM./KT./...), position,
    on_behalf_of and the first signer's name."""
    start, end = region
    region = text[start:end]
    pos_re = position_re()
    first = None
    auths: list[tuple[str, int, int, str]] = []
    positions: list[tuple[str, int, int]] = []
    # one scan each over the region (not per line); "first" is the start of the first line with a match
    firsts: list[int] = []
    for m in pos_re.finditer(region):
        positions.append((m.group("pos"), start + m.start("pos"), start + m.end("pos")))
        firsts.append(m.start())
    for m in _position_line_re().finditer(region):
        if not m.group("pos").isupper():  # upper-case ones were found above
            positions.append((m.group("pos").upper(), start + m.start("pos"), start + m.end("pos")))
            firsts.append(m.start())  # "Bộ trưởng" / "(Đã ký)" / name: a web copy's block in title case
    positions.sort(key=lambda p: p[1])
    for am in SIG_AUTH.finditer(region):
        auths.append((am.group(1) + ".", start + am.start(), start + am.end(), am.group(2)))
        firsts.append(am.start())
    if not firsts:  # no position and no authority, only the mark before the name ("( Đã ký) Lê Văn An")
        firsts = [m.start() for m in _mark_re().finditer(region)][:1]
    if firsts:
        first = region.rfind("\n", 0, min(firsts)) + 1
    if first is None:
        return None
    name_span = None
    names: list[tuple[int, int]] = []
    for lm in re.finditer(r"[^\n]+", region[first:]):
        names = _person_names(lm.group())
        s0 = start + first + lm.start()
        if not names:
            # two columns on one line ("- Lưu: VT, P.TH.        Nguyễn Văn An", or cells between pipes): the name
            # in the right one
            cells = list(_COLUMN.finditer(lm.group())) + list(_CELL.finditer(lm.group()))[1:]
            for cm in reversed(cells):
                names = [(cm.start() + a, cm.start() + b) for a, b in _person_names(cm.group())]
                if names:
                    break
        if not names and _near_position(region, first + lm.start(), pos_re) and not _name_below(
                region, first + lm.end()):
            names = _upper_name(lm.group())
        if names:
            names = [(s0 + a, s0 + b) for a, b in names]
            name_span = names[0]
            break
    if name_span is None:
        return None
    sig = Signer(name=_name_at(text, name_span))
    evs = ev_list(text, *name_span)
    before = [a for a in auths if a[1] < name_span[0]]
    if before:
        sig.authority = before[-1][0]
        tm = [a for a in before if a[0] == "TM."]
        if tm:
            sig.on_behalf_of = canonical_issuer(tm[-1][3])
        for a in before:
            evs += ev_list(text, a[1], a[2])
    pos_before = [p for p in positions if p[2] <= name_span[0]]
    if pos_before:
        # the position right under the authority line (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH -> Phó Chủ tịch)
        after_auth = [p for p in pos_before if not before or p[1] >= before[-1][2]]
        if before and not after_auth:  # "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG" on one line: the second position
            after_auth = [p for p in pos_before if before[-1][1] <= p[1] < before[-1][2]][1:]
        chosen = (after_auth or pos_before)[0] if not before else (after_auth or pos_before)[0]
        sig.position = _position_case(chosen[0])
        evs += ev_list(text, chosen[1], chosen[2])
    sig.evidence = evs
    h.signer = sig
    h.evidence["signer"] = ev_list(text, *name_span)
    h.signers = [sig] + [_co_signer(text, span, i, len(names), positions, auths) for i, span in enumerate(names)
                         if i > 0]
    return name_span


def _column(text: str, pos: int) -> int:
    return pos - text.rfind("\n", 0, pos) - 1


def _co_signer(text: str, span: tuple[int, int], i: int, n: int, positions: list[tuple[str, int, int]],
               auths: list[tuple[str, int, int, str]]) -> Signer:
    """The i-th of n names on one signature line: its position and authority from the lines above it, matched in
    order when a line holds one per signer ("GIÁM ĐỐC  CHỦ TỊCH  GIÁM ĐỐC  CHỦ TỊCH"), else by column."""
    sig = Signer(name=_name_at(text, span), evidence=ev_list(text, *span))

    def pick(items: list, key_end: int) -> tuple | None:
        above = [x for x in items if x[key_end] <= span[0]]
        if not above:
            return None
        lines: dict[int, list] = {}
        for x in above:
            lines.setdefault(text.rfind("\n", 0, x[1]), []).append(x)
        for ls in sorted(lines, reverse=True):  # the nearest line with one item per signer
            if len(lines[ls]) == n:
                return lines[ls][i]
        nearest = lines[max(lines)]
        if len(nearest) < 2:
            return None
        col = _column(text, span[0])
        return min(nearest, key=lambda x: abs(_column(text, x[1]) - col))

    p = pick(positions, 2)
    if p:
        sig.position = _position_case(p[0])
        sig.evidence += ev_list(text, p[1], p[2])
    a = pick(auths, 2)
    if a:
        sig.authority = a[0]
        if a[0] == "TM.":
            sig.on_behalf_of = canonical_issuer(a[3])
        sig.evidence += ev_list(text, a[1], a[2])
    return sig


def _position_case(upper: str) -> str:
    for p in sorted(header_words()["positions"], key=len, reverse=True):
        if p.upper() == upper:
            return p
    return upper.capitalize()


_W = header_words()
# "(để biết)", "(b/c)": a recipient's purpose at the end of its item
_PURPOSE = re.compile(r"[,(\s]*\(?\s*" + _W["purpose_word"] + r"\s+([^)]+?)\)?[\s;,.]*$|\((b/c|t/h|p/h)\)[\s;,.]*$")
_FILE_COPY = re.compile(r"(?i)" + _W["file_copy"] + r"\b")


def read_recipients(text: str, h: DocumentHeader, name_span: tuple[int, int] | None) -> None:
    m = NOI_NHAN.search(text)
    if not m:
        return
    pos = m.end()
    n = len(text)
    # the list runs until the end of its cell (tab), or a line that is neither an item nor part of the signature
    items: list[tuple[int, int]] = []
    stop = n
    line_start = pos
    while line_start < n:
        eol = text.find("\n", line_start)
        eol = n if eol < 0 else eol
        tab = text.find("\t", line_start, eol)
        seg_end = tab if tab >= 0 else eol
        line = text[line_start:seg_end].strip(" *")
        if line_start > pos and not line:
            nxt = eol + 1
            while nxt < n and text[nxt] in "\n \t":
                nxt += 1
            if nxt < n and text[nxt] == "-":
                line_start = nxt
                continue
            stop = line_start
            break
        if line_start > pos and not line.startswith(("-", "+", "•")):
            if name_span and line_start <= name_span[0] < seg_end or is_upper_line(line):
                line_start = eol + 1
                continue
            stop = line_start
            break
        for im in re.finditer(r"(?:^|(?<=[;,.:]))[ \t]*[-+•][ \t]+(?P<item>.+?)(?=[;,.][ \t]*[-+•][ \t]|$)",
                              text[line_start:seg_end]):
            items.append((line_start + im.start("item"), line_start + im.end("item")))
        if tab >= 0:
            stop = tab
            break
        line_start = eol + 1
    purposes = header_words()["recipient_purposes"]
    pos_re = position_re()
    for s, e in items:
        if e > stop:
            e = stop
        raw = text[s:e]
        # cut a signature fragment that shares the line ("- Sở Nội vụ; CHỦ TỊCH")
        for pm in pos_re.finditer(raw):
            if is_upper_line(raw[pm.start():]):
                raw = raw[:pm.start()]
                break
        am = re.search(r"\b(?:TM|KT|TL|TUQ|Q)\.\s", raw)
        if am:
            raw = raw[:am.start()]
        if name_span and s <= name_span[0] < s + len(raw):
            raw = raw[:name_span[0] - s]
        purpose = None
        pm = _PURPOSE.search(raw)
        if pm:
            word = (pm.group(1) or pm.group(2)).strip()
            purpose = _W["purpose_word"] + " " + purposes.get(word, word)
            raw = raw[:pm.start()]
        name = raw.strip(" ;,.:*\t")
        if not name or _FILE_COPY.match(name):
            continue  # "Lưu: VT" is the file copy, not a recipient
        lead = raw.find(name)
        h.recipients.append(Recipient(name=name, purpose=purpose, evidence=ev_list(text, s + lead, s + lead + len(name))))
    if h.recipients:
        h.evidence["recipients"] = [e for r in h.recipients for e in r.evidence]
