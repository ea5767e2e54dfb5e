"""Meta-tests that keep every rule documented, configured, tested and honest."""

from __future__ import annotations

import tomllib

import pytest
import regex

from helpers import ROOT, compact, lint, rule_examples
from postlint import docgen, packs, registry
from postlint.config import check_rule_table

RULES = registry.rules()
IDS = [r.code for r in RULES]
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "Use instead:"]


def test_codes_and_names_are_unique_and_well_formed():
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert regex.fullmatch(r"PL\d{3}", rule.code)
        assert regex.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)
        assert not rule.name.startswith(("no-", "disallow-", "prefer-")), rule.name


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_family_digit_matches_code(rule):
    digit = regex.search(r"\(PL(\d)xx\)", rule.family_doc)
    assert digit, f"family {rule.family} docstring must name its code range"
    assert rule.code[2] == digit.group(1)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docstring_structure(rule):
    doc = rule.doc
    summary = doc.strip().splitlines()[0]
    assert summary.endswith(".") and len(summary) < 90
    positions = [doc.find(s) for s in SECTIONS]
    assert all(p > 0 for p in positions) and positions == sorted(positions), rule.code
    assert ("## Options" in doc) == bool(rule.options)


@pytest.mark.parametrize("rule", [r for r in RULES if r.options], ids=[r.code for r in RULES if r.options])
def test_documented_options_are_the_real_options(rule):
    section = rule.doc.split("## Options", 1)[1].split("\n## ", 1)[0]
    documented = set(regex.findall(r"^- `([a-z0-9-]+)`", section, flags=regex.M))
    assert documented == set(rule.options)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_pack_defaults_are_complete_and_valid(rule):
    table = packs.core_pack()[rule.name]
    assert table["level"] in ("error", "warning", "info")
    assert set(rule.options) <= set(table), f"missing defaults: {set(rule.options) - set(table)}"
    check_rule_table(table, rule, f"core.{rule.name}", pack=True)


def test_every_pack_table_names_a_rule():
    assert set(packs.core_pack()) == {r.name for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_citations_resolve(rule):
    cites = packs.citations()
    for cid in packs.core_pack()[rule.name]["cite"]:
        entry = cites[cid]
        if entry.get("external"):
            assert entry["as_of"] and entry["title"]
        else:
            seed = ROOT.parent / "shared" / "seeds" / entry["document"]
            assert entry["lines"] and entry["quote"]
            if seed.is_file():
                first = int(regex.match(r"\d+", entry["lines"]).group())
                assert first <= len(seed.read_text(encoding="utf-8").splitlines())


def test_lexicons_are_clean():
    for path in packs.data_path("core", "lexicons").glob("*.txt"):
        terms = [t.casefold() for t in packs.lexicon(path.stem)]
        assert terms, path
        assert len(terms) == len(set(terms)), f"duplicates in {path.name}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_has_fixtures_that_fire_and_stay_silent(rule):
    path = ROOT / "tests" / "fixtures" / f"{rule.code}.toml"
    assert path.is_file(), f"missing {path}"
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    assert any(c["expect"] for c in cases) and any(not c["expect"] for c in cases)


def test_every_fixture_names_a_rule():
    for path in (ROOT / "tests" / "fixtures").glob("*.toml"):
        assert registry.lookup(tomllib.loads(path.read_text(encoding="utf-8"))["rule"]) is not None, path


def _off_everywhere(rule) -> bool:
    return not any(settings.get("enabled", label == "default")
                   for label, settings in docgen.scope_rows(packs.core_pack()[rule.name]))


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docs_examples_do_not_lie(rule):
    bad, good = rule_examples(rule)
    # a rule the pack turns on nowhere (the user picks where) is judged turned on
    rules = {rule.name: {"enabled": True}} if _off_everywhere(rule) else None
    # a rule that needs configuration (names, terms) shows it in a `toml` block of its Example
    example = rule.doc.split("## Example", 1)[1].split("## Options", 1)[0]
    if "```toml\n" in example:
        configured = tomllib.loads(example.split("```toml\n", 1)[1].split("\n```", 1)[0])["rules"]
        rules = {name: {**(rules or {}).get(name, {}), **table} for name, table in configured.items()}
    assert compact(lint(bad, rules=rules), rule.code), f"the Example of {rule.code} does not trigger it"
    assert compact(lint(good, rules=rules)) == [], f"the 'Use instead' of {rule.code} triggers findings"


def test_generated_docs_are_current():
    assert docgen.main([str(ROOT / "docs" / "rules"), "--check"]) == 0, \
        "run: python -m postlint.docgen docs/rules"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_option_examples_in_the_docs_are_valid_configuration(rule):
    """An Options bullet may show a value: `brands = ["Planwise"]`. It must be what the
    configuration accepts, as written."""
    options = rule.doc.split("## Options", 1)[-1] if "## Options" in rule.doc else ""
    for name in rule.options:
        for example in regex.findall(rf"`({regex.escape(name)} = [^`]+)`", options):
            table = tomllib.loads(example)
            check_rule_table(table, rule, f"{rule.name} docs")
