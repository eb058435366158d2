"""schemas/errors.py: every error class takes its one-line message from the one table, by its code."""
from __future__ import annotations

import inspect

import pytest

from schemas import errors
from schemas.errors import MESSAGES, OcrSwitchedOffError, VnplanError

CLASSES = [c for c in vars(errors).values() if inspect.isclass(c) and issubclass(c, VnplanError)]


def test_errors_every_code_has_one_class_and_one_message() -> None:
    codes = [c.code for c in CLASSES]
    assert len(codes) == len(set(codes))  # a code names one class
    assert set(codes) == set(MESSAGES)  # no message without its class
    for cls in CLASSES:
        assert cls.template == MESSAGES[cls.code]


def test_errors_a_subclass_keeps_its_own_message() -> None:
    err = OcrSwitchedOffError("scan.pdf", page=3)
    assert err.code == "ocr_off" and "--no-ocr" in err.message and "\n" not in err.message


def test_errors_a_class_without_a_message_fails_when_defined() -> None:
    with pytest.raises(KeyError):
        type("NoMessageError", (VnplanError,), {"code": "no_such_code"})
