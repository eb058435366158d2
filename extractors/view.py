"""The per-document view: what every extractor reads, derived from the text once per document.

Extractors used to share work through caches keyed on the whole text (``lru_cache`` on ``fold_doc``,
``flowed``, the task tables, ...). That state was global, invisible in the signatures and sized by guess; a
batch of large documents could evict one document's folding while another extractor still needed it. The
view makes the sharing explicit: the pipeline builds one :class:`DocumentView` per document and passes it to
every extractor; what several extractors need is a lazy attribute here, or is computed once through
:meth:`DocumentView.shared` (which keeps the result on this view, not in a module).

Every extractor also accepts a plain string (``extract_units(text, context)``), for tests and callers that
have only text: :func:`as_view` makes a view for it.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property, lru_cache
from typing import TypeVar

from extractors.evidence import replace_at
from extractors.text.fold import fold, toneless
from extractors.text.lines import goes_on_lower, soft_breaks

T = TypeVar("T")

# the memos of :func:`per_document`, emptied when the next document's view is made
_MEMOS: list = []


def per_document(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` remembered for the document being read: for work on pieces of one document's lines that several
    rules ask for again (the units a line opens with), where passing the view down every call would not pay.
    ``fn`` must be a pure function of its (hashable) arguments and return something its callers do not change.
    The memo is emptied when the pipeline makes the next document's view, so a second pass over the same texts
    is as slow as the first; a view :func:`as_view` makes of a plain string (a test's text, the joined lines an
    extractor reads inside a document) leaves it, and its size is bounded for callers that never make one."""
    memo = lru_cache(maxsize=4096)(fn)
    _MEMOS.append(memo)
    return memo


class DocumentView:
    """One document's text and what is derived from it, each computed on first use and kept."""

    def __init__(self, text: str, *, new_document: bool = True) -> None:
        self.text = text
        self._shared: dict[tuple, object] = {}
        if new_document:  # the work remembered for the document before is no use to this one
            for memo in _MEMOS:
                memo.cache_clear()

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"DocumentView({len(self.text)} chars)"

    @cached_property
    def folded(self) -> str:
        """fold(text): lower case, one tone placement; same length as ``text``."""
        return fold(self.text)

    @cached_property
    def toneless(self) -> str:
        """``folded`` without tone and vowel marks; same length as ``text``."""
        return toneless(self.folded)

    @cached_property
    def prose_breaks(self) -> tuple[int, ...]:
        """Offsets of the line breaks that read as spaces in prose (the text layer's ``goes_on_lower``)."""
        return soft_breaks(self.text, goes_on_lower)

    @cached_property
    def flowed(self) -> tuple[str, str]:
        """(folded, toneless) with the soft line breaks of prose as spaces; offsets kept."""
        soft = self.prose_breaks
        if not soft:
            return self.folded, self.toneless
        return replace_at(self.folded, soft, " "), replace_at(self.toneless, soft, " ")

    def shared(self, derive: Callable[..., T], *args: Hashable) -> T:
        """``derive(self, *args)``, computed once for this document: the work two extractors share (the task
        tables that tasks and units both read, ...). Keyed by the function and its arguments, kept on the
        view, gone with it."""
        key = (derive, args)
        if key not in self._shared:
            self._shared[key] = derive(self, *args)
        return self._shared[key]  # type: ignore[return-value]


def as_view(doc: DocumentView | str) -> DocumentView:
    """``doc`` itself, or a new view of a plain text."""
    return doc if isinstance(doc, DocumentView) else DocumentView(doc or "", new_document=False)
