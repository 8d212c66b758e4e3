"""The preview server of `jobdocs watch` serves the built pages to this machine's browser
and nothing else (issue 18): no answer to another host name (DNS rebinding would let any
web page read the drafts), no folder listings, a clear error for a taken port, and no
traceback for a NUL byte in a request."""

import http.client
import socket

import pytest

from jobdocs.build.preview import Preview
from jobdocs.errors import UsageError


@pytest.fixture
def preview(tmp_path):
    (tmp_path / "role.html").write_text("<html><body><h1>Role</h1></body></html>")
    (tmp_path / "site" / "drafts").mkdir(parents=True)
    (tmp_path / "site" / "drafts" / "secret.txt").write_text("draft")
    server = Preview(tmp_path, 0)
    server.start()
    yield server
    server.stop()


def get(preview: Preview, path: str, host: str | None = None, method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", preview.server.server_port, timeout=10)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", host or f"127.0.0.1:{preview.server.server_port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_pages_are_served_to_this_machine_by_name_or_address(preview):
    port = preview.server.server_port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        status, body = get(preview, "/role.html", host)
        assert status == 200 and b"<h1>Role</h1>" in body


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_another_host_name_gets_nothing(preview, method):
    port = preview.server.server_port
    for host in (f"attacker.example:{port}", "127.0.0.1", f"127.0.0.1.attacker.example:{port}"):
        status, body = get(preview, "/role.html", host, method)
        assert status == 421 and b"Role" not in body


def test_folders_are_not_listed(preview):
    status, body = get(preview, "/site/drafts/")
    assert status == 404 and b"secret.txt" not in body


@pytest.mark.parametrize("path", ["/role%00.html", "/%00", "/site/%00/x"])
def test_a_nul_byte_is_a_bad_request(preview, path, capfd):
    status, _ = get(preview, path)
    assert status == 400
    assert "Traceback" not in capfd.readouterr().err
    assert get(preview, "/role.html")[0] == 200  # and the server goes on


def test_a_taken_port_is_a_usage_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UsageError, match=f"cannot serve on port {port}: another program"):
            Preview(tmp_path, port)
