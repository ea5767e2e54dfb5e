"""`postlint server`: the linter inside editors, over the Language Server Protocol on stdio.

Lints `.md`, `.markdown` and `.txt` documents on open, change and save from the editor's
text (not the file on disk). Diagnostic ranges use the negotiated position encoding, UTF-16
unless the client asks for another. Hover shows the rule's docs; quick fixes apply a
finding's fix or add a suppression comment or front matter `ignore`.
"""

from __future__ import annotations

import bisect
import functools
import json
from pathlib import Path

import regex
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from postlint import __version__, docgen, frontmatter, i18n, registry, source, suppress
from postlint import config as config_mod
from postlint.linter import Linter
from postlint.paths import docs_url
from postlint.problem import ConfigError, InputError, Level, short

SUFFIXES = (".md", ".markdown", ".txt")
SEVERITIES = {Level.ERROR: lsp.DiagnosticSeverity.Error, Level.WARNING: lsp.DiagnosticSeverity.Warning,
              Level.INFO: lsp.DiagnosticSeverity.Information}
CONFIG_GLOB = "**/{" + ",".join(config_mod.CONFIG_FILES) + "}"
WHOLE_LINE_NOTE = regex.compile(r"^\s*<!--((?:(?!-->).)*)-->\s*$")
PLAIN_CODE = regex.compile(r"^[\w-]+$")


def unit_counter(encoding: str | None):
    """Length of a string in the position encoding's code units.

    Encoding to count is C speed; a Python loop per character costs milliseconds on the
    long single-line paragraphs of a post.
    """
    if encoding == lsp.PositionEncodingKind.Utf8:
        return lambda text: len(text.encode("utf-8", "surrogatepass"))
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len
    return lambda text: len(text.encode("utf-16-le", "surrogatepass")) // 2


class Text:
    """Linted text (LF line breaks) with conversions from code points to the client's units."""

    def __init__(self, raw: str, encoding: str | None):
        self.raw = raw
        self.lines = raw.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.units = unit_counter(encoding)

    def position(self, line: int, column: int) -> lsp.Position:
        """0-based line and code-point column to an LSP position."""
        text = self.lines[line] if line < len(self.lines) else ""
        return lsp.Position(line=line, character=self.units(text[:column]))

    def at_offset(self, offset: int) -> lsp.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.position(line, offset - self.starts[line])

    def span(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.at_offset(start), end=self.at_offset(end))


def _plain(range_: lsp.Range) -> dict:
    return {"start": {"line": range_.start.line, "character": range_.start.character},
            "end": {"line": range_.end.line, "character": range_.end.character}}


def _file_diagnostic(message: str) -> lsp.Diagnostic:
    start = lsp.Position(line=0, character=0)
    return lsp.Diagnostic(range=lsp.Range(start=start, end=start), message=message,
                          severity=lsp.DiagnosticSeverity.Error, source="postlint")


def diagnostic(finding, text: Text, body_start: int) -> lsp.Diagnostic:
    """A finding as an LSP diagnostic; `data` is what the code actions need later."""
    rule = registry.lookup(finding.code)
    fix = finding.fix
    data = {
        "code": finding.code,
        "name": finding.name,
        "line": finding.line - 1,
        "in_body": finding.start >= body_start,
        # meta rules that report on suppressions run after them and cannot be suppressed
        "suppressible": rule.phase != "after-suppressions",
        "fix": None if fix is None else {"range": _plain(text.span(fix.start, fix.end)), "newText": fix.content,
                                         "safe": fix.safe},
    }
    return lsp.Diagnostic(
        range=lsp.Range(start=text.position(finding.line - 1, finding.column - 1),
                        end=text.position(finding.end_line - 1, finding.end_column - 1)),
        message=finding.message, severity=SEVERITIES[finding.level], code=finding.code, source="postlint",
        code_description=lsp.CodeDescription(href=docs_url(finding.name)), data=data)


