"""How the citations found in a text group: a document a basis document's description names is no basis of its own;
a law's title cut short or run on is the law the document names elsewhere; one citation per document and basis group.
"""
from __future__ import annotations

import re

from extractors.lexicon import read_yaml
from extractors.text import word_alternation
from schemas.record import Citation

_WORDS = read_yaml("citation_words.yaml")
_AMENDING_WORDS = " ".join(_WORDS["amending"]["words"])  # "sửa đổi"


def _alternation(words: list[str]) -> str:
    return word_alternation(words, longest_first=True, space=r"[ \t]+")


# "Căn cứ Thông tư số 07/2014/TT-BNV ... hướng dẫn thi hành một số điều của Nghị định số 42/2010/NĐ-CP": the documents
# named in a basis document's description are not themselves the legal basis
_DESCRIBES = re.compile(r"(?i)" + _alternation([w.replace(" ", ",? ") if w.startswith(_AMENDING_WORDS + " ") else w
                                                  for w in _WORDS["describes"]]))


_LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?" + _alternation(_WORDS["list_joiners"]) + r"[ \t]*")



def described_not_basis(text: str, found: list[tuple[int, Citation, str]]) -> None:
    """Clear ``basis`` of the documents a basis document's description names (and the list they head), unless the
    same document was itself cited as basis before."""
    basis_keys: set[str] = set()
    prev: tuple[int, bool] | None = None  # (end of the previous citation in this clause, was it described)
    for st, cit, key in found:
        end = cit.evidence[0].end
        clause = max(text.rfind(";", 0, st), text.rfind("\n", 0, st)) + 1
        if prev is None or prev[0] < clause:
            prev = None
        described = False
        if cit.basis and prev is not None and key not in basis_keys:
            gap = text[prev[0]:st]
            described = bool(_DESCRIBES.search(gap)) or (prev[1] and bool(_LIST_GAP.fullmatch(gap)))
        if described:
            cit.basis = False
        elif cit.basis:
            basis_keys.add(key)
        prev = (end, described)


def title_key(title: str) -> str:
    return "t:" + re.sub(r"[\W_]+", "", title.lower())


def longest_titles(found: list[tuple[int, Citation, str]]) -> list[tuple[int, Citation, str]]:
    """A law's title cut short at a comma in running prose ("Luật Phổ biến" before ", giáo dục pháp luật và ...") is
    the law the document names in full elsewhere: it takes that title and key. A title that runs on into the
    sentence ("Luật Việc làm bảo đảm kịp thời, ...") is the law the document names, at least twice, without the run-on
    words; a title the document also cites with its number ("Luật Ban hành văn bản quy phạm pháp luật số
    64/2025/QH15") is that numbered law."""
    # laws named by title, and numbered laws by theirs (never the "về ..." subject of a numbered document)
    titles = {title_key(c.title): c.title for _, c, k in found
              if c.title and (k.startswith("t:") or (c.number and c.type and c.title.startswith(c.type)))}
    by_title: dict[str, set[str]] = {}
    for _, c, k in found:
        if k.startswith("n:") and c.title:
            by_title.setdefault(title_key(c.title), set()).add(k)
    # a title two numbered laws share (the 2001 and the 2024 law) names neither for sure
    numbered = {t: next(iter(ks)) for t, ks in by_title.items() if len(ks) == 1}
    counts: dict[str, int] = {}  # mentions of each title, with or without its number
    for _, c, _ in found:
        if c.title:
            counts[title_key(c.title)] = counts.get(title_key(c.title), 0) + 1
    out = []
    for start, cit, key in found:
        if key.startswith("t:"):
            title = cit.title or ""
            run_on = [k for k, t in titles.items() if k != key and counts.get(k, 0) >= 2 and title.startswith(t)
                      and title[len(t):len(t) + 1] == " "]
            longer = [k for k, t in titles.items() if k != key and t.startswith(title) and t[len(title):len(title) + 1]
                      == ","]
            if run_on:
                key = max(run_on, key=len)
                cit.title = titles[key]
            elif longer:
                key = min(longer, key=len)
                cit.title = titles[key]
            if key in numbered:
                key = numbered[key]
        out.append((start, cit, key))
    return out


def merge(found: list[tuple[int, Citation, str]]) -> list[Citation]:
    """One citation per document and basis group: a body mention of a basis document is the same citation;
    titles cited with different years (the 2003 and the 2022 law) stay apart."""
    out: list[tuple[Citation, str]] = []
    for _, cit, key in found:
        year = cit.date.value[:4] if cit.date else None
        same = None
        for prev, pkey in out:
            if pkey != key:
                continue
            pyear = prev.date.value[:4] if prev.date else None
            if key.startswith("t:") and year and pyear and year != pyear:
                continue
            # a later mention with a year of its own names another version than an undated basis law ("Luật Thi
            # đua, khen thưởng năm 2022" after "Căn cứ Luật Thi đua khen thưởng"); one without a year refers back
            if key.startswith("t:") and prev.basis != cit.basis and year and year != pyear:
                continue
            same = prev
            break
        if same is None:
            out.append((cit, key))
            continue
        same.evidence.extend(cit.evidence)
        if same.number and cit.number and same.number == same.number.upper() != cit.number \
                and same.number == cit.number.upper():
            same.number = cit.number  # "06/QĐ-TTG" of an upper-case title is "06/QĐ-TTg" in the body
        if same.date is None and cit.date is not None and same.basis == cit.basis:
            same.date = cit.date
        if cit.basis and not same.basis:
            same.basis = True
            if same.number is None and cit.number:
                same.date = cit.date  # a law cited in the body first: its basis mention with the number is it
        same.number = same.number or cit.number  # a law named by title first, with its number later
        same.issuer = same.issuer or cit.issuer
        same.title = same.title or cit.title
    return [c for c, _ in out]
