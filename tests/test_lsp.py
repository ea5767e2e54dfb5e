"""`postlint server`, driven by a real LSP client over stdio (JSON-RPC with Content-Length framing)."""

from __future__ import annotations

import importlib.util
import json
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import ROOT

needs_pygls = pytest.mark.skipif(importlib.util.find_spec("pygls") is None,
                                 reason="needs pygls (pip install -e '.[lsp]')")
TIMEOUT = 15  # seconds for any single answer; a hung server fails the test instead of hanging CI
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # 👨‍👩‍👧‍👦: 4 emoji + 3 ZWJ
POST = f"{FAMILY} Grüße https://www.beispiel.de/seite #KI #Mittelstand\nUnser Team grüßt.\n"
# the link starts after 14 code points but 18 UTF-16 code units (each emoji takes two)
LINK = {"start": {"line": 0, "character": 18}, "end": {"line": 0, "character": 47}}


class Client:
    """A minimal LSP client: requests wait for their answer, notifications are kept in order."""

    def __init__(self, cwd: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "postlint", "server"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            headers = {}
            while (line := stream.readline().strip()):
                key, _, value = line.decode("ascii").partition(":")
                headers[key.lower()] = value.strip()
            if not headers:
                self.inbox.put(None)
                return
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, payload: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, predicate, what: str) -> dict:
        for i, message in enumerate(self.seen):
            if predicate(message):
                return self.seen.pop(i)
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                message = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {what} within {TIMEOUT} s; got {self.seen}") from None
            assert message is not None, f"server closed stdout: {self.proc.stderr.read().decode()}"
            if "method" in message and "id" in message:  # a request from the server, e.g. registerCapability
                self.send({"id": message["id"], "result": None})
            if predicate(message):
                return message
            self.seen.append(message)

    def request(self, method: str, params: dict):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        answer = self.wait_for(lambda m: m.get("id") == self.next_id and "method" not in m, f"answer to {method}")
        assert "error" not in answer, answer
        return answer["result"]

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        message = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri
                                and (version is None or m["params"].get("version") == version),
                                f"diagnostics for {uri} version {version}")
        return message["params"]["diagnostics"]


# the rules these tests are about, so that rules added later do not change the expectations
RULES = ("PL0", "PL1", "PL2", "PL3")
SELECT = f"select = {json.dumps(list(RULES))}\n"


@pytest.fixture
def workspace(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "postlint.toml").write_text(SELECT, encoding="utf-8")
    return folder


@pytest.fixture
def client(workspace):
    client = Client(workspace)
    capabilities = client.request("initialize", {
        "processId": None, "rootUri": workspace.as_uri(),
        "workspaceFolders": [{"uri": workspace.as_uri(), "name": "drafts"}],
        "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
                         "textDocument": {"hover": {"contentFormat": ["markdown"]}}},
    })
    assert capabilities["capabilities"]["positionEncoding"] == "utf-16"
    assert capabilities["capabilities"]["textDocumentSync"]["change"] == 1  # full
    assert capabilities["capabilities"]["textDocumentSync"]["save"] is not None
    client.notify("initialized", {})
    yield client
    if client.proc.poll() is None:
        client.proc.kill()
        client.proc.wait(timeout=TIMEOUT)


def open_doc(client: Client, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": text}})
    return uri


def change(client: Client, uri: str, version: int, text: str) -> None:
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                             "contentChanges": [{"text": text}]})


def offset(text: str, position: dict) -> int:
    """An LSP position (UTF-16 units) as a Python string index."""
    start = sum(len(line) for line in text.splitlines(keepends=True)[:position["line"]])
    units = 0
    for index, char in enumerate(text[start:]):
        if units >= position["character"]:
            return start + index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def apply(text: str, edit: dict) -> str:
    return text[:offset(text, edit["range"]["start"])] + edit["newText"] + text[offset(text, edit["range"]["end"]):]


def only_edit(action: dict, uri: str) -> dict:
    (edit,) = action["edit"]["changes"][uri]
    return edit


