"""How lint reads a text's sentences and words where punctuation, targets and addresses
run long: the same as where they are short (issue 18 made these scans linear)."""

from jobdocs.checks.lint.text import Field, readable, sentences
from jobdocs.content.project import Source


def _field(text: str, block: bool = False) -> Field:
    return Field(Source.__new__(Source), ("summary",), text, block)


def _sentences(text: str, block: bool = False) -> list[str]:
    return [text[start:end] for start, end in sentences(_field(text, block))]


def _blank(text: str, *pieces: str) -> str:
    for piece in pieces:
        text = text.replace(piece, " " * len(piece))
    return text


def test_a_run_of_stops_ends_one_sentence_where_a_space_follows():
    assert _sentences("Wow!!!! Great?!?! Fine...") == ["Wow!!!!", "Great?!?!", "Fine..."]
    said = 'He said "go!!!" Then. . . left.'
    assert _sentences(said) == ['He said "go!!!"', "Then.", ".", ".", "left."]
    assert _sentences("Wait!!!x and more!!!") == ["Wait!!!x and more!!!"]
    assert _sentences("- One!!!\n- Two?!\n\nThree.)) Four", block=True) == [
        "One!!!", "Two?!", "Three.))", "Four"
    ]  # fmt: skip


def test_targets_addresses_and_code_are_blanked_in_place():
    text = "See [us](https://x.com/a) or mail jobs@x.example, a.b+c@d.org today."
    assert readable(text) == _blank(text, "](https://x.com/a)", "jobs@x.example", "a.b+c@d.org")
    assert readable("[a](b [a](c) ok") == _blank("[a](b [a](c) ok", "](c)")
    assert readable("x.y.z@ w") == "x.y.z@ w"  # no domain: words
    text = "!!!!a@b.c `code` <https://x.y>"
    assert readable(text) == _blank(text, "a@b.c", "`code`", "<https://x.y>")
