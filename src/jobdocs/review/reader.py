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
    links = package.links(package.document)
    blocks: list[Block] = []
    anchors: dict[str, tuple[int | None, list[str]]] = {}
    open_ranges: set[str] = set()
    pending: list[str] = []  # bookmarks found between paragraphs belong to the next one
    inserted = deleted = 0
    tables: list[list[int]] = []  # per open table: [table number, row, column]
    table_count = 0
    current: Block | None = None
    run_format: tuple[bool, bool, str | None] = (False, False, None)
    hyperlinks: list[str | None] = []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if event == "end":
            if tag in INSERTED:
                inserted -= 1
            elif tag in DELETED:
                deleted -= 1
            elif tag == f"{W}p":
                current = None
            elif tag == f"{W}hyperlink":
                hyperlinks.pop()
            elif tag == f"{W}tbl":
                tables.pop()
            continue
        if tag in INSERTED:
            inserted += 1
        elif tag in DELETED:
            deleted += 1
        elif tag == f"{W}tbl":
            tables.append([table_count, -1, -1])
            table_count += 1
        elif tag == f"{W}tr" and tables:
            tables[-1][1] += 1
            tables[-1][2] = -1
        elif tag == f"{W}tc" and tables:
            tables[-1][2] += 1
        elif tag == f"{W}p":
            current = _block(element, len(blocks), tables)
            current.names, pending = pending, []
            blocks.append(current)
            for comment_id in open_ranges:
                anchors[comment_id][1].append("\n")
        elif tag == f"{W}bookmarkStart":
            name = element.get(f"{W}name", "")
            (current.names if current is not None else pending).append(name)
        elif tag == f"{W}commentRangeStart":
            comment_id = element.get(f"{W}id", "")
            anchors[comment_id] = (current.index if current else len(blocks), [])
            open_ranges.add(comment_id)
        elif tag == f"{W}commentRangeEnd":
            open_ranges.discard(element.get(f"{W}id", ""))
        elif tag == f"{W}hyperlink":
            hyperlinks.append(links.get(element.get(R_ID, "")))
        elif tag == f"{W}r":
            run_format = _format(element, hyperlinks[-1] if hyperlinks else None)
        elif current is not None and (tag in TEXT or tag in {f"{W}tab", f"{W}br", f"{W}cr"}):
            text = (element.text or "") if tag in TEXT else " "
            in_deletion = deleted > 0 or tag == f"{W}delText"
            piece = Piece(text, *run_format, inserted > 0, in_deletion)
            current.pieces.append(piece)
            for comment_id in open_ranges:
                if not in_deletion:
                    anchors[comment_id][1].append(text)
    return blocks, _comments(package, anchors)


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
        block, anchored = anchors.get(comment_id, (None, []))
        comment = Comment(
            comment_id,
            element.get(f"{W}author", ""),
            element.get(f"{W}date", ""),
            text.strip(),
            block,
            " ".join("".join(anchored).split()),
        )
        for p in paragraphs:
            by_paragraph[p.get(W14_PARA)] = comment
        comments.append(comment)
    for comment in comments:
        for p_id, parent_id in parents.items():
            if by_paragraph.get(p_id) is comment and parent_id in by_paragraph:
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