def _config_stamp(directory: Path) -> tuple:
    """Size and mtime of every config file discovery could read for `directory`."""
    stamp = []
    for folder in (directory, *directory.parents):
        for name in config_mod.CONFIG_FILES:
            try:
                stat = (folder / name).stat()
            except OSError:
                continue
            stamp.append((str(folder / name), stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


# -- code actions -------------------------------------------------------------------------------
def disable_line_edit(text: Text, line: int, code: str, newline: str) -> lsp.TextEdit:
    """Add `code` to a disable-next-line comment right above `line`, or insert one.

    A second comment between the existing one and the line would leave the first one
    covering only the new comment, an unused suppression.
    """
    note = WHOLE_LINE_NOTE.match(text.lines[line - 1]) if line > 0 else None
    directive = suppress.directive(note.group(1)) if note else None
    if directive and directive[0] == "disable-next-line":
        at = text.position(line - 1, note.start(1) + directive[2])
        return lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=f" {code}")
    indent = text.lines[line][:len(text.lines[line]) - len(text.lines[line].lstrip())]
    at = lsp.Position(line=line, character=0)
    return lsp.TextEdit(range=lsp.Range(start=at, end=at),
                        new_text=f"{indent}<!-- postlint-disable-next-line {code} -->{newline}")


def ignore_edit(text: Text, code: str, newline: str) -> lsp.TextEdit | None:
    """Add `code` to `postlint: {ignore: [...]}` in the front matter, creating what is missing."""
    try:
        fm = source.split_front_matter(text.raw)
    except InputError:
        return None
    entry = f"postlint:{newline}  ignore: [{code}]{newline}"
    if not source.FRONT_MATTER.match(text.raw):
        at = lsp.Position(line=0, character=0)
        return lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=f"---{newline}{entry}---{newline}")
    if "postlint" not in fm.data:
        at = lsp.Position(line=1, character=0)
        return lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=entry)
    meta, problems = frontmatter.validate({"postlint": fm.data["postlint"]})
    if problems:
        return None
    codes = [c if PLAIN_CODE.match(c) else json.dumps(c) for c in [*meta["postlint"]["ignore"], code]]
    start, end = fm.value_spans["postlint"]
    end = start + len(text.raw[start:end].rstrip())
    return lsp.TextEdit(range=text.span(start, end), new_text="{ignore: [" + ", ".join(codes) + "]}")


def code_actions(uri: str, document: str, diagnostics: list[lsp.Diagnostic],
                 encoding: str | None, published: list[lsp.Diagnostic] = ()) -> list[lsp.CodeAction]:
    """The quick fixes for `diagnostics` as the client sent them back: a finding's fix, and
    its suppression on the line or in the file. Identical actions are offered once."""
    try:
        text = Text(source.decode(document.encode("utf-8", "surrogatepass")), encoding)
    except InputError:
        return []
    newline = "\r\n" if "\r\n" in document else "\n"
    body_line = _body_line(text)
    actions, offered = [], {}

    def action(title: str, edit: lsp.TextEdit | None, diag: lsp.Diagnostic, preferred: bool = False):
        if edit is None:
            return
        key = (title, edit.range.start.line, edit.range.start.character, edit.range.end.line,
               edit.range.end.character, edit.new_text)
        if key in offered:  # a second diagnostic on the line: the same action, offered once
            offered[key].diagnostics.append(diag)
            return
        offered[key] = lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                                      is_preferred=preferred, edit=lsp.WorkspaceEdit(changes={uri: [edit]}))
        actions.append(offered[key])

    for diag in diagnostics:
        data = _action_data(diag, len(text.lines), published, body_line)
        if data is None:
            continue
        code, name = data["code"], data["name"]
        if data["fix"]:
            fix = data["fix"]
            r = fix["range"]
            edit = lsp.TextEdit(range=lsp.Range(start=lsp.Position(**r["start"]), end=lsp.Position(**r["end"])),
                                new_text=fix["newText"].replace("\n", newline))
            title = i18n.t("Fix {code} ({name})", code=code, name=name) if fix["safe"] else \
                i18n.t("Fix {code} ({name}) (unsafe)", code=code, name=name)
            action(title, edit, diag, preferred=fix["safe"])
        if not data["suppressible"]:
            continue
        if data["in_body"] and data["line"] < len(text.lines):
            action(i18n.t("Disable {code} ({name}) for this line", code=code, name=name),
                   disable_line_edit(text, data["line"], code, newline), diag)
        action(i18n.t("Disable {code} ({name}) in this file (front matter)", code=code, name=name),
               ignore_edit(text, code, newline), diag)
    return actions


def _body_line(text: Text) -> int:
    """The 0-based line where the post starts (after the front matter)."""
    try:
        end = source.split_front_matter(text.raw).end
    except InputError:
        return 0
    return bisect.bisect_right(text.starts, end) - 1


