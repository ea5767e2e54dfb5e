"""Meta-tests that keep every rule documented, configured, tested and honest."""

from __future__ import annotations

import tomllib

import pytest
import regex

from helpers import ROOT, compact, lint, rule_accounts, rule_examples
from postlint import config as config_mod, docgen, packs, registry
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
    # (the account rules' blocks are accounts files: rule_accounts reads those)
    example = rule.doc.split("## Example", 1)[1].split("## Options", 1)[0]
    blocks = [tomllib.loads(block.split("\n```", 1)[0]) for block in example.split("```toml\n")[1:]]
    for configured in (block["rules"] for block in blocks if "rules" in block):
        rules = {name: {**(rules or {}).get(name, {}), **table} for name, table in configured.items()}
    bad_accounts, good_accounts = rule_accounts(rule)  # the accounts files the account rules' docs show
    assert compact(lint(bad, rules=rules, **bad_accounts), rule.code), f"the Example of {rule.code} does not trigger it"
    assert compact(lint(good, rules=rules, **good_accounts)) == [], \
        f"the 'Use instead' of {rule.code} triggers findings"


def test_generated_docs_are_current():
    assert docgen.main([str(ROOT / "docs" / "rules"), "--check"]) == 0, \
        "run: python -m postlint.docgen docs/rules"


# -- the docs in German and for readers -----------------------------------------------------------
def _option_names(section: str) -> list[str]:
    return regex.findall(r"^- `([^`]+)`", section, flags=regex.M)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_has_german_docs_with_the_same_sections(rule):
    """rules/core/docs-de/<name>.md: a summary line, then the docstring's sections (but the
    Example, which is shared) under their German headings, with the same options."""
    path = packs.data_path("core", "docs-de", f"{rule.name}.md")
    assert path.is_file(), f"missing {path}: see CONTRIBUTING.md, 'Rule docs in German'"
    summary, english = docgen.sections(rule.doc)
    german_summary, german = docgen.sections(path.read_text(encoding="utf-8"))
    assert german_summary and not german_summary.startswith("#")
    expected = [docgen.DE_SECTIONS[h] for h in english if h in docgen.TRANSLATED]
    assert list(german) == expected, f"{path.name}: sections {list(german)}, expected {expected}"
    assert all(body.strip() for body in german.values())
    if "Options" in english:
        assert _option_names(german["Optionen"]) == _option_names(english["Options"])


def test_every_german_doc_names_a_rule():
    names = {r.name for r in RULES}
    for path in packs.data_path("core", "docs-de").glob("*.md"):
        assert path.stem in names, f"{path.name} names no rule"


INTERNAL = regex.compile(r"\d{3}_[0-9a-f]{16}\.txt|platform-facts\.md|rule-catalogue\.md|\b00\d:\d|guidance 00\d")


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docs_cite_sources_as_readers_find_them(rule, language):
    """Sources by title and chapter ("Bitkom, Social-Media-Leitfaden (3. Auflage), Kap. 6.3.1"),
    never the project's file names or line numbers, which readers do not have."""
    page = docgen.render(rule, language)
    assert not INTERNAL.search(page), INTERNAL.search(page)[0]
    cites = packs.citations()
    for cid in packs.core_pack()[rule.name].get("cite", []):
        entry = cites[cid]
        if not entry.get("external"):
            source = packs.sources()[entry["document"]]
            assert source["title"] in page and docgen.section_of(entry["document"], int(
                regex.match(r"\d+", entry["lines"])[0])) in page


def test_sources_name_every_cited_document():
    sources = packs.sources()
    for entry in packs.citations().values():
        if not entry.get("external"):
            assert entry["document"] in sources
    for document, source in sources.items():
        starts = [start for start, _ in source["sections"]]
        assert starts == sorted(starts) and source["title"] and source["short"], document


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_configuration_examples_load(rule, language, tmp_path):
    """The docs' configuration examples, copied into postlint.toml and pyproject.toml as
    written, load and configure the rule."""
    page = docgen.render(rule, language)
    heading = "## Konfiguration" if language == "de" else "## Configuration"
    section = page.split(heading, 1)[1].split("\n## ", 1)[0]
    blocks = regex.findall(r"```toml\n(.*?)```", section, flags=regex.S)
    assert len(blocks) == 2
    for name, block in zip(("postlint.toml", "pyproject.toml"), blocks, strict=True):
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        (folder / name).write_text(block, encoding="utf-8")
        cfg = config_mod.load(folder / name)
        table = cfg.rules[rule.name]
        assert table["level"] == packs.core_pack()[rule.name]["level"]
        assert set(rule.options) <= set(table) and table["channel"]["xing"] == {"enabled": False}


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_option_examples_in_the_docs_are_valid_configuration(rule):
    """An Options bullet may show a value: `brands = ["Planwise"]`. It must be what the
    configuration accepts, as written."""
    options = rule.doc.split("## Options", 1)[-1] if "## Options" in rule.doc else ""
    for name in rule.options:
        for example in regex.findall(rf"`({regex.escape(name)} = [^`]+)`", options):
            table = tomllib.loads(example)
            check_rule_table(table, rule, f"{rule.name} docs")
