"""Reviewing a Word file the way Word saves a review: tracked insertions and deletions
(`w:ins`/`w:del` with author and date), a deleted paragraph mark, comments with
`commentsExtended.xml` replies, written straight into the XML."""

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
AUTHOR, DATE = "Rita Reviewer", "2026-11-30T10:15:00Z"


class Reviewed:
    """A .docx opened for editing its XML; `save()` writes it back."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(f"{W}body")
        self.comments: list[tuple[str, str, str | None]] = []  # (id, text, parent id)
        self.next_id = 900

    def paragraph(self, bookmark: str):
        for start in self.body.iter(f"{W}bookmarkStart"):
            if start.get(f"{W}name") == bookmark:
                return start.getparent()
        raise KeyError(bookmark)

    def _revision(self, tag: str):
        element = etree.Element(f"{W}{tag}")
        element.set(f"{W}id", str(self._id()))
        element.set(f"{W}author", AUTHOR)
        element.set(f"{W}date", DATE)
        return element

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def replace_word(self, bookmark: str, old: str, new: str):
        """A tracked replacement of the word `old` in the paragraph: w:del then w:ins."""
        for run in self.paragraph(bookmark).iter(f"{W}r"):
            text = run.find(f"{W}t")
            if text is None or old not in (text.text or ""):
                continue
            before, _, after = text.text.partition(old)
            parts = []
            for piece, kind in ((before, None), (old, "del"), (new, "ins"), (after, None)):
                if not piece:
                    continue
                copied = copy.deepcopy(run)
                t = copied.find(f"{W}t")
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                if kind == "del":
                    t.tag = f"{W}delText"
                if kind:
                    wrapper = self._revision(kind)
                    wrapper.append(copied)
                    copied = wrapper
                parts.append(copied)
            for part in parts:
                run.addprevious(part)
            run.getparent().remove(run)
            return next(part for part in parts if part.tag == f"{W}ins")
        raise AssertionError(f"{old!r} not in {bookmark}")

    def delete_paragraph(self, bookmark: str) -> None:
        """Its runs and its paragraph mark deleted, the bookmark start inside the w:del."""
        p = self.paragraph(bookmark)
        deletion = self._revision("del")
        for child in list(p):
            if child.tag in (f"{W}r", f"{W}bookmarkStart"):
                for t in child.iter(f"{W}t"):
                    t.tag = f"{W}delText"
                deletion.append(child)
        p.insert(1, deletion)
        self._mark(p, "del")

    def _mark(self, p, kind: str) -> None:
        properties = p.find(f"{W}pPr")
        run_properties = properties.find(f"{W}rPr")
        if run_properties is None:
            run_properties = etree.SubElement(properties, f"{W}rPr")
        run_properties.append(self._revision(kind))

    def insert_paragraph_after(self, bookmark: str, text: str, bold: str = ""):
        """A new paragraph like the one named (a list item stays one), all of it inserted;
        `bold` is a word of it the reviewer made bold."""
        p = self.paragraph(bookmark)
        new = etree.Element(f"{W}p")
        new.append(copy.deepcopy(p.find(f"{W}pPr")))
        self._mark(new, "ins")
        insertion = self._revision("ins")
        for piece in text.partition(bold) if bold else (text,):
            if not piece:
                continue
            run = etree.SubElement(insertion, f"{W}r")
            if piece == bold:
                etree.SubElement(etree.SubElement(run, f"{W}rPr"), f"{W}b")
            t = etree.SubElement(run, f"{W}t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        new.append(insertion)
        p.addnext(new)
        return new

    def overtype(self, bookmark: str, text: str) -> None:
        """Untracked: the paragraph's text replaced, its bookmark lost."""
        p = self.paragraph(bookmark)
        for child in list(p):
            if child.tag in (f"{W}r", f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}hyperlink"):
                p.remove(child)
        run = etree.SubElement(p, f"{W}r")
        etree.SubElement(run, f"{W}t").text = text

    def comment(self, target, text: str, parent: str | None = None) -> str:
        """A comment on the element `target` (a run or a paragraph); a reply to `parent`."""
        comment_id = str(len(self.comments))
        self.comments.append((comment_id, text, parent))
        if parent is None:
            start = etree.Element(f"{W}commentRangeStart")
            end = etree.Element(f"{W}commentRangeEnd")
            start.set(f"{W}id", comment_id)
            end.set(f"{W}id", comment_id)
            if target.tag == f"{W}p":
                target.insert(1, start)
                target.append(end)
                anchor = target
            else:
                target.addprevious(start)
                target.addnext(end)
                anchor = end.getparent()
            reference = etree.SubElement(anchor, f"{W}r")
            etree.SubElement(reference, f"{W}commentReference").set(f"{W}id", comment_id)
        return comment_id

    def save(self, path: Path | None = None) -> Path:
        path = path or self.path
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True)
        if self.comments:
            self._write_comments()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in self.parts.items():
                package.writestr(name, data)
        path.write_bytes(buffer.getvalue())
        return path

    def _write_comments(self) -> None:
        comments = [f'<w:comments xmlns:w="{W_NS}" xmlns:w14="{W14}">']
        extended = [f'<w15:commentsEx xmlns:w15="{W15}">']
        for comment_id, text, parent in self.comments:
            para = f"{int(comment_id) + 0x10:08X}"
            comments.append(
                f'<w:comment w:id="{comment_id}" w:author="{AUTHOR}" w:date="{DATE}" '
                f'w:initials="RR"><w:p w14:paraId="{para}"><w:r><w:t>{text}</w:t></w:r>'
                "</w:p></w:comment>"
            )
            parent_para = f' w15:paraIdParent="{int(parent) + 0x10:08X}"' if parent else ""
            extended.append(f'<w15:commentEx w15:paraId="{para}"{parent_para} w15:done="0"/>')
        self.parts["word/comments.xml"] = "".join([*comments, "</w:comments>"]).encode()
        self.parts["word/commentsExtended.xml"] = "".join([*extended, "</w15:commentsEx>"]).encode()
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        for number, (kind, target) in enumerate(
            (("comments", "comments.xml"), ("commentsExtended", "commentsExtended.xml"))
        ):
            rel = etree.SubElement(
                rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
            )
            rel.set("Id", f"rIdReview{number}")
            base = (
                REL
                if kind == "comments"
                else "http://schemas.microsoft.com/office/2011/relationships"
            )
            rel.set("Type", f"{base}/{kind}")
            rel.set("Target", target)
        self.parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True)
        types = self.parts["[Content_Types].xml"].decode()
        overrides = (
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
            '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>'
        )
        types = types.replace("</Types>", overrides + "</Types>")
        self.parts["[Content_Types].xml"] = types.encode()
