"""Test helpers: lint a text with rule overrides and get compact `line:col CODE` results."""

from __future__ import annotations

from pathlib import Path

from postlint import config as config_mod
from postlint import registry
from postlint.linter import Linter, Options
from postlint.source import decode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def make_config(rules: dict | None = None, **top) -> config_mod.Config:
    data = dict(top)
    if rules:
        data["rules"] = rules
    return config_mod.parse(data, "test-config", ROOT, "")


def lint(text: str, *, rules: dict | None = None, channel: str | None = None, select=None, path="draft.md",
         **top):
    linter = Linter(Options(channel=channel, select=tuple(select) if select else None), make_config(rules, **top))
    return linter.lint_text(decode(text.encode("utf-8")), Path(path), path).findings


def compact(findings, code: str | None = None) -> list[str]:
    return [f"{f.line}:{f.column} {f.code}" for f in findings if code is None or f.code == code]


def rule_examples(rule: registry.Rule) -> tuple[str, str]:
    """The `## Example` and `Use instead:` code blocks of a rule's docs."""
    doc = rule.doc
    example = doc.split("## Example", 1)[1]
    bad = example.split("```text\n", 1)[1].split("\n```", 1)[0]
    good = example.split("Use instead:", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    return bad, good
