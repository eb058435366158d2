"""The units extractor's collector: one unit per body however the text spells it (a key folding its province, its
level and its collective spellings), with the roles, mentions and evidence of all its mentions."""
from __future__ import annotations

from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.names import (collective_of_provinces, head_of, is_level_collective, level_collective_key, name_key,
                              province_collective_key, province_level_word)
from extractors.unit_layout import place_of
from extractors.unit_words import unit_words
from schemas.record import Unit


class UnitCollector:
    """The units of a document by key, each with its roles, mentions and evidence, in the order first met."""


    def __init__(self, text: str, context: DocContext) -> None:
        self.text = text
        self.context = context
        self.units: dict[str, Unit] = {}
        self.order: list[str] = []
        # (key, start, end) of every evidence span added: scanning a unit's evidence for each new mention was
        # quadratic in its mentions (a long text naming one body thousands of times)
        self.spans: set[tuple[str, int, int]] = set()

    def key(self, name: str) -> str:
        # "Việt Nam" is an optional national qualifier: "Mặt trận Tổ quốc (Việt Nam)", "... dân tộc thiểu số (Việt Nam)"
        # ("UBND các tỉnh: A, B" and "UBND các tỉnh, thành phố" are "Ủy ban nhân dân cấp tỉnh")
        k = " ".join(unit_words()["country"].sub(" ", province_collective_key(name) or name_key(name)).split())
        k = level_collective_key(k)  # "UBND xã, phường" is "Ủy ban nhân dân các xã, phường, đặc khu"
        if k.endswith(unit_words()["central_key"]) and unit_words()["collective_key"] in k:
            k = k[: -len(unit_words()["central_key"])]
        prov = self.context.province
        head = name_key(head_of(name) or "")
        # a city's bodies are "... thành phố Hà Nội", "... Thành phố", "... Hà Nội" (the level word its own)
        levels = tuple(dict.fromkeys((unit_words()["province_word"], province_level_word(prov))))
        if prov:
            pk = " " + name_key(prov)
            if any(k.endswith(f" {lw}{pk}") for lw in levels):
                k = k[: -len(pk)]
            elif k.endswith(pk) and k[: -len(pk)] not in (head, ""):
                k = k[: -len(pk)]
        # "Sở Y tế tỉnh" is the "Sở Y tế" of a province's document; a bare head with its level ("Ủy ban nhân dân
        # tỉnh", "Công an tỉnh") stays apart from the bare head
        for lw in levels:
            if k.endswith(f" {lw}") and k[: -len(lw) - 1] != head:
                k = k[: -len(lw) - 1]
                break
        return k

    def add(self, names: list[str], role: str, start: int, end: int, surface: str) -> None:
        ev = evidence(self.text, start, end)
        for name in names:
            k = self.key(name)
            u = self.units.get(k)
            if u is None:
                u = Unit(name=name, roles=[], head=head_of(name), place=place_of(name), mentions=[], evidence=[])
                self.units[k] = u
                self.order.append(k)
            if renames(u, name, k, role):
                u.name = name
            if role not in u.roles:
                u.roles.append(role)
            if surface not in u.mentions:
                u.mentions.append(surface)
            if (k, ev.start, ev.end) not in self.spans:
                self.spans.add((k, ev.start, ev.end))
                u.evidence.append(ev)

    def _merge_parents(self) -> None:
        """ "Ban Thi đua - Khen thưởng" and "Ban Thi đua - Khen thưởng, Sở Nội vụ" are one body: the mention
        without its parent joins the one with it (an OCR row split often drops the parent)."""
        # only a name with ", " can carry a parent; a prefix test instead of a regex per pair (this ran n² times)
        with_parent = [(o, name_key(self.units[o].name)) for o in self.order if ", " in self.units[o].name]
        if not with_parent:
            return
        parent_heads = unit_words()["parent_heads"]
        for k in list(self.order):
            kk = name_key(self.units[k].name)
            prefixes = tuple(f"{kk} {h} " for h in parent_heads)
            n = len(self.units[k].name)
            parents = [o for o, ko in with_parent if o != k and o in self.units
                       and ko.startswith(prefixes) and self.units[o].name[n:n + 2] == ", "]
            if len(parents) != 1:
                continue
            u, p = self.units[k], self.units[parents[0]]
            p.roles.extend(r for r in u.roles if r not in p.roles)
            p.mentions.extend(m for m in u.mentions if m not in p.mentions)
            p.evidence.extend(e for e in u.evidence if e not in p.evidence)
            self.order.remove(k)
            del self.units[k]

    def result(self) -> list[Unit]:
        self._merge_parents()
        out = []
        for k in self.order:
            u = self.units[k]
            roles = [r for r in ("lead", "support", "director") if r in u.roles] or ["mentioned"]
            out.append(u.model_copy(update={"roles": roles}))
        return out


def renames(u: Unit, name: str, key: str, role: str) -> bool:
    """Whether ``name`` becomes the name of ``u``: the longer spelling ("Cổng Thông tin điện tử tỉnh Đắk Lắk"),
    except for the bodies of one level written in several ways ("Ủy ban nhân dân cấp xã", "UBND xã, phường"):
    there the name a role was first given under; a collective that lists its provinces is a longer spelling
    only where it is given a role (not "UBND các tỉnh: A, B" only mentioned)."""
    if collective_of_provinces(name):
        return len(name) > len(u.name) and (role != "mentioned" or all(r == "mentioned" for r in u.roles))
    if not is_level_collective(key):
        return len(name) > len(u.name)
    return role != "mentioned" and all(r == "mentioned" for r in u.roles)
