"""Unicode's bidirectional formatting characters: the marks (LRM, RLM, ALM), embeddings,
overrides and isolates. CLDR's formats for right-to-left languages hold them (a Hebrew
amount: "\u200f22,000 \u200f₪"), and the programs that read PDF and Word files add or drop
them, so jobdocs compares texts without them: a right-to-left posting is checked, and a
reviewed one read back, exactly as a left-to-right one."""

import re
import unicodedata

CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    return CONTROLS.sub("", text)


def right_to_left(text: str) -> bool:
    """Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic, …)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
