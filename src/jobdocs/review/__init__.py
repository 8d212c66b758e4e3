"""Reading reviewed Word files back into the TOML they were built from.

`review(project_dir, files)` reads each file's tracked changes, untracked edits and
comments, decides what they do to each content field (`verdicts`), and returns the new
text of every content file touched; `Review.apply()` writes them if the project is still
valid with them. Nothing here prints: the CLI does.
"""

import itertools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content import load_project
from ..content.fields import FieldIndex, FieldRef, is_markdown
from ..content.spans import scan
from ..documents import plan
from .apply import edited, line_endings_of, unified, validate, write
from .decisions import Verdict, lookup
from .markdown import units
from .match import assign
from .package import ReviewError, joined, open_docx
from .reader import Block, Comment, read
from .verdicts import judge

__all__ = ["FileReview", "Located", "Review", "ReviewError", "review"]


@dataclass
class Located:
    """A comment, placed on the field and the TOML line it is about."""

    comment: Comment
    path: Path
    line: int
    field: str  # "responsibilities[3]", or "" for fixed text


@dataclass
class FileReview:
    path: Path
    document: str
    kind: str
    fresh: bool  # built from the content as it is now
    verdicts: list[Verdict] = field(default_factory=list)
    comments: list[Located] = field(default_factory=list)
    unchanged: int = 0
    locations: dict[int, tuple[Path, int]] = field(default_factory=dict)  # verdict → line


@dataclass
class Review:
    root: Path
    files: list[FileReview]
    before: dict[Path, str]
    after: dict[Path, str]

    @property
    def changed(self) -> dict[Path, str]:
        after = {p: line_endings_of(self.before[p], t) for p, t in self.after.items()}
        return {p: t for p, t in after.items() if t != self.before[p]}

    def diff(self) -> str:
        return "".join(
            unified(p.relative_to(self.root).as_posix(), self.before[p], t)
            for p, t in sorted(self.changed.items())
        )

    @property
    def conflicts(self) -> list[Verdict]:
        return [v for f in self.files for v in f.verdicts if v.kind == "conflict"]

    def apply(self) -> list[Path]:
        """Write the changed files, if the result is valid content and nothing conflicts."""
        if self.conflicts:
            names = ", ".join(f"{v.source}.toml: {v.field}" for v in self.conflicts)
            raise ReviewError(f"nothing was written: edited in the TOML and in review: {names}")
        validate(self.root, self.changed)
        write(self.root, self.changed)
        return sorted(self.changed)

    def as_json(self) -> dict[str, Any]:
        return {
            "files": [
                {
                    "file": str(f.path),
                    "document": f.document,
                    "kind": f.kind,
                    "built_from_current_content": f.fresh,
                    "unchanged": f.unchanged,
                    "verdicts": [
                        {**vars(v), "path": str(f.locations[i][0]), "line": f.locations[i][1]}
                        for i, v in enumerate(f.verdicts)
                    ],
                    "comments": [
                        {**vars(c.comment), "path": str(c.path), "line": c.line, "field": c.field}
                        for c in f.comments
                    ],
                }
                for f in self.files
            ],
            "diff": self.diff(),
        }


def review(root: Path | str, files: list[Path]) -> Review:
    project = load_project(root)
    root = project.paths.root
    documents = {document.id: document for document in plan(project)}
    content = project.paths.content
    texts: dict[Path, str] = {
        path: source.text
        for path, source in project.sources.items()
        if path.is_relative_to(content)  # not jobdocs.toml
    }
    before = dict(texts)
    reviews = []
    for path in files:
        package = open_docx(Path(path))
        properties = package.properties
        document_id = properties["jobdocs.id"]
        organization = properties.get("jobdocs.organization", "")
        document = documents.get(document_id)
        if document is None or organization != project.organization.name:
            raise ReviewError(
                f"{path}: built from another project ({organization or 'unknown'}: "
                f"{document_id!r}); this one is {project.organization.name}'s"
            )
        # The document's own list is only a claim: a changed file could name any role.
        names = document.meta.sources
        extra = sorted(set(joined(properties, "jobdocs.sources").split()) - set(names))
        if extra:
            raise ReviewError(
                f"{path}: names content files {document_id!r} is not made from "
                f"({', '.join(extra)}); review a document built from the current content"
            )
        files_of = {name.removesuffix(".toml"): content / name for name in names}
        if any(p not in texts for p in files_of.values()):
            raise ReviewError(f"{path}: built from content files this project does not have")
        fresh = properties.get("jobdocs.digest") == document.meta.digest and all(
            texts[p] == before[p] for p in files_of.values()
        )
        data = {source: tomllib.loads(texts[p]) for source, p in files_of.items()}
        blocks, comments = read(package)
        _merge_deleted_marks(blocks)
        tags = assign(blocks, FieldIndex(data), _field_texts(data))
        outcome = judge(blocks, tags, data, fresh)
        result = FileReview(Path(path), document_id, document.kind, fresh, outcome.verdicts)
        result.unchanged = outcome.unchanged
        for source, values in outcome.values.items():
            texts[files_of[source]] = edited(texts[files_of[source]], values)
        where = _Where(files_of, texts)
        for number, verdict in enumerate(result.verdicts):
            result.locations[number] = where.line(verdict.source, verdict.field)
        tagged = _last_tagged(tags, len(blocks))
        result.comments = [_place(c, tagged, where) for c in comments]
        reviews.append(result)
    return Review(root, reviews, before, texts)


