"""The changes since an earlier version as Word's own tracked changes: words deleted in
`w:del`, words added in `w:ins` within a paragraph, whole paragraphs for list items and
Markdown paragraphs added or removed. Paragraphs are paired by the field they show (the
bookmarks' fields), list items and a field's paragraphs by their text in order, so an
item removed from the middle of a list is one deleted paragraph, not a cascade of edits.
"""

import copy
import difflib
import re
from itertools import count

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...content.fields import FieldRef

_TOKEN = re.compile(r"\s+|[^\s]+")
_OPAQUE = {qn("w:br"): "\n", qn("w:tab"): "\t", qn("w:drawing"): "\ufffc"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Redline:
    def __init__(self, author: str, date: str):
        self.author, self.date = author, date
        self.ids = count(100_000)  # apart from the bookmarks' ids

    def revision(self, tag: str):
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        if self.date:
            element.set(qn("w:date"), self.date)
        return element

    def apply(self, new: list[tuple], old: list[tuple]) -> None:
        """`new` and `old`: the writers' tagged paragraphs (kind, name, number, occurrence,
        w:p), in document order."""
        new_seqs, old_seqs = _sequences(new), _sequences(old)
        order = {id(p): n for n, (*_, p) in enumerate(new)}
        for key, old_items in old_seqs.items():
            new_items = new_seqs.get(key, [])
            self.sequence(new_items, old_items, new, order)
        for key, new_items in new_seqs.items():
            if key not in old_seqs:
                for p in new_items:
                    self.inserted(p)

    def sequence(self, new_items: list, old_items: list, new: list, order: dict) -> None:
        if any(_in_cell(p) for p in new_items + old_items):  # cells: by position only
            for p, q in zip(new_items, old_items, strict=False):
                if _text(p) != _text(q):
                    self.words(p, q)
            return
        a, b = [_text(q) for q in old_items], [_text(p) for p in new_items]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for offset in range(pairs):
                self.words(new_items[j1 + offset], old_items[i1 + offset])
            for p in new_items[j1 + pairs : j2]:
                self.inserted(p)
            if i1 + pairs < i2:
                anchor = new_items[j1 + pairs - 1] if j1 + pairs > 0 else None
                following = new_items[j1 + pairs] if j1 + pairs < len(new_items) else None
                self.deleted(old_items[i1 + pairs : i2], anchor, following)

    def inserted(self, p) -> None:
        """A paragraph that is new: its runs and its paragraph mark inserted."""
        self._wrap_runs(p)
        self._mark(p, "w:ins")

    def _wrap_runs(self, p) -> None:
        for run in list(p.iter(qn("w:r"))):
            wrapper = self.revision("w:ins")
            run.addprevious(wrapper)
            wrapper.append(run)

    def _mark(self, p, tag: str) -> None:
        properties = p.get_or_add_pPr() if hasattr(p, "get_or_add_pPr") else p.find(qn("w:pPr"))
        if properties is None:
            properties = OxmlElement("w:pPr")
            p.insert(0, properties)
        marks = properties.find(qn("w:rPr"))
        if marks is None:
            marks = OxmlElement("w:rPr")
            properties.append(marks)  # last: the schema puts rPr after the others
        marks.append(self.revision(tag))

    def deleted(self, old_items: list, anchor, following) -> None:
        """Old paragraphs, all their text deleted, placed where they stood."""
        near = anchor if anchor is not None else following
        for q in reversed(old_items):
            copied = copy.deepcopy(q)
            for element in list(copied):
                if element.tag in (qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
                    copied.remove(element)
            for hyperlink in list(copied.iter(qn("w:hyperlink"))):  # the old part's links
                for child in list(hyperlink):
                    hyperlink.addprevious(child)
                hyperlink.getparent().remove(hyperlink)
            for drawing in list(copied.iter(qn("w:drawing"))):
                drawing.getparent().remove(drawing)
            self._renumber(copied, near)
            runs = list(copied.iter(qn("w:r")))
            for run in runs:
                for t in run.iter(qn("w:t")):
                    t.tag = qn("w:delText")
                wrapper = self.revision("w:del")
                run.addprevious(wrapper)
                wrapper.append(run)
            self._mark(copied, "w:del")
            if anchor is not None:
                anchor.addnext(copied)
            elif following is not None:
                following.addprevious(copied)

    def _renumber(self, copied, near) -> None:
        """A copied list item takes the numbering of the list it now stands in."""
        number = copied.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if number is None:
            return
        here = near.find(f"{qn('w:pPr')}/{qn('w:numPr')}") if near is not None else None
        if here is None:
            number.getparent().remove(number)
        else:
            number.getparent().replace(number, copy.deepcopy(here))

    def words(self, p, q) -> None:
        """Word-level changes from the old paragraph `q` to the new one `p`."""
        if _linked(p) or _linked(q):  # links stay whole: the old text out, the new in
            deletion = self.revision("w:del")
            deletion.append(_runs([(_text(q) + " ", (q, None))], deleted=True)[0])
            self._wrap_runs(p)
            start = p.find(qn("w:bookmarkStart"))
            (start.addnext if start is not None else p.append)(deletion)
            return
        old, new = _tokens(q), _tokens(p)
        runs = [c for c in p if c.tag == qn("w:r")]
        end = p.find(qn("w:bookmarkEnd"))
        for run in runs:
            p.remove(run)
        pieces = []
        a, b = [text for text, _ in old], [text for text, _ in new]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                pieces += _runs(new[j1:j2])
                continue
            if i1 < i2:
                deletion = self.revision("w:del")
                for run in _runs(old[i1:i2], deleted=True):
                    deletion.append(run)
                pieces.append(deletion)
            if j1 < j2:
                insertion = self.revision("w:ins")
                for run in _runs(new[j1:j2]):
                    insertion.append(run)
                pieces.append(insertion)
        for piece in pieces:
            if end is not None:
                end.addprevious(piece)
            else:
                p.append(piece)


def _sequences(tagged: list[tuple]) -> dict[tuple, list]:
    """Paragraphs grouped into the sequences that can gain or lose members: a list's items,
    a Markdown field's paragraphs; each fixed text on its own."""
    found: dict[tuple, list[tuple[int, object]]] = {}
    for kind, name, number, occurrence, p in tagged:
        ref = FieldRef.parse(name) if kind == "field" and number == 1 else None
        if kind == "fixed":
            key, position = (kind, name, occurrence), 1
        elif ref is not None and isinstance(ref.key, int):  # an item of a list
            key, position = (kind, FieldRef(ref.source, ref.path[:-1]), occurrence), ref.key
        else:
            key, position = (kind, name, occurrence), number
        found.setdefault(key, []).append((position, p))
    return {key: [p for _, p in sorted(items, key=lambda i: i[0])] for key, items in found.items()}


def _linked(p) -> bool:
    return p.find(f".//{qn('w:hyperlink')}") is not None


def _in_cell(p) -> bool:
    return p.getparent() is not None and p.getparent().tag == qn("w:tc")


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _tokens(p) -> list[tuple[str, object]]:
    """(text, the run it came from) for each word, space or break of the paragraph."""
    tokens = []
    for run in (c for c in p if c.tag == qn("w:r")):
        for child in run:
            if child.tag == qn("w:t"):
                tokens += [(m.group(), (run, None)) for m in _TOKEN.finditer(child.text or "")]
            elif child.tag in _OPAQUE:
                tokens.append((_OPAQUE[child.tag], (run, child)))
    return tokens


def _runs(tokens: list[tuple[str, object]], deleted: bool = False) -> list:
    """Runs for tokens, one per stretch that came from the same run."""
    runs: list = []
    last = None
    for text, (source, element) in tokens:
        if element is None and runs and last is source:
            t = runs[-1].find(qn("w:delText" if deleted else "w:t"))
            if t is not None:
                t.text += text
                continue
        run = OxmlElement("w:r")
        properties = source.find(qn("w:rPr"))
        if properties is not None:
            run.append(copy.deepcopy(properties))
        if element is not None:
            run.append(copy.deepcopy(element))
        else:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.text = text
            t.set(_XML_SPACE, "preserve")
            run.append(t)
        runs.append(run)
        last = source if element is None else None
    return runs
