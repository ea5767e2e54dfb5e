"""Run every case of tests/fixtures/<CODE>.toml: the rule's findings must match `expect`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from helpers import compact, lint

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.toml"))


def cases():
    for path in FIXTURES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize(("code", "case"), list(cases()))
def test_fixture(code, case):
    rules = {code: case["config"]} if "config" in case else None
    accounts = {"accounts": case["accounts"]} if "accounts" in case else {}  # inline accounts file
    findings = lint(case["text"], rules=rules, channel=case.get("channel"), **accounts)
    assert compact(findings, code) == case["expect"]
    for finding, fragment in zip([f for f in findings if f.code == code], case.get("messages", [])):
        assert fragment in finding.message
