"""Regular expressions made from the rule files' words and phrases, and made fast: a
phrase is looked for only where a word it starts with stands, and word lists become
trees of their shared beginnings."""

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Finder:
    """Phrases found quickly: a scan for the words they start with, then the full
    expression tried only where one starts (a long alternation tried at every character is
    what makes regular expressions slow)."""

    starts: re.Pattern
    full: re.Pattern
    heads: frozenset[str] | None
    """The first four letters of each first word (see `heads`); None: always look."""

    def finditer(self, text: str, heads: frozenset[str] | None = None) -> Iterator[re.Match]:
        """The matches in `text`; none, without looking, where `heads` (the heads of the
        text's words) has none of the phrases'."""
        if heads is not None and self.heads is not None and self.heads.isdisjoint(heads):
            return
        end = 0
        for start in self.starts.finditer(text):
            match = self.full.match(text, start.start()) if start.start() >= end else None
            if match:
                end = match.end()
                yield match

    def blanked(self, text: str, heads: frozenset[str] | None = None) -> str:
        """`text` with every match replaced by as many spaces."""
        pieces, end = [], 0  # joined once: a copy of the text per match is quadratic
        for match in self.finditer(text, heads):
            pieces += [text[end : match.start()], " " * (match.end() - match.start())]
            end = match.end()
        return "".join(pieces) + text[end:] if pieces else text


def finder(phrases: list[str], full: str | None = None, flags=re.IGNORECASE) -> Finder:
    """A Finder for phrases of a rule file (see `phrase`), or for the expression `full`
    whose alternatives start with the first words of `phrases`."""
    firsts = {_literal(p.split()[0]) for p in phrases if p.split()}
    digits = "|[0-9]" if "" in firsts else ""
    starts = re.compile(rf"(?<![\w-])(?:{trie(sorted(firsts - {''}))}{digits})", re.IGNORECASE)
    if full is None:
        ordered = sorted({phrase(p) for p in phrases}, key=len, reverse=True) or ["(?!)"]
        full = r"(?<![\w-])(?:" + "|".join(ordered) + r")(?![\w-])"
    found = [_FIRST.search(p.lower()) for p in phrases]
    exact = all(f and (len(f.group(1)) >= HEAD or not f.group(2)) for f in found)
    known = frozenset(f.group(1)[:HEAD] for f in found) if exact else None
    return Finder(starts, re.compile(full, flags), known)


HEAD = 4
_FIRST = re.compile(r"([^\W_]+)(\*)?")
_TOKEN = re.compile(r"[^\W_]+")


def words_of(text: str) -> frozenset[str]:
    """The words of `text`, lower case, split at hyphens and apostrophes."""
    return frozenset(_TOKEN.findall(text.lower()))


def heads(words: frozenset[str]) -> frozenset[str]:
    """The first four letters of each word: enough to tell that no phrase of a Finder can
    be in a text."""
    return frozenset(word[:HEAD] for word in words)


def _literal(word: str) -> str:
    """The literal beginning of a phrase's first word, lower case: "rockstar*" → "rockstar"."""
    if word[0] == "[":
        return word.lower()
    return re.split(r"[*#\\(\[{.?+|^$]", word.lower(), maxsplit=1)[0]


def phrase(text: str) -> str:
    """A regular expression for a phrase of a rule file: words apart by any white space,
    "*" at a word's end for any ending, "#" for a number."""
    parts = []
    for word in text.split():
        pattern = re.escape(word.rstrip("*")).replace("\\#", "#").replace("#", r"\d+(?:[.,]\d+)?")
        parts.append(pattern + (r"[\w-]*" if word.endswith("*") else ""))
    return r"\s+".join(parts)


def trie(words: list[str]) -> str:
    """One regular expression for literal words, as a tree of their shared beginnings, so
    that it tries a character once instead of once per word. Longer words win."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree) or "(?!)"


def _branches(node: dict) -> str:
    ends = "" in node
    parts = [re.escape(char) + _branches(rest) for char, rest in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body


def normal(text: str) -> str:
    """Lower case, white space folded: how short skeleton lines are compared."""
    return " ".join(text.lower().split())


def bare(text: str) -> str:
    """Only the letters and digits of a text, lower case, one space apart: "N/A" → "n a"."""
    return " ".join(re.sub(r"[\W_]+", " ", text).lower().split())
