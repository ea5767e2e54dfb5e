"""The accounts file (docs/accounts.md): found beside the configuration, named by it or
inline; validated with one-line errors; read by rules as `Draft.account`; part of the cache key."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from postlint import accounts, cli
from postlint.config import discover, parse
from postlint.linter import Linter, Options
from postlint.problem import ConfigError
from postlint.runner import Cache

ACCOUNTS = """\
default = "jana"

[jana]
channel = "linkedin"
employer = "Muster GmbH"
language = "de"
hashtags = ["#Arbeitsrecht", "HR"]
brands = ["MusterCloud"]
topics = ["Arbeitsrecht", "HR-Software"]
domains = ["www.muster.de", "shop.muster.de"]

[jana.series]
freitagsfrage = "#FreitagsFrage"

[jana.utm]
utm_source = "linkedin"
utm_medium = "social"

[muster]
channel = "instagram"
commercial = true
imprint_url = "https://muster.de/impressum"
"""


def folder(tmp_path: Path, accounts_text: str = ACCOUNTS, config: str = "") -> Path:
    (tmp_path / "postlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "accounts.toml").write_text(accounts_text, encoding="utf-8")
    return tmp_path


def test_accounts_beside_the_configuration_are_read_with_every_field(tmp_path):
    cfg = discover(folder(tmp_path))
    jana = cfg.accounts.get("jana")
    assert (jana.channel, jana.employer, jana.language, jana.commercial) == ("linkedin", "Muster GmbH", "de", False)
    assert jana.hashtags == ("#Arbeitsrecht", "#HR")  # the `#` is added where it was left out
    assert jana.domains == ("muster.de", "shop.muster.de")
    assert jana.utm == {"utm_source": "linkedin", "utm_medium": "social"}
    assert jana.series_hashtag("FreitagsFrage") == "#FreitagsFrage"
    assert cfg.accounts.get(None) is jana  # the default
    assert cfg.accounts.get("muster").imprint_url == "https://muster.de/impressum"


def test_a_draft_gets_its_account_and_the_account_channel(tmp_path):
    root = folder(tmp_path)
    (root / "a.md").write_text("---\naccount: muster\n---\nDie Herbstkollektion ist da!\n", encoding="utf-8")
    (root / "b.md").write_text("---\naccount: muster\nchannel: facebook\n---\nDie Herbstkollektion ist da!\n",
                               encoding="utf-8")
    (root / "c.md").write_text("Drei Learnings #KI\n", encoding="utf-8")
    linter = Linter()
    drafts = {name: linter.lint_path(root / name).draft for name in ("a.md", "b.md", "c.md")}
    assert drafts["a.md"].account.name == "muster" and drafts["a.md"].channel == "instagram"
    assert drafts["b.md"].channel == "facebook"  # the draft's own channel wins
    assert drafts["c.md"].account.name == "jana"  # the default
    assert Linter(Options(channel="x")).lint_path(root / "a.md").draft.channel == "x"  # and --channel


def test_the_configuration_may_name_the_file_or_hold_the_accounts(tmp_path):
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "konten.toml").write_text('[anna]\nchannel = "xing"\n', encoding="utf-8")
    cfg = parse({"accounts": "team/konten.toml"}, "postlint.toml", tmp_path, "")
    assert cfg.accounts.get("anna").channel == "xing"
    cfg = parse({"accounts": {"anna": {"commercial": True}}}, "pyproject.toml", tmp_path, "tool.postlint")
    assert cfg.accounts.get("anna").commercial is True
    assert parse({}, "postlint.toml", tmp_path, "").accounts.by_name == {}  # no accounts.toml here


@pytest.mark.parametrize(("text", "message"), [
    ('[anna]\nchanel = "x"\n', "accounts.toml: [anna]: unknown key 'chanel' (did you mean 'channel'? allowed: channel,"),
    ('[anna]\nchannel = "tiktok"\n', "accounts.toml: [anna] channel: unknown value 'tiktok' (expected one of linkedin,"),
    ('[anna]\ncommercial = "ja"\n', "accounts.toml: [anna] commercial: expected true or false, got 'ja'"),
    ('[anna]\nimprint_url = "muster.de/impressum"\n', "[anna] imprint_url: expected a web address starting with https://"),
    ('[anna]\nhashtags = "#KI"\n', "[anna] hashtags: expected a list of non-empty strings, got '#KI'"),
    ('[anna]\nhashtags = ["#künstliche Intelligenz"]\n', "[anna] hashtags: expected a hashtag such as #KI"),
    ('[anna]\ndomains = ["https://muster.de/shop"]\n', "[anna] domains: expected domains such as shop.example.de"),
    ('[anna.utm]\nutm_quelle = "li"\n', "[anna] utm: unknown key 'utm_quelle' (allowed: utm_source,"),
    ('anna = 3\n', "[anna]: expected a table of account settings"),
    ('default = "bob"\n[anna]\n', "accounts.toml: default: no account 'bob' (accounts: anna)"),
    ('[anna\n', "accounts.toml: invalid TOML"),
])
def test_a_bad_accounts_file_is_one_line_naming_file_account_and_key(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        discover(folder(tmp_path, text))
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_command_line_reports_a_bad_accounts_file_in_one_line_with_exit_two(tmp_path, monkeypatch):
    root = folder(tmp_path, '[anna]\nchannel = "tiktok"\n')
    (root / "a.md").write_text("Drei Learnings #KI\n", encoding="utf-8")
    monkeypatch.chdir(root)
    discover.cache_clear()
    result = CliRunner().invoke(cli.main, ["check", "a.md"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "accounts.toml: [anna] channel: unknown value 'tiktok'" in lines[0]


def test_an_unknown_account_is_a_finding_and_the_other_files_are_checked(tmp_path, monkeypatch):
    root = folder(tmp_path)
    (root / "a.md").write_text("---\naccount: bob\n---\nDrei Learnings #KI\n", encoding="utf-8")
    (root / "b.md").write_text("---\naccount: muster\n---\nDrei Learnings #KI\n", encoding="utf-8")
    monkeypatch.chdir(root)
    discover.cache_clear()
    result = CliRunner().invoke(cli.main, ["check", "--format", "concise", "--select", "PL001", "a.md", "b.md"])
    assert result.exit_code == 1
    assert "a.md:2:10: PL001 [error] account: no account 'bob' in" in result.output
    assert "b.md" not in result.output


def test_the_cache_key_changes_with_the_accounts_file(tmp_path):
    root = folder(tmp_path)
    cfg = discover(root)
    cache = Cache(tmp_path / "cache", "salt")
    before = cache.key("a.md", b"text", cfg.source)
    (root / "accounts.toml").write_text(ACCOUNTS.replace("commercial = true", "commercial = false"), encoding="utf-8")
    discover.cache_clear()
    cfg = discover(root)
    after = Cache(tmp_path / "cache", "salt").key("a.md", b"text", cfg.source)
    assert before != after
    assert accounts.DIGESTS[cfg.source] == cfg.accounts.digest


def test_calendar_rows_get_the_account_their_account_column_names(tmp_path):
    root = folder(tmp_path)
    (root / "plan.csv").write_text("date,account,text\n2026-12-01 09:00,muster,Die Herbstkollektion ist da!\n"
                                   "2026-12-02 09:00,bob,Drei Learnings #KI\n", encoding="utf-8")
    result = Linter(Options(select=("PL001",))).lint_path(root / "plan.csv")
    assert [(e.draft.account and e.draft.account.name, e.draft.channel) for e in result.entries] == [
        ("muster", "instagram"), (None, "linkedin")]
    assert [(f.line, f.column) for f in result.findings] == [(3, 18)]
    assert result.findings[0].message == f"account: no account 'bob' in {root / 'accounts.toml'} (accounts: jana, muster)"
