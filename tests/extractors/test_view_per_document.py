"""``view.per_document``: work remembered while one document is read, forgotten when the next one starts."""
from extractors.view import DocumentView, as_view, per_document

_CALLS: list[str] = []


@per_document
def _length(line: str) -> int:
    _CALLS.append(line)
    return len(line)


def test_view_per_document_remembers_within_a_document():
    _CALLS.clear()
    DocumentView("Kế hoạch thi đua năm 2026")
    assert _length("Sở Y tế chủ trì") == _length("Sở Y tế chủ trì") == 15
    assert _CALLS == ["Sở Y tế chủ trì"]


def test_view_per_document_forgets_at_the_next_document():
    _CALLS.clear()
    DocumentView("Kế hoạch số 12/KH-UBND")
    _length("Công an tỉnh phối hợp")
    DocumentView("Kế hoạch số 13/KH-UBND")  # the pipeline's view of the next document
    _length("Công an tỉnh phối hợp")
    assert _CALLS == ["Công an tỉnh phối hợp"] * 2


def test_view_per_document_kept_by_a_view_of_joined_lines():
    # an extractor's view of its own joined lines inside the same document keeps what was remembered
    _CALLS.clear()
    DocumentView("Báo cáo tổng kết phong trào thi đua")
    _length("UBND huyện Kim Sơn")
    as_view("UBND huyện Kim Sơn\nthực hiện")
    _length("UBND huyện Kim Sơn")
    assert _CALLS == ["UBND huyện Kim Sơn"]
