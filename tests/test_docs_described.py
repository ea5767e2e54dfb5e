"""The examples of docs/front-matter.md and docs/accounts.md, run as written: each
`# <name>.toml` block is written to that file, each draft block to the file the next
console block checks, and the command's output must be the console block's."""

from __future__ import annotations

import shlex
import tomllib

import pytest
import regex
from click.testing import CliRunner

from helpers import ROOT
from postlint import accounts, cli
from postlint.config import discover

BLOCK = regex.compile(r"```(\w+)\n(.*?)```", regex.S)


def steps(doc: str):
    """(draft text or None, toml files so far, command, expected output) per console block."""
    files, draft = {}, None
    for kind, body in BLOCK.findall((ROOT / "docs" / doc).read_text(encoding="utf-8")):
        if kind == "toml" and (name := regex.match(r"# (\S+\.toml)\n", body)):
            files[name.group(1)] = body
        elif kind == "markdown":
            draft = body
        elif kind == "console":
            command, *output = body.rstrip("\n").split("\n")
            yield draft, dict(files), shlex.split(command.removeprefix("$ "))[1:], output


def test_the_first_accounts_example_is_valid_and_has_every_field():
    body = BLOCK.findall((ROOT / "docs" / "accounts.md").read_text(encoding="utf-8"))[0][1]
    found = accounts.parse(tomllib.loads(body), "accounts.toml")
    assert found.default == "jana" and set(found.by_name) == {"jana", "muster"}
    used = {key for table in tomllib.loads(body).values() if isinstance(table, dict) for key in table}
    assert used == set(accounts.FIELDS)


@pytest.mark.slow  # the rules' language analysis loads spaCy
@pytest.mark.parametrize("doc", ["front-matter.md", "accounts.md"])
def test_the_examples_print_what_the_docs_show(doc, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postlint.toml").write_text("", encoding="utf-8")
    count = 0
    for draft, files, args, expected in steps(doc):
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        if draft is not None:
            (tmp_path / args[-1]).write_text(draft, encoding="utf-8")
        discover.cache_clear()  # the accounts file changed between the examples
        result = CliRunner().invoke(cli.main, args)
        assert result.output.rstrip("\n").split("\n") == expected, " ".join(args)
        count += 1
    assert count >= 3
