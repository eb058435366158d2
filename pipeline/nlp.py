"""The spaCy pipeline: a blank Vietnamese ``Language`` with one registered component per fact kind.

The components are generated from the registry (``pipeline/kinds.py``). Each is registered under a
versioned name, declares what it writes (``assigns=``), and puts its items in a named span group,
``doc.spans[<field>]``: one span per evidence span, with the item itself in ``span._.item``, and the
items in extraction order in the group's ``attrs["items"]`` (an item may have several spans, or none
that aligns with a token). ``doc._.header`` and ``doc._.context`` hold the document-level facts; ``doc._.view`` is the one
per-document view (``extractors/view.py``) every component reads.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from extractors.context import DocContext
from extractors.view import DocumentView
from extractors.header import build_context, extract_header
from pipeline.backends.base import IngestOptions
from pipeline.kinds import FIELDS, KINDS

if not Doc.has_extension("header"):
    Doc.set_extension("header", default=None)
    Doc.set_extension("context", default=None)
    Span.set_extension("item", default=None)
if not Doc.has_extension("view"):
    Doc.set_extension("view", default=None)


def view_of(doc: Doc) -> DocumentView:
    """The document's one :class:`DocumentView`, made on first use: every component reads the same folding,
    lines and shared tables (``Doc.text`` also re-joins every token on each access)."""
    if doc._.view is None:
        doc._.view = DocumentView(doc.text)
    return doc._.view


# a word or a punctuation mark with the one space after it (the token's trailing space), or a run of white space
_PIECES = re.compile(r"(\w+(?:[./-]\w+)*|[^\w\s])([ ]?)|(\s+)", re.UNICODE)


class SyllableTokenizer:
    """Vietnamese is written in syllables separated by spaces; punctuation is split off.

    Word segmentation (underthesea) is not needed for span offsets, and it is slow; extractors that
    profit from it call it themselves.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # one regex pass covers every character: a word or punctuation mark (and its trailing space), or the white
        # space after it, which is a token of its own (as is white space at the start of the text)
        pieces = _PIECES.findall(text)
        words = [tok or run for tok, _, run in pieces]
        spaces = [bool(space) for _, space, _ in pieces]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.view = DocumentView(text)  # the text as given: Doc.text re-joins every token on each access
        return doc

    def to_bytes(self, **kwargs) -> bytes:  # spaCy serialisation protocol; nothing to save
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "SyllableTokenizer":
        return self


@registry.tokenizers("vnplan.SyllableTokenizer.v1")
def create_tokenizer() -> Callable[[Language], SyllableTokenizer]:
    def make(nlp: Language) -> SyllableTokenizer:
        return SyllableTokenizer(nlp.vocab)
    return make


def _put(doc: Doc, key: str, items: list) -> None:
    spans = []
    for item in items:
        evs = getattr(item, "evidence", None) or []
        for ev in evs:
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None:
                continue
            span._.item = item
            spans.append(span)
    doc.spans[key] = spans
    doc.spans[key].attrs["items"] = list(items)


def items_of(doc: Doc, key: str) -> list:
    """The items a component wrote, in its order (several evidence spans may share one item)."""
    group = doc.spans.get(key)
    return list(group.attrs.get("items", [])) if group is not None else []


def _context(doc: Doc) -> DocContext:
    return doc._.context or DocContext()


@Language.factory("vnplan_header_v1", assigns=["doc._.header", "doc._.context", "doc._.view"], default_config={})
def make_header(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def header(doc: Doc) -> Doc:
        text = view_of(doc).text
        head = extract_header(text)
        doc._.header = head
        doc._.context = build_context(text, head)
        return doc
    return header


def _field_component(key: str, fn: Callable[..., list]) -> Callable[..., Callable[[Doc], Doc]]:
    def factory(nlp: Language, name: str) -> Callable[[Doc], Doc]:
        def component(doc: Doc) -> Doc:
            _put(doc, key, fn(view_of(doc), _context(doc)))
            return doc
        return component
    factory.__name__ = f"make_{key}"
    return factory


COMPONENTS = ["vnplan_header_v1"]
for _kind in KINDS:
    Language.factory(_kind.component, assigns=["doc.spans"], requires=["doc._.context", "doc._.view"],
                     default_config={})(_field_component(_kind.key, _kind.extract))
    COMPONENTS.append(_kind.component)


def build_nlp() -> Language:
    """A new pipeline: blank Vietnamese with the syllable tokenizer and every vnplan component."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnplan.SyllableTokenizer.v1"}}})
    # spaCy's 1,000,000-character default guards the memory of its parser and NER, which we do not run; our
    # tokenizer is linear, so the only bound is the backends' own text limit
    nlp.max_length = IngestOptions.max_text_chars + 1
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built once (lexicons load with it)."""
    return build_nlp()
