"""The cross-draft pass: schedule rules see every draft of a run, then suppressions apply."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import postlint
from helpers import compact, lint
from postlint import ConfigError
from postlint.linter import Linter, Options
from postlint.source import decode

# the drafts share one text: the frequency rules only, not repost-too-soon (PL608)
REPEATS = ("PL608",)
FREQUENCY = ["PL601", "PL602", "PL603", "PL604", "PL605"]
CLEAN = "Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand"


def draft(name: str, scheduled: str, *front: str) -> str:
    lines = "".join(f"{line}\n" for line in front)
    return f"==> {name} <==\n---\n{lines}scheduled: {scheduled}\n---\n{CLEAN}\n"


def run_all(texts: dict[str, str], *calendar: str):
    linter = Linter(Options(select=("PL6",), ignore=REPEATS, calendar=calendar))
    results = [linter.lint_text(decode(text.encode()), Path(name), name, defer=True) for name, text in texts.items()]
    linter.complete(results)
    return {r.path: [f"{f.line}:{f.column} {f.code}" for f in r.findings] for r in results}


def test_a_front_matter_ignore_hides_a_schedule_finding_and_counts_as_used():
    text = draft("a.md", "2026-12-01T09:00:00+01:00") + draft(
        "b.md", "2026-12-01T15:00:00+01:00", "postlint: {ignore: [too-many-posts-per-day]}")
    assert compact(lint(text, select=["PL0", *FREQUENCY])) == []


def test_an_ignore_for_a_schedule_rule_that_does_not_fire_is_unused():
    text = draft("a.md", "2026-12-01T09:00:00+01:00") + draft(
        "b.md", "2026-12-02T09:00:00+01:00", "postlint: {ignore: [PL601]}")
    findings = lint(text, select=["PL0", *FREQUENCY])
    assert compact(findings) == ["b.md:2:11 PL002"]
    assert findings[0].message == "unused front matter ignore PL601: no PL601 finding to suppress"


def test_a_malformed_timestamp_stays_a_pl001_finding_and_the_draft_is_skipped():
    text = draft("a.md", "2026-12-01T09:00:00+01:00") + draft("b.md", "2026-12-01 10:60")
    findings = lint(text, select=["PL0", *FREQUENCY])
    assert compact(findings) == ["b.md:2:12 PL001"]
    assert findings[0].message == "scheduled: not an ISO 8601 timestamp: '2026-12-01 10:60'"


def test_a_local_time_is_read_in_the_calendar_zone_and_an_offset_wins():
    text = (draft("a.md", "2026-12-01 09:00") + draft("b.md", "2026-12-01 10:00")
            + draft("c.md", "2026-12-01T09:30:00+00:00"))
    findings = lint(text, select=["PL0", "PL602"])
    assert compact(findings) == ["b.md:2:12 PL602", "c.md:2:12 PL602"]
    assert findings[1].message.startswith("30 min after b.md at 10:00")  # 09:30 UTC is 10:30 in Berlin


def test_the_later_draft_is_reported_whatever_the_order_of_the_inputs():
    a = "---\nscheduled: 2026-12-01T09:00:00+01:00\n---\n" + CLEAN
    b = "---\nscheduled: 2026-12-01T15:00:00+01:00\n---\n" + CLEAN
    assert run_all({"a.md": a, "b.md": b}) == run_all({"b.md": b, "a.md": a}) == {"a.md": [], "b.md": ["2:12 PL601"]}


def test_drafts_without_account_share_one_account():
    text = draft("a.md", "2026-12-01T09:00:00+01:00") + draft("b.md", "2026-12-01T15:00:00+01:00", "account: acme")
    assert compact(lint(text, select=["PL0", *FREQUENCY])) == []
    text = draft("a.md", "2026-12-01T09:00:00+01:00") + draft("b.md", "2026-12-01T15:00:00+01:00")
    assert compact(lint(text, select=["PL0", *FREQUENCY])) == ["b.md:2:12 PL601"]


def test_drafts_where_a_rule_is_off_do_not_take_part_in_it():
    text = draft("archive/a.md", "2026-12-01T09:00:00+01:00") + draft("b.md", "2026-12-01T15:00:00+01:00")
    per_path = {"archive/**": {"rules": {"too-many-posts-per-day": {"enabled": False}}}}
    assert compact(lint(text, select=FREQUENCY, **{"per-path": per_path})) == []


def test_the_calendar_time_zone_decides_the_day():
    # 10:00 and 20:00 in New York are 16:00 on Dec 1 and 02:00 on Dec 2 in Berlin
    a = "---\nscheduled: 2026-12-01T10:00:00-05:00\n---\n" + CLEAN
    b = "---\nscheduled: 2026-12-01T20:00:00-05:00\n---\n" + CLEAN
    assert run_all({"a.md": a, "b.md": b})["b.md"] == []
    assert run_all({"a.md": a, "b.md": b}, "timezone=America/New_York")["b.md"] == ["2:12 PL601"]


def test_a_single_draft_linted_alone_has_no_other_drafts():
    assert postlint.lint_text("---\nscheduled: 2026-12-01T09:00:00+01:00\n---\n" + CLEAN, select=FREQUENCY) == []


def test_an_unknown_time_zone_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown time zone 'Europe/Berlín'"):
        Linter(Options(calendar=("timezone=Europe/Berlín",)))


@pytest.mark.slow
def test_check_command_looks_across_the_files_of_a_folder(tmp_path):
    for name, when in (("a.md", "09:00"), ("b.md", "10:00")):
        (tmp_path / name).write_text(f"---\nscheduled: 2026-12-01T{when}:00+01:00\n---\n{CLEAN}\n")
    proc = subprocess.run([sys.executable, "-m", "postlint", "check", "--format", "concise", "--select", "PL6", "--ignore", "PL608", "."],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines()[:2] == [
        "b.md:2:12: PL601 [warning] 2nd linkedin post on Tue 2026-12-01 (max 1 a day; also a.md at 09:00)",
        "b.md:2:12: PL602 [warning] 1 h after a.md at 09:00 (min 3 h between linkedin posts)"]
    alone = subprocess.run([sys.executable, "-m", "postlint", "check", "--select", "PL6", "--ignore", "PL608", "b.md"], capture_output=True,
                           cwd=tmp_path)
    assert alone.returncode == 0
