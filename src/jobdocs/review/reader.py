"""The paragraphs of a reviewed Word file with both of their texts: as written (without
what reviewers inserted) and as accepted (without what they deleted), their bookmarks,
where they stand in a table, and the comments anchored on them.

python-docx's `Paragraph.text` drops inserted and deleted text alike, so this reads the
XML itself, in one pass, in document order.
"""

from dataclasses import dataclass, field

from lxml import etree

from .package import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
W14_PARA = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
INSERTED = {f"{W}ins", f"{W}moveTo"}
DELETED = {f"{W}del", f"{W}moveFrom"}
TEXT = {f"{W}t", f"{W}delText"}


@dataclass(frozen=True)
class Piece:
    """A stretch of text with its formatting and its revision state."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    inserted: bool = False
    deleted: bool = False


@dataclass
class Block:
    """One paragraph of the body: in the text, in a list, or in a table cell."""

    index: int
    names: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    style: str = ""
    listed: bool = False
    mark_deleted: bool = False
    mark_inserted: bool = False
    cell: tuple[int, int, int] | None = None  # (table, row, column), counted from 0

    def original(self) -> list[Piece]:
        return [p for p in self.pieces if not p.inserted]

    def accepted(self) -> list[Piece]:
        return [p for p in self.pieces if not p.deleted]

    @property
    def inserted_only(self) -> bool:
        """Everything in it is the reviewer's: a tracked new paragraph."""
        return not "".join(p.text for p in self.original()).strip()


@dataclass
class Comment:
    id: str
    author: str
    date: str
    text: str
    block: int | None = None  # the paragraph its range starts in
    anchored: str = ""
    parent: str | None = None  # the comment this one replies to


def read(package: Package) -> tuple[list[Block], list[Comment]]:
    root = package.xml(package.document)
    body = root.find(f"{W}body") if root is not None else None
    if body is None:
        return [], []
    walk = _Walk(package.links(package.document))
    for event, element in etree.iterwalk(body, events=("start", "end")):
        (walk.start if event == "start" else walk.end)(element)
    anchors = {
        comment_id: (where, "".join(walk.read[start:end]))
        for comment_id, (where, start, end) in walk.anchors.items()
    }
    return walk.blocks, _comments(package, anchors)


_BREAKS = {f"{W}tab", f"{W}br", f"{W}cr"}


class _Walk:
    """One pass over the document body: each element's start and end, in order."""

    def __init__(self, links: dict[str, str]):
        self.links = links
        self.blocks: list[Block] = []
        # Each comment's range as a stretch of `read` (what the body reads, in order), cut
        # out at the end: text added to every open range as it came cost comments times text.
        self.read: list[str] = []
        self.anchors: dict[str, tuple[int | None, int, int | None]] = {}
        self.open_ranges: set[str] = set()
        self.pending: list[str] = []  # bookmarks between paragraphs belong to the next one
        self.inserted = self.deleted = 0
        self.tables: list[list[int]] = []  # per open table: [table number, row, column]
        self.table_count = 0
        self.current: Block | None = None
        self.run_format: tuple[bool, bool, str | None] = (False, False, None)
        self.hyperlinks: list[str | None] = []

    def start(self, element) -> None:
        tag = element.tag
        if tag in INSERTED:
            self.inserted += 1
        elif tag in DELETED:
            self.deleted += 1
        elif tag in _STARTS:
            _STARTS[tag](self, element)
        elif self.current is not None and (tag in TEXT or tag in _BREAKS):
            self.text(element)

    def end(self, element) -> None:
        tag = element.tag
        if tag in INSERTED:
            self.inserted -= 1
        elif tag in DELETED:
            self.deleted -= 1
        elif tag == f"{W}p":
            self.current = None
        elif tag == f"{W}hyperlink":
            self.hyperlinks.pop()
        elif tag == f"{W}tbl":
            self.tables.pop()

    def table(self, element) -> None:
        self.tables.append([self.table_count, -1, -1])
        self.table_count += 1

    def row(self, element) -> None:
        if self.tables:
            self.tables[-1][1] += 1
            self.tables[-1][2] = -1

    def cell(self, element) -> None:
        if self.tables:
            self.tables[-1][2] += 1

    def paragraph(self, element) -> None:
        self.current = _block(element, len(self.blocks), self.tables)
        self.current.names, self.pending = self.pending, []
        self.blocks.append(self.current)
        self.read.append("\n")

    def bookmark(self, element) -> None:
        name = element.get(f"{W}name", "")
        (self.current.names if self.current is not None else self.pending).append(name)

    def comment_start(self, element) -> None:
        comment_id = element.get(f"{W}id", "")
        where = self.current.index if self.current else len(self.blocks)
        self.anchors[comment_id] = (where, len(self.read), None)
        self.open_ranges.add(comment_id)

    def comment_end(self, element) -> None:
        comment_id = element.get(f"{W}id", "")
        if comment_id in self.open_ranges:
            self.open_ranges.discard(comment_id)
            where, start, _ = self.anchors[comment_id]
            self.anchors[comment_id] = (where, start, len(self.read))

    def hyperlink(self, element) -> None:
        self.hyperlinks.append(self.links.get(element.get(R_ID, "")))

    def run(self, element) -> None:
        self.run_format = _format(element, self.hyperlinks[-1] if self.hyperlinks else None)

    def text(self, element) -> None:
        assert self.current is not None
        text = (element.text or "") if element.tag in TEXT else " "
        in_deletion = self.deleted > 0 or element.tag == f"{W}delText"
        self.current.pieces.append(Piece(text, *self.run_format, self.inserted > 0, in_deletion))
        if not in_deletion:
            self.read.append(text)


