"""A local preview server for `jobdocs watch`: serves the HTML output and reloads open pages
whenever a build changes something.

The reload script (and each role's language report, see `report.py`) is added to pages
as they are served, never to the files on disk, so outputs stay the same bytes whether or
not anyone watches.
"""

import errno
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import UsageError

VERSION_PATH = "/__jobdocs/version"

RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  function poll() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {}).finally(function () { setTimeout(poll, 500); });
  }
  poll();
})();
</script>
""" % VERSION_PATH.encode()


class Preview:
    """Serves `folder` on 127.0.0.1; `changed()` makes every open page reload."""

    def __init__(self, folder: Path, port: int = 0):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.version = 0
        self.reports: dict[str, bytes] = {}
        """HTML added at the end of a page, by file name: a role's language report."""
        handler = partial(_Handler, preview=self, directory=str(folder))
        try:
            self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError as error:
            taken = error.errno == errno.EADDRINUSE
            why = "another program listens on it" if taken else error.strerror
            raise UsageError(
                f"cannot serve on port {port}: {why}; choose another (0 picks a free one)",
                "--port",
            ) from None
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def hosts(self) -> set[str]:
        """The Host headers a browser sends to this server."""
        port = self.server.server_port
        return {f"127.0.0.1:{port}", f"localhost:{port}"}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/"

    def start(self) -> None:
        self.thread.start()

    def changed(self) -> None:
        self.version += 1

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, preview: Preview, **kwargs):
        self.preview = preview
        super().__init__(*args, **kwargs)

    def _refused(self) -> bool:
        """Answer only to the names of this server: a page elsewhere can point a name it
        owns at 127.0.0.1 (DNS rebinding) and then read the drafts served here."""
        if self.headers.get("Host", "").lower() not in self.preview.hosts:
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "Unknown host")
        elif "\0" in self.path or "%00" in self.path:
            self.send_error(HTTPStatus.BAD_REQUEST, "NUL in the path")
        else:
            return False
        return True

    def do_HEAD(self):
        if not self._refused():
            super().do_HEAD()

    def do_GET(self):
        if self._refused():
            return
        if self.path == VERSION_PATH:
            return self._send(str(self.preview.version).encode(), "text/plain")
        if self.path == "/":
            return self._send(self._index(), "text/html; charset=utf-8")
        path = Path(self.translate_path(self.path))
        if path.suffix == ".html" and path.is_file():
            added = self.preview.reports.get(path.name, b"") + RELOAD_SCRIPT
            html = path.read_bytes().replace(b"</body>", added + b"</body>", 1)
            return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def list_directory(self, path):
        """Folders are not listed: only the built pages are served."""
        self.send_error(HTTPStatus.NOT_FOUND, "No page here")

    def _index(self) -> bytes:
        links = "".join(
            f'<li><a href="{p.name}">{p.stem}</a></li>'
            for p in sorted(self.preview.folder.glob("*.html"))
        )
        return f"<!DOCTYPE html><title>jobdocs</title><body><ul>{links}</ul></body>".encode()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # the terminal is for build messages