def by_code(diagnostics: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for d in diagnostics:
        found.setdefault(d["code"], []).append(d)
    return found


@pytest.mark.slow
@needs_pygls
def test_diagnostics_hover_and_clean_shutdown(client, workspace):
    other = open_doc(client, workspace / "notes.py", "https://www.beispiel.de\n")
    uri = open_doc(client, workspace / "post.md", POST)
    diagnostics = by_code(client.diagnostics(uri, 1))
    assert not [m for m in client.seen if m.get("params", {}).get("uri") == other]
    (link,) = diagnostics["PL301"]
    assert link["range"] == LINK
    assert link["severity"] == 2 and link["source"] == "postlint"
    assert link["message"] == "external link to beispiel.de"
    assert link["codeDescription"]["href"].endswith("/docs/rules/external-link.md")
    assert diagnostics["PL302"][0]["severity"] == 3 and diagnostics["PL302"][0]["range"] == LINK

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": 30}})
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("# external-link (PL301)")
    assert "# missing-utm (PL302)" in hover["contents"]["value"]
    assert hover["range"] == LINK
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 5}}) is None

    change(client, uri, 2, "Grüße aus Köln. #KI #Mittelstand\n")
    assert client.diagnostics(uri, 2) == []
    change(client, uri, 3, "---\nchannel: [x\n---\nText\n")
    (error,) = client.diagnostics(uri, 3)
    assert error["message"].startswith("malformed front matter")
    assert error["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []

    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=TIMEOUT) == 0


@pytest.mark.slow
@needs_pygls
def test_code_actions_suppress_for_real(client, workspace):
    uri = open_doc(client, workspace / "post.md", POST)
    (link,) = by_code(client.diagnostics(uri, 1))["PL301"]
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": link["range"],
                                                         "context": {"diagnostics": [link]}})
    titles = {a["title"]: a for a in actions}
    line_action = titles["Disable PL301 (external-link) for this line"]
    file_action = titles["Disable PL301 (external-link) in this file (front matter)"]
    assert line_action["kind"] == "quickfix"
    assert only_edit(line_action, uri)["newText"] == "<!-- postlint-disable-next-line PL301 -->\n"
    assert only_edit(file_action, uri)["newText"] == "---\npostlint:\n  ignore: [PL301]\n---\n"

    # applied, each action hides the finding without leaving an unused suppression behind
    for version, action in enumerate((line_action, file_action), start=2):
        edited = apply(POST, only_edit(action, uri))
        change(client, uri, version, edited)
        assert set(by_code(client.diagnostics(uri, version))) == {"PL302"}, edited

    # a second rule on the same line joins the existing comment instead of stacking another
    edited = apply(POST, only_edit(line_action, uri))
    change(client, uri, 4, edited)
    (utm,) = client.diagnostics(uri, 4)
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": utm["range"],
                                                         "context": {"diagnostics": [utm]}})
    edit = only_edit({a["title"]: a for a in actions}["Disable PL302 (missing-utm) for this line"], uri)
    joined = apply(edited, edit)
    assert joined.splitlines()[0] == "<!-- postlint-disable-next-line PL301 PL302 -->"
    change(client, uri, 5, joined)
    assert client.diagnostics(uri, 5) == []