_STARTS = {
    f"{W}tbl": _Walk.table,
    f"{W}tr": _Walk.row,
    f"{W}tc": _Walk.cell,
    f"{W}p": _Walk.paragraph,
    f"{W}bookmarkStart": _Walk.bookmark,
    f"{W}commentRangeStart": _Walk.comment_start,
    f"{W}commentRangeEnd": _Walk.comment_end,
    f"{W}hyperlink": _Walk.hyperlink,
    f"{W}r": _Walk.run,
}
"""What the start of each element does to the walk."""


def _block(p, index: int, tables: list[list[int]]) -> Block:
    block = Block(index)
    properties = p.find(f"{W}pPr")
    if properties is not None:
        style = properties.find(f"{W}pStyle")
        block.style = style.get(f"{W}val", "") if style is not None else ""
        block.listed = properties.find(f"{W}numPr") is not None
        mark = properties.find(f"{W}rPr")
        if mark is not None:
            block.mark_deleted = mark.find(f"{W}del") is not None
            block.mark_inserted = mark.find(f"{W}ins") is not None
    if tables:
        block.cell = (tables[-1][0], tables[-1][1], tables[-1][2])
    return block


def _on(properties, name: str) -> bool:
    element = properties.find(f"{W}{name}") if properties is not None else None
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "off")


def _format(run, href: str | None) -> tuple[bool, bool, str | None]:
    properties = run.find(f"{W}rPr")
    return _on(properties, "b"), _on(properties, "i"), href


def _comments(package: Package, anchors) -> list[Comment]:
    part = next(iter(package.related(package.document, "/comments")), None)
    root = package.xml(part) if part else None
    if root is None:
        return []
    parents = _reply_parents(package)
    comments, by_paragraph = [], {}
    for element in root.iter(f"{W}comment"):
        comment_id = element.get(f"{W}id", "")
        paragraphs = element.findall(f"{W}p")
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs)
        block, anchored = anchors.get(comment_id, (None, ""))
        comment = Comment(
            comment_id,
            element.get(f"{W}author", ""),
            element.get(f"{W}date", ""),
            text.strip(),
            block,
            " ".join(anchored.split()),
        )
        for p in paragraphs:
            by_paragraph[p.get(W14_PARA)] = comment
        comments.append(comment)
    answers: dict[int, list[str]] = {}  # by comment: the comment paragraphs it answers
    for p_id, parent_id in parents.items():
        child = by_paragraph.get(p_id)
        if child is not None and parent_id in by_paragraph:
            answers.setdefault(id(child), []).append(parent_id)
    for comment in comments:
        for parent_id in answers.get(id(comment), []):
            comment.parent = by_paragraph[parent_id].id
            if comment.block is None:
                comment.block = by_paragraph[parent_id].block
    return comments


def _reply_parents(package: Package) -> dict[str, str]:
    """Which comment paragraph answers which (commentsExtended.xml, as Word writes it)."""
    part = next(iter(package.related(package.document, "/commentsExtended")), None)
    root = package.xml(part) if part else None
    if root is None:
        return {}
    return {
        e.get(f"{W15}paraId"): e.get(f"{W15}paraIdParent")
        for e in root.iter(f"{W15}commentEx")
        if e.get(f"{W15}paraIdParent")
    }
