"""The owner a body's own documents leave bare: "Chánh Văn phòng Ủy ban" is the office of the Ủy ban the
document names in full."""
from __future__ import annotations

from collections import Counter

from extractors.context import DocContext
from extractors.names import canonical_unit
from extractors.names.lexicon import lexicon_words, reference_rows
from extractors.text import name_key
from extractors.unit_words import unit_words


def owned_by_the_body(text: str, mentions, context: DocContext) -> list:
    """Mentions with the owner a body's own documents leave bare filled in: "Chánh Văn phòng Ủy ban" is the
    office of the Ủy ban the document names in full; in "Trưởng Ban Kế toán - Tài chính, Trưởng Ban Công nghệ
    Tập đoàn" both boards belong to the Tập đoàn. The owner is the full name with that head the document
    uses most; without one, the bare words stay unnamed."""
    w = unit_words()
    full: dict[str, Counter] = {}
    for _, _, surf in mentions:
        for name in canonical_unit(surf, context)[:1]:
            for head in w["owner_head"]:  # "Ủy ban Dân tộc và Tôn giáo tỉnh" is an "Ủy ban" too
                if name.startswith(head + " "):
                    full.setdefault(head, Counter())[name] += 1
    if not full and not w["bare_owner_subject"].search(text):
        return list(mentions)
    owner_of = {h: _completed(c.most_common(1)[0][0]) for h, c in full.items()}
    out = {s: (s, e, surf) for s, e, surf in mentions}
    # "Chánh Văn phòng[ Ủy ban]": a bare office after its head's title
    bare = []
    for m in w["bare_sub_body"].finditer(text):
        if m.start("body") in out:
            continue
        owner = m.group("owner")
        body = m.group("body")
        bare.append((m.start("body"), m.end(), body[0].upper() + body[1:], owner))
    # "Trưởng Ban Công nghệ Tập đoàn": the owner after the last board of a list is the owner of its boards
    for s, e, surf in sorted(out.values()):
        a = w["owner_after"].match(text, e)
        if not a or a.group("owner") not in owner_of or not (
                w["sub_body"].match(surf) or any(w["owned_body"].match(n) for n in canonical_unit(surf, context)[:1])):
            continue
        owner = owner_of[a.group("owner")]
        ls = text.rfind("\n", 0, s) + 1
        for s2, e2, surf2 in [v for v in out.values() if ls <= v[0] < s and w["sub_body"].match(v[2])]:
            if not any(h in surf2 for h in w["owner_head"] if h != surf2.split()[0]):
                out[s2] = (s2, e2, f"{surf2} {owner}")
        out[s] = (s, a.end(), f"{surf} {owner}")
        bare = [(bs, be, body, own or a.group("owner")) if ls <= bs < s else (bs, be, body, own)
                for bs, be, body, own in bare]
    _bare_owner_subjects(text, out, owner_of)
    only = next(iter(owner_of.values())) if len(owner_of) == 1 else None
    if only is None and context.issuer and any(context.issuer.startswith(h + " ") for h in w["owner_head"]):
        # several bodies named in full ("Bộ ...", "Cục ...", "Sở ..."): a bare office is the issuer's own
        # ("Chánh Văn phòng, Cục trưởng Cục X, ... chịu trách nhiệm thi hành Thông tư này")
        only = context.issuer
    for bs, be, body, owner in bare:
        if bs in out:
            continue
        if owner in owner_of:
            out[bs] = (bs, be, f"{body} {owner_of[owner]}")
        elif owner is None and only:
            # "Chánh Văn phòng, Trưởng Ban Chất lượng" in the documents of the one body the text names in full:
            # its own office and boards
            out[bs] = (bs, be, f"{body} {only}")
            ls, le = text.rfind("\n", 0, bs) + 1, text.find("\n", bs)
            for s2, e2, surf2 in [v for v in out.values() if bs < v[0] < (le if le >= 0 else len(text))]:
                if w["sub_body"].match(surf2) and only not in surf2 and \
                        w["title_before"].search(text, max(ls, s2 - 30), s2):
                    out[s2] = (s2, e2, f"{surf2} {only}")
    return sorted(out.values())


def _bare_owner_subjects(text: str, out: dict, owner_of: dict) -> None:
    """A bare owner that acts ("Tập đoàn sẽ công bố ...", "Tổng Giám đốc Tập đoàn và Ban Thường vụ Công đoàn phát
    động ...") is the body the document names in full with that head; without one, a head of two words or more
    ("Tập đoàn", "Tổng công ty") stands for it. Not a word the owner word starts ("Bộ đội", "Sở hữu")."""
    w = unit_words()
    for m in w["bare_owner_subject"].finditer(text):
        s, head, nxt = m.start("owner"), m.group("owner"), m.group("next")
        if s in out or (nxt in w["not_verbs"] and not m.group("title")) or \
                f"{head.split()[-1].lower()} {nxt}" in lexicon_words():
            continue
        name = owner_of.get(head) or (head if len(head.split()) >= 2 else None)
        if name:
            out[s] = (s, m.end("owner"), name)


def _completed(name: str) -> str:
    """An owner's name cut short (a page footer broken over a blank line: "Tập đoàn Bưu| chính viễn thông Việt
    Nam") completed from the reference list, when exactly one reference body goes on from it."""
    k = name_key(name) + " "
    hits = {n for n, _ in reference_rows() if name_key(n).startswith(k)}
    return hits.pop() if len(hits) == 1 else name
