"""Text as Word holds it and as the TOML holds it: plain words for comparing, inline
Markdown for writing back (bold, italic and links a reviewer added become Markdown), and
an edit spliced into the source where regenerating it would lose how it was written."""

import difflib
import re

from ..content.bidi import without_controls
from ..content.markdown import MARKDOWN, prepared
from .reader import Piece


def plain(pieces: list[Piece]) -> str:
    """The words of runs, white space folded, bidi controls left out (see content/bidi.py)."""
    return " ".join(without_controls("".join(p.text for p in pieces)).split())


def source_plain(text: str) -> str:
    """The words inline Markdown prints, white space folded, bidi controls left out."""
    words = []
    for token in MARKDOWN.parseInline(prepared(text)):
        for child in token.children or []:
            if child.type == "text":
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return " ".join(without_controls("".join(words)).split())


def markdown(pieces: list[Piece]) -> str:
    """Inline Markdown for runs: `**bold**`, `*italic*`, `[text](href)`."""
    groups: list[tuple[tuple, str]] = []
    for piece in pieces:
        key = (piece.bold, piece.italic, piece.href)
        if groups and groups[-1][0] == key:
            groups[-1] = (key, groups[-1][1] + piece.text)
        else:
            groups.append((key, piece.text))
    out = []
    for (bold, italic, href), text in groups:
        text = re.sub(r"\s+", " ", text)
        core = text.strip()
        if not core:
            out.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        marker = "**" * bold + "*" * italic
        core = f"{marker}{literal(core)}{marker[::-1]}"
        if href:
            core = f"[{core}]({href})"
        out.append(lead + core + trail)
    return "".join(out).strip()


_PLAIN = ["paragraph_open", "inline", "paragraph_close"]
_ESCAPED = re.compile(r"([\\`*_\[\]<>#|!~])")
_LIST_MARKER = re.compile(r"^([-+]|\d+(?=[.)]))")


def literal(text: str) -> str:
    """`text` as Markdown that prints it as typed: what a reviewer types in Word is words,
    so "**" or "[x](y)" typed there must not become bold or a link in the TOML. Text that
    Markdown would print as it is stays as it is."""
    tokens = MARKDOWN.parse(prepared(text))
    children = tokens[1].children or [] if len(tokens) == 3 else []
    printed = "".join(c.content for c in children if c.type == "text")
    plain_text = [t.type for t in tokens] == _PLAIN and all(c.type == "text" for c in children)
    if plain_text and printed == text.replace("\\*", "*"):
        return text
    escaped = _ESCAPED.sub(r"\\\1", text)
    return _LIST_MARKER.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match) -> str:
    """A list marker at the start, escaped: "\\- …", "1\\. …"."""
    marker = match.group()
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def _mask_targets(text: str) -> str:
    """`text` with link targets blanked out, so words are not found inside them."""
    return _TARGET.sub(lambda m: "]" + "\0" * (len(m.group()) - 1), text)


# A target stops at the next "](": else each of many unclosed "[a](" rescans the rest.
_TARGET = re.compile(r"\]\((?:[^)\]]|\](?!\())*+\)")


def splice(source: str, original: str, accepted: str) -> str | None:
    """`source` with the word changes from `original` to `accepted` made where those
    words stand in it, keeping its Markdown; None where a word cannot be found."""
    old, new = original.split(), accepted.split()
    masked = _mask_targets(source)
    spans, position = [], 0
    for word in old:
        found = masked.find(word, position)
        if found < 0:
            return None
        spans.append((found, found + len(word)))
        position = found + len(word)
    result, cursor = [], 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        words = " ".join(new[j1:j2])
        if i1 < i2:
            start, end = spans[i1][0], spans[i2 - 1][1]
            result.append(source[cursor:start] + words)
            cursor = end
            if not words:  # a deletion: take one space with it
                if cursor < len(source) and source[cursor] == " ":
                    cursor += 1
                elif result[-1].endswith(" "):
                    result[-1] = result[-1][:-1]
        elif i1 < len(spans):  # an insertion before word i1
            start = spans[i1][0]
            result.append(source[cursor:start] + words + " ")
            cursor = start
        else:  # at the end
            end = spans[-1][1] if spans else len(source.rstrip())
            result.append(source[cursor:end] + (" " if spans else "") + words)
            cursor = end
    result.append(source[cursor:])
    return "".join(result)


def rewrite(source: str, original: list[Piece], accepted: list[Piece]) -> str:
    """The new inline Markdown of a text that read `original` and now reads `accepted`."""
    if markdown(original) == " ".join(source.split()):
        return markdown(accepted)  # the runs say exactly what the source said
    spliced = splice(source, plain(original), plain(accepted))
    return spliced if spliced is not None else markdown(accepted)


CONTEXT = 4  # words shown either side of a change


def word_diff(old: str, new: str) -> str:
    """`[-old-]{+new+}` marks over the words that changed, as `git diff --word-diff`."""
    a, b = old.split(), new.split()
    out: list[str] = []
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for number, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":  # a few words of context either side of a change
            words = a[i1:i2]
            head = words[:CONTEXT] if number > 0 else []
            tail = words[-CONTEXT:] if number < len(ops) - 1 else []
            out += words if len(words) <= 2 * CONTEXT + 1 else [*head, "…", *tail]
            continue
        if i1 < i2:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j1 < j2:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)
