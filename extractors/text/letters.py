"""Letter classes of Vietnamese, for regular expressions."""
from __future__ import annotations

# Every upper-case Vietnamese letter; "A-Z" first so that ``UPPER_VN[3:]`` is the non-ASCII part.
UPPER_VN = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
UPPER_CLASS = f"[{UPPER_VN}]"
LOWER_CLASS = f"[{UPPER_VN.lower()}]"