def _merge_deleted_marks(blocks: list[Block]) -> None:
    """A deleted paragraph mark joins a paragraph's remaining text to the next one."""
    from dataclasses import replace

    for block, following in itertools.pairwise(blocks):
        if block.mark_deleted and "".join(p.text for p in block.accepted()).strip():
            kept = [replace(p, inserted=True) for p in block.accepted()]
            block.pieces = [replace(p, deleted=True) for p in block.pieces if not p.inserted]
            following.pieces = kept + following.pieces


def _field_texts(data: dict[str, Any]) -> dict[str, str]:
    """Every field's words (`field#k` for a Markdown field's paragraphs), for matching
    paragraphs whose bookmark is gone."""
    from ..content.fields import key_paths

    found = {}
    for source, values in data.items():
        for loc, value in key_paths(values):
            if not isinstance(value, str) or not loc:
                continue
            name = str(FieldRef(source, loc))
            if isinstance(loc[-1], str) and is_markdown(source, loc):
                for number, unit in enumerate(units(value)[1], 1):
                    found[f"{name}#{number}"] = unit.plain
            else:
                from .inline import source_plain

                found[name] = source_plain(value)
    return found


class _Where:
    """Where fields stand in the content files. Each text is scanned, parsed and split
    once: a review locates every verdict and comment, and doing it per lookup made the
    time quadratic in them."""

    def __init__(self, files_of: dict[str, Path], texts: dict[Path, str]):
        self.files_of, self.texts = files_of, texts
        self.layouts: dict[str, Any] = {}
        self.data: dict[str, Any] = {}
        self.lines: dict[str, list[str]] = {}
        self.units: dict[str, list] = {}

    def line(self, source: str, key: str) -> tuple[Path, int]:
        path = self.files_of.get(source) or next(iter(self.files_of.values()))
        loc = FieldRef.parse(f"{source}:{key}").path
        text = self.texts[path]
        if loc and text not in self.layouts:
            self.layouts[text] = scan(text)
        position = self.layouts[text].locate(loc) if loc else None
        return path, position[0] if position else 1

    def value(self, path: Path, loc: tuple) -> Any:
        text = self.texts[path]
        if text not in self.data:
            self.data[text] = tomllib.loads(text)
        return lookup(self.data[text], loc)

    def unit_line(self, path: Path, line: int, value: str, number: int) -> int:
        """Lines from a Markdown field's key to its paragraph `number`."""
        if value not in self.units:
            self.units[value] = units(value)[1]
        found = self.units[value]
        if number > len(found):
            return 0
        text = self.texts[path]
        lines = self.lines.get(text) or self.lines.setdefault(text, text.splitlines())
        first = found[number - 1].content.split("\n", 1)[0]
        for offset in range(line - 1, len(lines)):
            if first and first in lines[offset]:
                return offset - line + 1
        return 0


def _last_tagged(tags: dict, count: int) -> list:
    """For each paragraph, the tag of the nearest one at or before it that shows a field."""
    found, last = [], None
    for index in range(count):
        tag = tags.get(index)
        last = tag if tag is not None and tag.field else last
        found.append(last)
    return found


def _place(comment: Comment, tagged: list, where: _Where) -> Located:
    tag = None
    if comment.block is not None and tagged:
        tag = tagged[max(min(comment.block, len(tagged) - 1), 0)]
    if tag is None or not tag.field:
        path, line = where.line("", "")
        return Located(comment, path, line, "")
    ref = FieldRef.parse(tag.field)
    source, loc = ref.source, ref.path
    path, line = where.line(source, _key(loc))
    value = where.value(path, loc)
    if isinstance(value, str) and tag.index > 1 and ref.is_markdown:
        line += where.unit_line(path, line, value, tag.index)
    return Located(comment, path, line, _key(loc))


def _key(loc: tuple) -> str:
    from ..content.project import key_path

    return key_path(loc)
