"""The reference list of public bodies (public_bodies.csv): columns, unique names, known kinds,
sourced rows, valid dates, parents in the list, and abbreviations that cannot be mistaken for words."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from extractors.lexicon import DATA, read_csv

COLUMNS = {"name", "abbreviations", "kind", "level", "parent", "valid_from", "valid_to", "aliases", "source"}
KINDS = {"government", "legislature", "state_body", "court", "procuracy", "ministry", "ministry_level_agency",
         "government_agency", "ministry_department", "local_government", "provincial_department",
         "provincial_body", "district_body", "commune_body", "party", "front", "union", "youth", "women",
         "farmers", "veterans", "mass_organisation", "emulation_body", "state_group", "state_group_member",
         "university", "school"}
LEVELS = {"central", "provincial", "regional", "district", "commune", "enterprise", "any"}
# Vietnamese phonotactics (tone and vowel marks stripped): onset, 1-3 vowels, coda.
# A lone "y" takes no final consonant ("ty" is a word, "byt" is the code of Bộ Y tế).
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                       r"(?:[aeiouy]{1,3}(?<!^y)(?<![^aeiou]y)(ng|nh|ch|[cmnpt])|[aeiouy]{1,3})")


def _rows():
    return read_csv("public_bodies.csv")


def _split(cell: str) -> list[str]:
    return [x for x in cell.split("|") if x]


def _syllables() -> set[str]:
    with (DATA / "vi_syllables.tsv").open(encoding="utf-8") as fh:
        return {line.split("\t")[0] for line in fh if not line.startswith("#")}


def _spells_a_word(token: str, syllables: set[str]) -> bool:
    low = token.lower()
    bare = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    bare = bare.replace("\u0111", "đ")  # NFD keeps đ; be explicit that it is an onset letter
    return low in syllables and _SYLLABLE.fullmatch(bare) is not None


def _on(row: dict[str, str], day: str) -> bool:
    return (not row["valid_from"] or row["valid_from"] <= day) and (not row["valid_to"] or day <= row["valid_to"])


def test_data_integrity_public_bodies_columns_and_unique_nfc_names():
    rows = _rows()
    assert len(rows) >= 150 and set(rows[0]) == COLUMNS
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    for r in rows:
        assert all(unicodedata.normalize("NFC", v) == v and v == v.strip() for v in r.values()), r
        assert r["name"][0].isupper(), r


def test_data_integrity_public_bodies_known_kinds_and_levels():
    for r in _rows():
        assert r["kind"] in KINDS, r
        assert r["level"] in LEVELS, r


def test_data_integrity_public_bodies_every_row_sourced_or_marked_unverified():
    documented = set(re.findall(r"`(\[S-[A-Z0-9-]+\])`", (DATA / "public_bodies.SOURCES.md").read_text("utf-8")))
    for r in _rows():
        tags = set(re.findall(r"\[S-[A-Z0-9-]+\]", r["source"]))
        assert tags or "UNVERIFIED" in r["source"], r
        assert tags <= documented, (r["name"], tags - documented)


def test_data_integrity_public_bodies_dates_valid_and_ordered():
    for r in _rows():
        for key in ("valid_from", "valid_to"):
            if r[key]:
                dt.date.fromisoformat(r[key])
        if r["valid_from"] and r["valid_to"]:
            assert r["valid_from"] <= r["valid_to"], r


def test_data_integrity_public_bodies_parents_are_listed():
    names = {r["name"] for r in _rows()}
    for r in _rows():
        assert not r["parent"] or r["parent"] in names | {"{ministry}"}, r


def test_data_integrity_public_bodies_abbreviations_not_words():
    syllables = _syllables()
    owners: dict[str, set[str]] = {}
    for r in _rows():
        for abbr in _split(r["abbreviations"]):
            assert not _spells_a_word(abbr, syllables), (abbr, r["name"])
            # an initialism, so that it is matched as a whole token in its own case
            assert sum(c.isupper() for c in abbr) >= 2, (abbr, r["name"])
            owners.setdefault(abbr, set()).add(r["kind"])
        for alias in _split(r["aliases"]):
            for token in alias.split():
                if len(token) > 1 and token.isupper():
                    assert not _spells_a_word(token, syllables), (token, r["name"])
    # one abbreviation may stand for the same kind of body at several levels (UBND), never for two kinds
    assert all(len(kinds) == 1 for kinds in owners.values()), {a: k for a, k in owners.items() if len(k) > 1}


@pytest.mark.parametrize("token, is_word", [("TU", True), ("HU", True), ("TƯ", True), ("UBND", False),
                                             ("BTC", False), ("BYT", False), ("SNNMT", False),
                                             ("VOV", False)])
def test_data_integrity_public_bodies_word_guard_separates_words_from_initialisms(token, is_word):
    assert _spells_a_word(token, _syllables()) is is_word


def test_data_integrity_public_bodies_government_before_and_after_2025():
    def count(kind, day):
        return sum(1 for r in _rows() if r["kind"] == kind and _on(r, day))
    # Nghị quyết 08/2021/QH15: 18 + 4; Nghị quyết 176/2025/QH15 (from 2025-03-01): 14 + 3
    assert (count("ministry", "2024-12-31"), count("ministry_level_agency", "2024-12-31")) == (18, 4)
    assert (count("ministry", "2025-03-01"), count("ministry_level_agency", "2025-03-01")) == (14, 3)


def test_data_integrity_public_bodies_provincial_departments_of_2025():
    current = {r["name"] for r in _rows() if r["kind"] == "provincial_department" and _on(r, "2025-03-01")}
    # the 12 departments every province has under Nghị định 45/2025/NĐ-CP
    assert {"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
            "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Giáo dục và Đào tạo", "Sở Y tế", "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"} <= current
    assert not current & {"Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội",
                          "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải"}


def test_data_integrity_public_bodies_departments_of_2025_belong_to_a_ministry_of_2025():
    rows = {r["name"]: r for r in _rows()}
    for r in rows.values():
        if r["kind"] == "ministry_department" and r["valid_from"] >= "2025-03-01":
            parent = rows[r["parent"]]
            assert parent["kind"] in {"ministry", "ministry_level_agency"} and _on(parent, r["valid_from"]), r


WILD = DATA.parents[2] / "shared" / "corpus" / "wild" / "md"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", ""))


@pytest.mark.skipif(not WILD.is_dir(), reason="the wild corpus is not beside the repository")
def test_data_integrity_public_bodies_wild_sources_print_the_name():
    """A tag whose source is a file of ``wild`` names that file; every row carrying the tag is printed in it, whole
    or after the head a list distributes ("Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam")."""
    sources = (DATA / "public_bodies.SOURCES.md").read_text("utf-8")
    files = {tag: stem for tag, stem in
             re.findall(r"^\| `(\[S-[A-Z0-9-]+\])` \|.*\| `(?:\.\./shared/corpus/)?wild/md/([0-9a-f]{16})\.md` \|$",
                        sources, re.M)}
    checked = 0
    for r in _rows():
        for tag in re.findall(r"\[S-[A-Z0-9-]+\]", r["source"]):
            if tag in files:
                text = _flat((WILD / f"{files[tag]}.md").read_text("utf-8"))
                head, tail = r["name"].split(" ", 1)
                assert r["name"] in text or re.search(rf"{head}: [^;]*{re.escape(tail)}", text), (r["name"], tag)
                checked += 1
    assert checked >= 10


def test_data_integrity_public_bodies_no_department_older_than_its_ministry():
    # a department is a part of its ministry; a group or a school only has an owner, which may change
    rows = {r["name"]: r for r in _rows()}
    for r in rows.values():
        parent = rows.get(r["parent"])
        if r["kind"] == "ministry_department" and parent and parent["valid_from"]:
            assert r["valid_from"] >= parent["valid_from"], r
