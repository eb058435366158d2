"""units.py: roles from clause subjects, role verbs, headings and table columns; real seeds vs gold."""
from __future__ import annotations

import json

import pytest

from extractors.context import DocContext
from extractors.names import name_key
from extractors.units import extract_units
from tests.conftest import GOLD, SEED_IDS, seed_text

LAO_CAI = DocContext(year=2024, province="Lào Cai", level="tỉnh")


def roles(text, context=LAO_CAI):
    return {u.name: set(u.roles) for u in extract_units(text, context)}


@pytest.mark.parametrize("text, name, role", [
    ("- Sở Tài nguyên và Môi trường tỉnh Lào Cai phối hợp triển khai thực hiện.",
     "Sở Tài nguyên và Môi trường tỉnh Lào Cai", "support"),
    ("3. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính và Sở Nội vụ tổ chức Hội nghị.",
     "Sở Văn hóa, Thể thao và Du lịch", "lead"),
    ("3. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính và Sở Nội vụ tổ chức Hội nghị.",
     "Sở Tài chính", "support"),
    ("4. Đề nghị Ủy ban MTTQ tỉnh và các đoàn thể vận động hội viên tham gia.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai", "lead"),
    ("Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.", "Sở Nội vụ", "lead"),
    ("2. Phòng Giáo dục và Đào tạo\n\n- Tổ chức phát động phong trào thi đua.", "Phòng Giáo dục và Đào tạo", "lead"),
    ("Ủy ban nhân dân tỉnh Yên Bái, Hà Giang lựa chọn điển hình tiên tiến.", "Ủy ban nhân dân tỉnh Hà Giang", "lead"),
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế và các đơn vị có liên quan chịu trách nhiệm thi hành.",
     "Sở Y tế", "lead"),
    ("Công an tỉnh có trách nhiệm bảo đảm an ninh trật tự tại Hội nghị.", "Công an tỉnh Lào Cai", "lead"),
])
def test_units_role_from_phrase(text, name, role):
    assert role in roles(text).get(name, set())


@pytest.mark.parametrize("text", [
    "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh Lào Cai;",
    "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.",
    "1. Sở Tài chính tỉnh Lào Cai;\n2. Công an tỉnh;",
    "Các cơ quan, đơn vị gửi báo cáo về Sở Nội vụ (qua Ban Thi đua - Khen thưởng).",
])
def test_units_no_role_without_assignment(text):
    assert all(r == {"mentioned"} for r in roles(text).values())


def test_units_table_columns_give_roles():
    text = ("STT\tĐơn vị phối hợp\tNội dung\tĐơn vị chủ trì\tĐơn vị chỉ đạo\n"
            "1\tSở Tài chính\tTổ chức Hội nghị\tSở Nội vụ\tUBND tỉnh\n")
    got = roles(text)
    assert got["Sở Tài chính"] == {"support"}
    assert got["Sở Nội vụ"] == {"lead"}
    assert got["Ủy ban nhân dân tỉnh Lào Cai"] == {"director"}


def test_units_person_is_not_a_unit():
    assert roles("Đ/c Nguyễn Văn A chủ trì Hội nghị.") == {}


def _match(a: str, b: str) -> bool:
    import difflib
    return difflib.SequenceMatcher(None, name_key(a), name_key(b)).ratio() >= 0.9


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_units_seed_matches_gold(doc_id):
    gold = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
    province = gold["document"].get("place")
    ctx = DocContext(year=None, province=province if province and "huyện" not in (gold["document"].get("issuer") or "") else None)
    pred = [u.name for u in extract_units(seed_text(doc_id), ctx) if set(u.roles) - {"mentioned"}]
    for g in gold["units"]:
        assert any(_match(p, a) for p in pred for a in [g["name"], *g.get("aliases", [])]), g["name"]
    allowed = [a for g in gold["units"] for a in [g["name"], *g.get("aliases", [])]] + gold.get("optional_units", [])
    extras = [p for p in pred if not any(_match(p, a) for a in allowed)]
    assert len(extras) <= 1, extras
