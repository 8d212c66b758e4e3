"""LibreOffice as a scripted reviewer, through Python-UNO.

Run with Debian's /usr/bin/python3 (python3-uno works with no other interpreter):

    /usr/bin/python3 lo_reviewer.py PLAN.json

PLAN: {"input": …, "output": …, "profile": folder, "author": "Rita Reviewer",
"edits": [...]} where each edit names a paragraph by its bookmark:

    {"replace": BOOKMARK, "old": "architect", "new": "designer"}   a word, tracked
    {"delete": BOOKMARK}                                           the paragraph, tracked
    {"insert_after": BOOKMARK, "text": "…"}                        a new paragraph, tracked
    {"overtype": BOOKMARK, "text": "…"}                            its whole text, tracked
    {"comment": BOOKMARK, "text": "…", "word": "…"}                on the word, or all of it

The document is loaded as a model without a view (the no-GUI build aborts when a view
inserts a comment), edited through text cursors with RecordChanges on, and stored as
"MS Word 2007 XML". With no edits, it is only opened and saved. With "changes": "accept"
or "reject", it is opened in a hidden view instead, and every tracked change is accepted
or rejected as a reviewer would (Edit > Track Changes > Accept All / Reject All).
"""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    return PropertyValue(Name=name, Value=value)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(profile: Path):
    port = free_port()
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
         "--nologo", "--norestore", "--nodefault",
         f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
            return office, resolver.resolve(url)
        except Exception:
            if time.monotonic() > deadline or office.poll() is not None:
                office.kill()
                raise
            time.sleep(0.3)


def paragraph(document, name: str):
    """A cursor over the text of the paragraph the bookmark marks."""
    anchor = document.getBookmarks().getByName(name).getAnchor()
    cursor = anchor.getText().createTextCursorByRange(anchor.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    return cursor


def word(document, name: str, text: str):
    cursor = paragraph(document, name)
    offset = cursor.getString().index(text)
    cursor.collapseToStart()
    cursor.goRight(offset, False)
    cursor.goRight(len(text), True)
    return cursor


def review(document, edits: list[dict], author: str) -> None:
    for edit in edits:
        if "replace" in edit:
            word(document, edit["replace"], edit["old"]).setString(edit["new"])
        elif "delete" in edit:
            cursor = paragraph(document, edit["delete"])
            cursor.goRight(1, True)  # and the paragraph mark
            cursor.setString("")
        elif "insert_after" in edit:
            cursor = paragraph(document, edit["insert_after"])
            cursor.collapseToEnd()
            text = cursor.getText()
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, edit["text"], False)
        elif "overtype" in edit:
            paragraph(document, edit["overtype"]).setString(edit["text"])
        elif "comment" in edit:
            if edit.get("word"):
                cursor = word(document, edit["comment"], edit["word"])
            else:
                cursor = paragraph(document, edit["comment"])
            note = document.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author = author
            note.Content = edit["text"]
            when = uno.createUnoStruct("com.sun.star.util.DateTime")
            when.Year, when.Month, when.Day, when.Hours, when.Minutes = 2026, 11, 30, 10, 15
            note.DateTimeValue = when
            cursor.getText().insertTextContent(cursor, note, True)


def set_author(manager, context, author: str) -> None:
    """Tracked changes carry the name of the profile's user."""
    provider = manager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    node = prop("nodepath", "/org.openoffice.UserProfile/Data")
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (node,)
    )
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def main() -> None:
    plan = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    office, context = connect(Path(plan["profile"]))
    try:
        manager = context.ServiceManager
        url = uno.systemPathToFileUrl(os.path.abspath(plan["input"]))
        if plan.get("changes"):
            desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            dispatcher = manager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", context
            )
            command = {"accept": "AcceptAllTrackedChanges", "reject": "RejectAllTrackedChanges"}
            frame = document.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, f".uno:{command[plan['changes']]}", "", 0, ())
        else:
            document = manager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
            document.load((prop("URL", url), prop("FilterName", "MS Word 2007 XML")))
        if plan["edits"]:
            set_author(manager, context, plan.get("author", "Rita Reviewer"))
            document.RecordChanges = True
            review(document, plan["edits"], plan.get("author", "Rita Reviewer"))
        output = uno.systemPathToFileUrl(os.path.abspath(plan["output"]))
        document.storeToURL(output, (prop("FilterName", "MS Word 2007 XML"),))
        document.close(True)
    finally:
        try:
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context
            )
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
