"""The patterns of the units extractor, built once from its language data (``data/unit_words.yaml``, the
heads and positions of ``data/unit_heads.yaml``); the words themselves live in the data files."""
from __future__ import annotations

import re
from functools import lru_cache, partial

from extractors.lexicon import read_csv, read_yaml
from extractors.names import heads_data
from extractors.names.lexicon import COLLECTIVE, WORDS
from extractors.text import CAN_CU, LOWER_CLASS, UPPER_CLASS, either_case_first, name_key, word_alternation

# the units patterns put each alternation in a group of their own
alternation = partial(word_alternation, grouped=False)


def _either_case(words) -> str:
    """An alternation of ``words`` whose first letter may be upper or lower case."""
    return "|".join(map(either_case_first, words))


def _bounded(words) -> str:
    return "|".join(rf"\b{re.escape(w)}\b" for w in words)


def _reports_and_labels(u: dict) -> dict:
    """The bodies reports go to ("phản ánh về X| để tổng hợp") and the labels that name what a body does ("a) Cơ
    quan thẩm định: X;")."""
    label_mark = rf"[ \t]*(?:[{u['list_letters']}\d]{{1,2}}[.)][ \t]*|[-+•][ \t]*)?"
    return {
        "report_mid": re.compile(rf"(?<!\w)(?:{alternation(u['report_verbs'])})[ ]+(?:\S+[ ]+){{0,6}}?"
                                 rf"{re.escape(u['report_to'])}[ ]+(?=\S)"),
        "report_compiled": re.compile(rf"[ ]*,?[ ]*(?:{alternation(u['report_compiled'])})\b"),
        # up to the clause's body, from its line's start
        "agency_label": re.compile(rf"{label_mark}(?:{_either_case(u['agency_labels'])})(?P<what>[ ][^:\n]{{1,80}})?:[ ]*$"),
        "agency_label_support": re.compile(rf"\b(?:{alternation(u['agency_label_support'])})\b"),
        "agency_label_not": re.compile(rf"(?i)\b(?:{alternation(u['agency_label_not'])})\b"),
    }