def _action_data(diag: lsp.Diagnostic, lines: int, published=(), body_line: int = 0) -> dict | None:
    """What the code actions need of one of our diagnostics; None for any other.

    Clients send the diagnostic back as they keep it: with `data` as published, without
    the keys whose value was null (Neovim: Lua has no null), with keys added, or without
    `data`. The published diagnostic with the same code and range has it as the server
    made it; else what the client sent is checked key by key, and what is missing comes
    from the diagnostic's code and range (a fix only from a complete, valid `data`)."""
    data = diag.data if isinstance(diag.data, dict) else {}
    if diag.source not in (None, "postlint"):
        return None
    code = data.get("code") if isinstance(data.get("code"), str) else diag.code
    rule = registry.lookup(code) if isinstance(code, str) else None
    if rule is None or rule.code != code:
        return None
    for mine in published:
        if mine.code == code and mine.range == diag.range:
            return mine.data
    line = data.get("line")
    if not (type(line) is int and 0 <= line <= lines):
        line = diag.range.start.line
        if not 0 <= line <= lines:
            return None
    in_body = data.get("in_body")
    return {"code": rule.code, "name": rule.name, "line": line,
            "in_body": in_body if isinstance(in_body, bool) else line >= body_line,
            "suppressible": rule.phase != "after-suppressions",
            "fix": _valid_fix(data.get("fix"))}


def _valid_fix(fix) -> dict | None:
    """A fix from a diagnostic's `data` if it has the form `diagnostic` gives it, else None."""
    try:
        ends = [fix["range"]["start"], fix["range"]["end"]]
        if isinstance(fix["newText"], str) and isinstance(fix["safe"], bool) and all(
                isinstance(end, dict) and set(end) == {"line", "character"}
                and all(type(v) is int and 0 <= v < 2**31 for v in end.values()) for end in ends):
            return fix
    except (KeyError, TypeError, IndexError):
        pass
    return None


FIX_ALL = "source.fixAll.postlint"


def fix_all_action(uri: str, document: str, fixed: str, encoding: str | None) -> lsp.CodeAction | None:
    """"Fix all postlint problems": one edit from the first to the last character that the
    fix loop changed (`fixed`, the whole document after it), or None when nothing changes."""
    if fixed == document:
        return None
    start = 0
    limit = min(len(document), len(fixed))
    while start < limit and document[start] == fixed[start]:
        start += 1
    tail = 0
    while tail < limit - start and document[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    if 0 < start < len(document) and document[start - 1] == "\r" and document[start] == "\n":
        start -= 1  # never between the two characters of a CRLF line break
    end = len(document) - tail
    if 0 < end < len(document) and document[end - 1] == "\r" and document[end] == "\n":
        end += 1
    new_end = len(fixed) - (len(document) - end)
    units = unit_counter(encoding)
    edit = lsp.TextEdit(range=lsp.Range(start=_document_position(document, start, units),
                                        end=_document_position(document, end, units)),
                        new_text=fixed[start:new_end])
    return lsp.CodeAction(title=i18n.t("Fix all postlint problems"), kind=FIX_ALL,
                          edit=lsp.WorkspaceEdit(changes={uri: [edit]}))


LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def _document_position(document: str, offset: int, units) -> lsp.Position:
    """The LSP position of a code point offset into the document as the client has it
    (CRLF, CR and LF each end a line)."""
    line, start = 0, 0
    for match in LINE_BREAK.finditer(document, 0, offset):
        line, start = line + 1, match.end()
    return lsp.Position(line=line, character=units(document[start:offset]))


@functools.cache
def rule_docs(code: str, language: str = i18n.DEFAULT) -> str:
    return docgen.render(registry.lookup(code), language)


def _contains(range_: lsp.Range, position: lsp.Position) -> bool:
    at = (position.line, position.character)
    return (range_.start.line, range_.start.character) <= at <= (range_.end.line, range_.end.character)


# -- the server ---------------------------------------------------------------------------------
class _Unreadable:
    """A request whose params do not have the form its method needs: answered with the
    JSON-RPC error pygls raised for it (pygls logged it and left the request unanswered)."""

    def __init__(self, msg_id, error: JsonRpcException):
        self.id, self.error = msg_id, error


class PostlintProtocol(LanguageServerProtocol):
    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            msg_id = data.get("id") if isinstance(data, dict) else None
            if "method" in data and isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool):
                return _Unreadable(msg_id, exc)
            raise

    def handle_message(self, message):
        if isinstance(message, _Unreadable):
            self._send_response(message.id, None, message.error.to_response_error())
            return
        if not hasattr(message, "jsonrpc"):  # valid JSON, but no JSON-RPC message (a list, a number)
            return
        super().handle_message(message)


