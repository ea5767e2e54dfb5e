"""Test helpers: lint a text with rule overrides and get compact `line:col CODE` results.

A text may hold several drafts, for the rules that look across drafts (the schedule): each
starts with a line `==> path <==`, as `tail` prints several files. They are linted as one
run, and `compact` shows the path of each finding: `drafts/b.md:3:12 PL601`.
"""

from __future__ import annotations

from pathlib import Path

import regex

from postlint import config as config_mod
from postlint import registry
from postlint.linter import Linter, Options
from postlint.source import decode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DRAFT_HEADER = regex.compile(r"^==> (.+?) <==\n", regex.M)


def make_config(rules: dict | None = None, **top) -> config_mod.Config:
    data = dict(top)
    if rules:
        data["rules"] = rules
    return config_mod.parse(data, "test-config", ROOT, "")


def lint(text: str, *, rules: dict | None = None, channel: str | None = None, select=None, path="draft.md",
         **top):
    linter = Linter(Options(channel=channel, select=tuple(select) if select else None), make_config(rules, **top))
    results = [linter.lint_text(decode(part.encode("utf-8")), Path(name), name, defer=True)
               for name, part in drafts(text, path)]
    linter.complete(results)
    findings = [finding for result in results for finding in result.findings]
    return Several(findings) if len(results) > 1 else findings


class Several(list):
    """The findings of several drafts linted as one run."""


def drafts(text: str, path: str) -> list[tuple[str, str]]:
    """(path, text) of each draft in `text`: the `==> path <==` sections, or the whole text."""
    if not DRAFT_HEADER.match(text):
        return [(path, text)]
    parts = DRAFT_HEADER.split(text)[1:]
    return list(zip(parts[::2], parts[1::2], strict=True))


def compact(findings, code: str | None = None) -> list[str]:
    path = isinstance(findings, Several)
    return [f"{f.path + ':' if path else ''}{f.line}:{f.column} {f.code}" for f in findings
            if code is None or f.code == code]


def rule_accounts(rule: registry.Rule) -> tuple[dict, dict]:
    """`accounts=` for `lint` of a rule's `## Example` and of its `Use instead:`: the
    `# accounts.toml` block each shows (the Example's, when `Use instead:` shows none)."""
    import tomllib

    example = rule.doc.split("## Example", 1)[1]
    bad, _, good = example.partition("Use instead:")
    pattern = r"```toml\n(# accounts\.toml\n.*?)\n```"
    found = [regex.search(pattern, part, flags=regex.S) for part in (bad, good)]
    tables = [{"accounts": tomllib.loads(block.group(1))} if block else {} for block in found]
    return tables[0], tables[1] or tables[0]


def rule_examples(rule: registry.Rule) -> tuple[str, str]:
    """The `## Example` and `Use instead:` code blocks of a rule's docs."""
    doc = rule.doc
    example = doc.split("## Example", 1)[1]
    bad = example.split("```text\n", 1)[1].split("\n```", 1)[0]
    good = example.split("Use instead:", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    return bad, good