@pytest.mark.slow
@needs_pygls
def test_config_changes_apply_without_restart(client, workspace):
    post = "Drei Learnings aus dem Projekt. #Digitalisierung #KI #Mittelstand #Vertrieb #Webinar\n"
    uri = open_doc(client, workspace / "post.md", post)
    assert "PL202" not in by_code(client.diagnostics(uri, 1))

    # no watched-file event: the server notices the change by mtime and size on the next lint
    (workspace / "postlint.toml").write_text(SELECT + "[rules.too-many-hashtags]\nmax = 3\n", encoding="utf-8")
    change(client, uri, 2, post)
    too_many = by_code(client.diagnostics(uri, 2))["PL202"]
    assert [d["message"] for d in too_many] == ["5 hashtags (max 3): #Vertrieb #Webinar"]
    assert too_many[0]["range"] == {"start": {"line": 0, "character": 66}, "end": {"line": 0, "character": 84}}

    # with the event, open documents are linted again at once
    (workspace / "postlint.toml").write_text(SELECT + "[rules.too-many-hashtags]\nmax = 4\nlevel = 'error'\n",
                                             encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": (workspace / "postlint.toml").as_uri(), "type": 2}]})
    (last,) = by_code(client.diagnostics(uri, 2))["PL202"]
    assert last["message"] == "5 hashtags (max 4): #Webinar" and last["severity"] == 1

    # saving lints again too, from the editor's text
    (workspace / "postlint.toml").write_text("[rules.too-many-hashtags]\nmaximum = 4\n", encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    (bad,) = client.diagnostics(uri, 2)
    assert "unknown option 'maximum' for rule too-many-hashtags" in bad["message"]


@pytest.mark.slow
@needs_pygls
def test_every_edit_of_a_long_post_is_linted_again(client, workspace):
    # speed is a benchmark figure, not an assertion: the median is printed (pytest -s), and
    # docs/performance.md records it
    (workspace / "postlint.toml").unlink()  # every rule a user gets by default
    paragraph = "Grüße aus Köln 👋 Drei Learnings aus unserem Kundenprojekt mit https://www.beispiel.de/blog. "
    post = (paragraph * 40)[:2960] + "\n#KI #Mittelstand\n"
    assert len(post) >= 2_970
    uri = open_doc(client, workspace / "post.md", post)
    client.diagnostics(uri, 1)
    timings = []
    for version in range(2, 52):
        edited = post.replace("Learnings", f"Learnings {version}", 1)
        start = time.perf_counter()
        change(client, uri, version, edited)
        assert client.diagnostics(uri, version)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"\nLSP re-lint of a {len(post):,}-character post, median of {len(timings)} edits: {median * 1000:.1f} ms")


@pytest.mark.slow
def test_server_without_pygls_fails_in_one_line():
    code = "import sys; sys.modules['pygls'] = None; from postlint.cli import main; main(['server'])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT)
    assert proc.returncode == 2
    assert proc.stderr == "postlint: error: `postlint server` needs pygls: pip install 'postlint[lsp]'\n"


@needs_pygls
@pytest.mark.parametrize("front", [
    "---\nchannel: linkedin\n---\n",
    "---\npostlint: {ignore: [PL302]}\n---\n",
    "---\npostlint:\n  ignore:\n    - PL302\nchannel: linkedin\n---\n",
    "",
])
@pytest.mark.slow
def test_front_matter_ignore_keeps_existing_settings(front):
    import postlint
    from postlint.lsp import Text, ignore_edit

    text = front + POST
    edit = ignore_edit(Text(text, "utf-16"), "PL301", "\n")
    start, end = edit.range.start, edit.range.end
    edited = apply(text, {"range": {"start": {"line": start.line, "character": start.character},
                                    "end": {"line": end.line, "character": end.character}},
                          "newText": edit.new_text})
    before = {f.code for f in postlint.lint_text(text, path="post.md", select=RULES)}
    after = {f.code for f in postlint.lint_text(edited, path="post.md", select=RULES)}
    assert "PL301" in before and after == before - {"PL301"}, edited


@needs_pygls
def test_a_findings_fix_becomes_the_preferred_quick_fix():
    from postlint.linter import Linter, Options
    from postlint.lsp import Text, code_actions, diagnostic
    from postlint.problem import Fix

    linter = Linter(Options(select=RULES))
    (finding,) = [f for f in linter.lint_text(POST, Path("post.md"), "post.md").findings if f.code == "PL301"]
    fixed = type(finding)(**{**{k: getattr(finding, k) for k in finding.__slots__},
                             "fix": Fix(finding.start, finding.end, "https://www.linkedin.com/", safe=True)})
    diag = diagnostic(fixed, Text(POST, "utf-16"), 0)
    (fix, *suppressions) = code_actions("file:///post.md", POST, [diag], "utf-16")
    assert fix.title == "Fix PL301 (external-link)" and fix.is_preferred
    (edit,) = fix.edit.changes["file:///post.md"]
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (18, 47, "https://www.linkedin.com/")
    assert len(suppressions) == 2


@needs_pygls
@pytest.mark.parametrize("encoding, units", [("utf-16", 4), ("utf-8", 7), ("utf-32", 3)])
def test_columns_follow_the_negotiated_encoding(encoding, units):
    from postlint.lsp import Text

    text = Text("Gü\U0001F44Bx\nzweite Zeile", encoding)
    assert text.position(0, 3).character == units
    assert text.at_offset(len("Gü\U0001F44Bx\nzwei")).character == 4


@needs_pygls
@pytest.mark.slow
@pytest.mark.parametrize(("configured", "german"), [("", True), ('language = "en"\n', False)])
def test_client_locale_chooses_the_language(workspace, configured, german):
    """A client showing German (`locale: de-DE` in initialize) gets German diagnostics and
    hovers, unless the configuration names the language."""
    (workspace / "postlint.toml").write_text(SELECT + configured, encoding="utf-8")
    client = Client(workspace)
    try:
        client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(), "locale": "de-DE",
                                      "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown"]}}}})
        client.notify("initialized", {})
        uri = open_doc(client, workspace / "post.md", POST)
        (link,) = by_code(client.diagnostics(uri, 1))["PL301"]
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": {"line": 0, "character": 30}})
        docs = hover["contents"]["value"]
        if german:
            assert link["message"] == "externer Link zu beispiel.de"
            assert "## Was die Regel prüft" in docs and "## Quellen" in docs
        else:
            assert link["message"] == "external link to beispiel.de"
            assert "## What it does" in docs
    finally:
        client.proc.kill()
        client.proc.wait(timeout=TIMEOUT)