class PostlintServer(LanguageServer):
    def __init__(self):
        # full sync: pygls splits lines for incremental edits with str.splitlines, which also
        # breaks at U+2028 and friends, so its offsets would disagree with the client's
        super().__init__("postlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full,
                         protocol_cls=PostlintProtocol)
        self.linter = Linter()
        self.locale: str | None = None  # the client's user-interface language (initialize), if supported
        self.config_stamps: dict[Path, tuple] = {}
        self.published: dict[str, list[lsp.Diagnostic]] = {}

    def forget_config(self) -> None:
        config_mod.discover.cache_clear()
        # a fresh Linter too: its caches are keyed by id() of Config objects that are now gone
        self.linter = Linter()
        self.config_stamps.clear()

    def diagnose(self, document: str, path: Path) -> list[lsp.Diagnostic]:
        directory = path.resolve().parent
        stamp = _config_stamp(directory)
        if self.config_stamps.get(directory, stamp) != stamp:
            self.forget_config()
        self.config_stamps[directory] = stamp
        try:
            cfg = self.linter.config_for(path)
            self.speak(cfg)
            if cfg.excluded(path):
                return []
            result = self.linter.lint_bytes(document.encode("utf-8", "surrogatepass"), path, path.as_posix())
        except ConfigError as exc:
            return [_file_diagnostic(str(exc))]
        errors = [_file_diagnostic(result.error)] if result.error else []
        if result.draft is None:
            return errors
        text = Text(result.draft.raw, self.workspace.position_encoding)
        return errors + [diagnostic(f, text, result.draft.body_start) for f in result.findings]

    def fix_all(self, document: str, path: Path) -> str:
        """The document after the fix loop of `check --fix` (safe fixes), or as it is."""
        from postlint import fixes

        try:
            if self.linter.config_for(path).excluded(path):
                return document
            fixed = fixes.fix_input(self.linter, document.encode("utf-8", "surrogatepass"), path, path.as_posix(),
                                    unsafe=False)
        except (ConfigError, InputError):
            return document
        return fixed.after
    def speak(self, cfg: config_mod.Config) -> str:
        """Use the message language for a document: `language` in its configuration, else
        the client's locale, else English; returns it."""
        return i18n.use(cfg.language or self.locale)

    def lint(self, uri: str) -> None:
        if uri not in self.workspace.text_documents:  # a change or save of a document never opened
            return
        document = self.workspace.get_text_document(uri)
        path = Path(document.path)
        if path.suffix.lower() not in SUFFIXES:
            return
        self.published[uri] = self.diagnose(document.source, path)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=self.published[uri]))


def create_server() -> PostlintServer:
    server = PostlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: PostlintServer, params: lsp.InitializeParams):
        ls.locale = i18n.normalize(params.locale)  # "de", "de-DE", "de-AT": German
        i18n.use(ls.locale)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: PostlintServer, params: lsp.InitializedParams):
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched and watched.dynamic_registration:
            options = lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=CONFIG_GLOB)])
            ls.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
                id="postlint-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PostlintServer, params: lsp.DidOpenTextDocumentParams):
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PostlintServer, params: lsp.DidChangeTextDocumentParams):
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PostlintServer, params: lsp.DidSaveTextDocumentParams):
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PostlintServer, params: lsp.DidCloseTextDocumentParams):
        if ls.published.pop(params.text_document.uri, None) is not None:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                              diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: PostlintServer, params: lsp.DidChangeWatchedFilesParams):
        if any(Path(to_fs_path(c.uri) or c.uri).name in config_mod.CONFIG_FILES for c in params.changes):
            ls.forget_config()
            for uri in list(ls.published):
                ls.lint(uri)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: PostlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        published = ls.published.get(params.text_document.uri, [])
        hits = [d for d in published if d.code and _contains(d.range, params.position)]
        if not hits:
            return None
        path = Path(to_fs_path(params.text_document.uri) or params.text_document.uri)
        try:
            language = ls.speak(ls.linter.config_for(path))
        except ConfigError:
            language = i18n.use(ls.locale)
        docs = "\n\n---\n\n".join(rule_docs(code, language) for code in dict.fromkeys(d.code for d in hits))
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=docs), range=hits[0].range)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: PostlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        if uri not in ls.workspace.text_documents:  # else pygls reads the disk
            raise JsonRpcInvalidParams(f"document not open: {short(uri)}")
        document = ls.workspace.get_text_document(uri)
        only = params.context.only

        def wanted(kind: str) -> bool:  # `only: ["source"]` asks for every source action
            return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)

        actions = []
        if wanted(lsp.CodeActionKind.QuickFix):
            actions += code_actions(uri, document.source, params.context.diagnostics, ls.workspace.position_encoding,
                                    ls.published.get(uri, []))
        if wanted(FIX_ALL) and Path(document.path).suffix.lower() in SUFFIXES:
            fixed = ls.fix_all(document.source, Path(document.path))
            action = fix_all_action(uri, document.source, fixed, ls.workspace.position_encoding)
            if action is not None:
                actions.append(action)
        return actions

    return server