@lru_cache(maxsize=1)
def unit_words() -> dict:
    """Compiled patterns and word sets, by name."""
    u = read_yaml("unit_words.yaml")
    d = heads_data()
    # the article word ("Điều 2.") is kept once, with the task words; a clause writes it capitalised
    article = alternation(w.capitalize() for w in read_yaml("task_words.yaml")["article_words"])
    quantified = "|".join(re.escape(q) + "[ ]+" for q in u["member_quantifiers"])
    owner = alternation(d["owner_heads"], longest_first=True)
    # the bare owner ends the name: a list separator, a connector, or the verb of the clause follows
    owner_ends = rf"(?=[ ]*(?:[,;.]|$)|[ ]+(?:{alternation(u['owner_end_words'])})\b)"
    positions = alternation(d["positions"], longest_first=True)
    # after a position the office may be written in lower case: "Chánh văn phòng Bộ"
    sub_bodies = "|".join(either_case_first(b[0].lower() + b[1:]) for b in sorted(d["sub_bodies"], key=len, reverse=True))
    # the document types (doc_types.csv) a preamble issues: "Chủ tịch Ủy ban nhân dân quyết định ban hành quy chế ..."
    doc_types = alternation(sorted({r["name"].lower() for r in read_csv("doc_types.csv")}), longest_first=True)
    partner_link = (rf"(?:[ ]+(?:{alternation(u['support_mid_adverbs'])}))?[ ]+"
                    rf"(?:{alternation(u['support_mid_links'])})[ ]+")
    return {
        "list_letter": f"[{u['list_letters']}]",
        "numbering": re.compile(rf"[ \t]*(?:(?:{article})[ ]\d+[.:]?|(?:[IVX]+|\d+(?:\.\d+)*|[{u['list_letters']}])"
                                rf"[.)]+|\((?:\d{{1,2}}|[ivx]{{1,4}}|[{u['list_letters']}])\)|[-+•*])?[ \t]*"),
        "adverbial": re.compile(rf"(?:{re.escape(u['year_word'])} \d{{4}}|{alternation(u['clause_openers'])}"
                                rf"|{alternation(u['content_openers'])})[ ]*,?[ ]*"),
        "members": re.compile(rf"(?i)(?:{quantified})?(?:{'|'.join(u['members'])})[ ]+"
                              rf"(?:{alternation(u['member_links'])})[ ]+"),
        # (or a slash between two bodies either of which acts: "Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị
        # phường có trách nhiệm ...")
        "separator": re.compile(rf"[ ]*(?:,|;|{_bounded(u['list_links'])}|/(?=[ ]*{UPPER_CLASS}))[ ]*"),
        # a collective's own words run over its commas: "Các sở, ban, ngành, cơ quan, đơn vị cấp tỉnh và X"
        "collective_more": re.compile(rf"[ ]*,[ ]*(?:{alternation(u['collective_nouns'])})\b[^,;:()\n]{{0,40}}?"
                                      rf"(?=[ ]*(?:,|;|{_bounded(u['collective_ends'])}|$|\())"),
        # a list opened by a bare collective word: "Cơ quan, tổ chức, đơn vị cấp trên và X có trách nhiệm ..."
        "collective_bare": re.compile(rf"(?:{_either_case(u['collective_openers'])})(?=[ ]*,)"),
        # (it ends before the verb "phối hợp" too: "... và các tổ chức chính trị - xã hội| phối hợp tuyên truyền")
        # (and before the closing formula of a notice: "... để X và các Bộ, cơ quan liên quan| biết, thực hiện")
        "collective": re.compile(rf"(?:{_either_case(u['collective_openers'])})[ ]"
                                 rf"[^,;()\n]*?(?=[ ]*(?:,|;|{_bounded(u['collective_ends'] + u['support_mid'])}|$|\()"
                                 rf"|[ ]+(?:{'|'.join(u['inform_after'])})\b)"),
        "no_role_line": re.compile(rf"^[ \t*-]*(?:{CAN_CU}|{alternation(u['no_role_line_starts'])})"),
        "basis_line": re.compile(r"^[ \t*-]*" + CAN_CU),
        "recipients": re.compile(rf"(?m)^[ \t*]*{re.escape(u['recipients_heading'])}"),
        "telegram_not_ordered": re.compile(rf"(?i)(?:{alternation(u['telegram_not_ordered'])})\b"),
        "telegram_opening": re.compile(rf"(?m){UPPER_CLASS}{{2,}}[ ]+{re.escape(u['telegram_word'])}[ ]*:[ *]*$"),
        "state_motto": re.compile("(?i)" + "|".join(u["state_motto"])),
        "name_list": re.compile(rf"(?m)^[ \t*'\"“]*{u['name_list_heading']}\b"),
        "confers_award": re.compile(rf"[ ]+(?:{alternation(u['award_verbs'], longest_first=True)})\b"),
        "action_after": re.compile(rf"[ ]+(?!(?:{alternation(u['not_actions'])})\b){LOWER_CLASS}"),
        "country": re.compile(rf"(?:^| )(?:{alternation(u['country'])})(?= |$)"),
        "not_duty": re.compile(rf"(?i)(?:{alternation(u['not_duties'])})\b"),
        "place_paren": re.compile(rf"^({alternation(u['paren_place_words'])})[ ]+(.+)$"),
        "province_committee": u["province_committee"] + " ",
        "province_word": u["province_word"],
        # "các tỉnh, thành phố trực thuộc Trung ương" are "các tỉnh, thành phố": the tail a collective key drops
        "central_key": " " + name_key(f"{WORDS['under_central']} {WORDS['central']}"),
        "collective_key": f" {COLLECTIVE} ",
        "plural": re.compile(rf"{either_case_first(COLLECTIVE)}[ ]+"),
        "parent_heads": tuple(u["parent_heads"]),
        "place_date": re.compile(rf"(?m)^[ \t]*([^\n,]{{2,30}}),[ ]+{re.escape(u['place_date_word'])}\b"),
        # a clause opened by provinces ("Các tỉnh Nghệ An, ...", "Thành phố Hà Nội ..."): their committees act
        "province_opening": re.compile(rf"[ \t]*(?:[-+•]|[{u['list_letters']}\d]{{1,2}}[.)])?[ \t]*(?i:(?:{COLLECTIVE}[ ]+)?"
                                       rf"(?:{alternation(u['paren_place_words'])}))[ ]+{UPPER_CLASS}"),
        "execution_formula": re.compile(rf"(?i)\b(?:{alternation(u['execution_formulas'])})\b"),
        "duty_heading": re.compile(rf"(?:{_either_case(u['duty_headings'])})[ ]+"),
        "lead_before": re.compile(rf"(?:{alternation(d['lead_before'], longest_first=True)})[ ]+(?:cho[ ]+)?"),
        # titles may be joined by "/": "Tổng Giám đốc/Giám đốc các đơn vị"
        "position": re.compile(rf"(?:(?:{positions})(?:[ ]+|[ ]*/[ ]*(?=\w)))+", re.IGNORECASE),
        "position_only": re.compile(rf"^(?:{alternation(d['role_holders'] + d['positions'], longest_first=True)})"
                                    rf"(?=[ ]*\()", re.IGNORECASE),
        # a standing role a body holds, in parentheses after it: "Phòng Nội vụ (cơ quan Thường trực Hội đồng ...)"
        "standing_role": re.compile(rf"[ ]*(?:{alternation(u['standing_roles'], longest_first=True)})\b", re.IGNORECASE),
        "holder_of": re.compile(rf"^(?:{alternation(d['role_holders'], longest_first=True)})[ ]+"
                                rf"(?:(?:{alternation(u['holder_links'])})[ ]+)?", re.IGNORECASE),
        "not_verbs": frozenset(d["not_verbs"]),
        "support_mid": re.compile(rf"(?i)\b(?:{alternation(u['support_mid'])})"
                                  rf"(?:[ ]+(?:{alternation(u['support_mid_adverbs'])}))?"
                                  rf"(?:[ ]+(?:{alternation(u['support_mid_links'])}))?[ ]+"),
        "lead_mid": re.compile(rf"\b(?:{_either_case(u['lead_mid'])})[ ]+(?:(?:{alternation(u['lead_mid_links'])})[ ]+)?"),
        "ask_mid": re.compile(rf"(?<!\w)(?:{alternation(u['ask_mid'])})[ ]+(?=\S)"),
        **_reports_and_labels(u),
        "inform_mid": re.compile(rf"(?<!\w)(?:{alternation(u['inform_before'])})[ ]+(?=\S)"),
        "inform_after": re.compile(rf"[ ]+(?:{'|'.join(u['inform_after'])})\b"),
        "director_mid": re.compile(rf"(?i)\b(?:{alternation(u['director_mid'])})[ ]+"),
        "modifier_before": re.compile(rf"(?:{alternation(d['modifier_before'], longest_first=True)})[ ]*$"),
        # what follows the subject of a clause, on the lower-cased rest
        "subject_support": tuple(u["support_mid"]),
        "subject_support_lead": re.compile(rf"(?:{alternation(u['support_mid'])})[ ]*"
                                           rf"(?:,|(?:{alternation(u['subject_lead_links'])})\b"
                                           rf"|(?:(?:{alternation(u['support_mid_adverbs'])})[ ]+)?"
                                           rf"(?:{alternation(u['support_mid_links'])})[ ])"),
        "subject_director": tuple(u["subject_director"]),
        **{key: re.compile(rf"(?:^|(?<=[.;][ ]))(?:{'|'.join(map(either_case_first, u[key]))})\b")
           for key in ("duty_director", "duty_support")},
        # the partner of such a duty named only by a lower-case collective: "với các sở, ban, ngành", "với cơ quan ..."
        "generic_partner": re.compile(rf"{partner_link}{LOWER_CLASS}"),
        # a later sentence or clause of a duty that works with a body it names: "...; phối hợp với Sở Tài chính ..."
        "named_partner": re.compile(rf"(?<=[.;][ ])(?:{_either_case(u['duty_support'])})"
                                    rf"{partner_link}(?={UPPER_CLASS})"),
        "sub_item": re.compile(u["sub_item"]),
        "not_subject": re.compile(rf"(?!(?:{alternation(u['link_verbs'])})\b)(?:{alternation(u['not_subject_links'])})\b"
                                  rf"|(?i:{alternation(u['issuing_verbs'])})[ ]+(?:{UPPER_CLASS}|(?i:{doc_types})\b)"),
        # a verb that opens with a link word ("theo dõi"): the subject's verb all the same
        "link_verb": re.compile(rf"(?:{alternation(u['link_verbs'])})\b"),
        # "X, trên cơ sở ..., chủ trì ...": an insertion after the subject, then the verb that gives its role
        "insertion": re.compile(rf"(?i)[ ]*,?[ ]*(?:{alternation(u['insertion_openers'])})\b"),
        "insertion_verb": re.compile(rf"(?i)(?:,[ ]*|[ ])(?P<verb>{alternation(u['insertion_verbs'])})\b"),
        "phrase_opener": re.compile(rf"(?:{alternation(u['phrase_openers'])})[ ]"),
        "phrase_close": re.compile(rf"(?:,|[ ](?:{alternation(u['phrase_closers'])})\b)[ ]*"),
        # owners a body's own documents leave bare
        "bare_sub_body": re.compile(rf"(?:{positions})[ ]+(?P<body>{sub_bodies})(?:[ ]+(?P<owner>{owner}))?{owner_ends}"),
        # a bare owner opening a clause or after a title, then its verb: "Tập đoàn sẽ công bố ...", "Tổng Giám đốc
        # Tập đoàn và ... phát động ..."
        "bare_owner_subject": re.compile(rf"(?m)(?:^[ \t*+•-]*|[.;][ ]+|(?P<title>{positions})[ ]+)(?P<owner>{owner})"
                                         rf"[ ]+(?P<next>{LOWER_CLASS}+)\b"),
        "owner_after": re.compile(rf"[ ]+(?P<owner>{owner}){owner_ends}"),
        "sub_body": re.compile(rf"(?:{sub_bodies})\b"),
        # the bodies a bare owner word may follow: its offices and boards, and its councils and standing bodies
        # ("Hội đồng Thi đua - Khen thưởng Bộ", "Thường trực Hội đồng ... Tập đoàn")
        "owned_body": re.compile(rf"(?:{alternation(d['sub_bodies'] + d['container_heads'], longest_first=True)})\b"),
        # "lực lượng Công an tỉnh": the force word before a body of a level (the name finder reads the body alone)
        # and the generic noun before a body ("cơ quan Bảo hiểm xã hội tỉnh")
        "force_word": re.compile(rf"(?i:{alternation(d['prose_lower_heads'] + u['body_nouns'])})[ ]+"),
        "title_before": re.compile(rf"(?:{positions})[ ]+$", re.IGNORECASE),
        "owner_head": frozenset(d["owner_heads"]),
    }
