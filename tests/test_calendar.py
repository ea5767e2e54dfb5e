"""Spreadsheet calendars (CSV, JSONL): every row is a draft, findings point at row and cell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from helpers import compact
from postlint import ConfigError
from postlint import tabular
from postlint.linter import Linter, Options
from postlint.source import decode

CLEAN = "Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand"
# the rule families these tests use: front matter, hashtags, links, schedule
FAMILIES = ("PL0", "PL2", "PL3", "PL6")


def check(text: str, name: str = "plan.csv", *options: str):
    """Lint a calendar file's text; the result has findings and row errors."""
    linter = Linter(Options(select=FAMILIES, ignore=("PL608",), calendar=options))  # rows share texts
    return linter.lint_text(decode(text.encode("utf-8")), Path(name), name)


def messages(result, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "postlint", *args], capture_output=True, cwd=cwd)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


# -- CSV ---------------------------------------------------------------------------------
def test_text_findings_map_into_quoted_multi_line_cells_with_doubled_quotes():
    result = check('date,text\n'
                   f'2026-12-01 09:00,"{CLEAN}"\n'
                   '2026-12-02 09:00,"Sagt ""Hallo""!\nZeile zwei #a1 #b2 #c3 #d4 #e5 #f6"\n')
    assert compact(result.findings) == ["4:32 PL202"]
    assert result.draft.line_text(4)[31:34] == "#f6"
    assert [e.draft.text for e in result.entries][1] == 'Sagt "Hallo"!\nZeile zwei #a1 #b2 #c3 #d4 #e5 #f6'


def test_schedule_findings_sit_on_the_date_cell_and_name_the_other_row():
    result = check(f"date,account,text\n2026-12-01 09:00,acme,{CLEAN}\n2026-12-01 10:30,acme,{CLEAN}\n")
    assert compact(result.findings) == ["3:1 PL601", "3:1 PL602"]
    assert (result.findings[0].end_line, result.findings[0].end_column) == (3, 17)
    assert messages(result, "PL601") == ["2nd linkedin post on Tue 2026-12-01 (max 1 a day; also line 2 at 09:00)"]


def test_bad_cells_are_findings_on_the_cell_and_the_row_is_still_checked():
    result = check("date,channel,sponsored,text\n"
                   "31.12.2026,tiktok,vielleicht,Ohne Hashtag\n"
                   "2026-12-01,twitter,jein,Datum ohne Zeit\n")
    assert compact(result.findings) == ["2:1 PL001", "2:12 PL001", "2:19 PL001", "2:30 PL201", "3:1 PL001",
                                        "3:20 PL001"]
    assert messages(result, "PL001") == [
        "scheduled: '31.12.2026' has no time (write e.g. 31.12.2026 09:00)",
        "channel: unknown value 'tiktok' (expected one of linkedin, x, instagram, facebook, xing)",
        "sponsored: expected true or false (or ja/nein), got 'vielleicht'",
        "scheduled: '2026-12-01' has no time (write e.g. 2026-12-01 09:00)",
        "sponsored: expected true or false (or ja/nein), got 'jein'"]
    assert result.entries[1].draft.channel == "x"  # "Twitter" is the old name of X
    assert result.error is None


def test_unreadable_rows_are_errors_and_the_other_rows_are_still_checked():
    result = check(f'date,text\n2026-12-01 09:00,"{CLEAN}"x\n2026-12-02 09:00,#a1 #b2 #c3 #d4 #e5 #f6\n'
                   '2026-12-03 09:00,"never closed\n')
    assert result.error == ("line 2: text after the closing quote of cell 2; "
                            "line 4: the quote that opens cell 2 is never closed")
    assert compact(result.findings) == ["3:38 PL202"]


def test_a_header_without_the_date_or_text_column_is_a_clear_error():
    result = Linter().lint_bytes(b"Wann,Text\n2026-12-01 09:00,Hallo\n", Path("plan.csv"), "plan.csv")
    assert result.error == ("no 'date' column for the date (header: Wann, Text); "
                            "name it with --calendar-option columns.date=<header> (see docs/calendar.md)")
    renamed = check("Datum;Beitrag\n2026-12-01 09:00;Hallo #a1 #b2 #c3 #d4 #e5 #f6\n", "plan.csv",
                    "columns.date=Datum", "columns.text=beitrag", "delimiter=;")
    assert compact(renamed.findings) == ["2:44 PL202"]


def test_empty_rows_crlf_and_bom_are_handled():
    data = f"\ufeffdate,text\r\n\r\n,\r\n2026-12-01 09:00,{CLEAN}\r\n".encode()
    result = Linter(Options(select=FAMILIES)).lint_bytes(data, Path("plan.csv"), "plan.csv")
    assert result.error is None and [e.row for e in result.entries] == [4]
    assert result.findings == []
    assert check("date,text\n").findings == [] and check("").entries == []


def test_naive_times_are_local_to_the_calendar_zone_and_skipped_times_are_rejected():
    result = check(f"date,text\n2026-03-29 02:30,{CLEAN}\n2026-10-25 02:30,{CLEAN}\n2026-12-01 09:00,{CLEAN}\n")
    assert messages(result, "PL001") == [
        "scheduled: 2026-03-29 02:30 does not exist in Europe/Berlin: the clocks skip it for daylight saving"]
    # the hour that repeats when summer time ends is read as its first occurrence (summer time)
    assert result.entries[1].draft.meta["scheduled"].utcoffset().total_seconds() == 7200
    new_york = check(f"date,text\n2026-12-01 09:00,{CLEAN}\n", "plan.csv", "timezone=America/New_York")
    assert new_york.entries[0].draft.meta["scheduled"].isoformat() == "2026-12-01T09:00:00-05:00"


# -- presets -----------------------------------------------------------------------------
@pytest.mark.slow
def test_hootsuite_preset_has_no_header_reads_day_first_and_appends_the_link():
    result = check(f'01/12/2026 09:00,"{CLEAN}",https://www.beispiel.de/blog\n'
                   "01/12/2026 13:00,Zweiter Post #KI\n"
                   "12/31/2026 09:00,Monat zuerst #KI\n", "export.csv", "preset=hootsuite")
    assert compact(result.findings) == ["1:111 PL301", "1:111 PL302", "2:1 PL601", "3:1 PL001"]
    assert result.entries[0].draft.text == f"{CLEAN} https://www.beispiel.de/blog"
    assert messages(result, "PL001") == ["scheduled: '12/31/2026 09:00' is not a date and time in the form "
                                         "%d/%m/%Y %H:%M"]
    us = check("12/31/2026 09:00,Text #KI\n", "export.csv", "preset=hootsuite", "date-format=%m/%d/%Y %H:%M")
    assert us.entries[0].draft.meta["scheduled"].isoformat() == "2026-12-31T09:00:00+01:00"


def test_sprout_preset_joins_the_date_and_time_columns():
    result = check("date,time_24hr,message_text,link\n"
                   f'01/12/2026,09:00,"{CLEAN}",\n'
                   f"01/12/2026,10:00,{CLEAN},\n", "bulk.csv", "preset=sprout")
    assert compact(result.findings) == ["3:1 PL601", "3:1 PL602"]
    assert result.entries[1].draft.meta["scheduled"].isoformat() == "2026-12-01T10:00:00+01:00"


# -- JSONL -------------------------------------------------------------------------------
def test_jsonl_positions_count_escapes_as_one_character():
    line = json.dumps({"date": "2026-12-01T09:00:00+01:00", "sponsored": True,
                       "text": 'Eins "zwei" ä 😀\nDrei #a1 #b2 #c3 #d4 #e5 #f6'})
    result = check(line + "\n", "plan.jsonl")
    assert result.entries[0].draft.text == 'Eins "zwei" ä 😀\nDrei #a1 #b2 #c3 #d4 #e5 #f6'
    assert result.entries[0].draft.meta["sponsored"] is True
    assert compact(result.findings) == [f"1:{line.index('#f6') + 1} PL202"]


def test_jsonl_bad_lines_are_errors_and_keys_match_the_columns():
    result = check('not json\n[1, 2]\n{"date": "2026-12-01 09:00", "text": 5}\n{"Date": "2026-12-01 09:00"}\n'
                   '{"Date": "2026-12-02 09:00", "Channel": "X", "Text": "#a1 #b2 #c3 #d4 #e5 #f6"}\n',
                   "plan.jsonl")
    assert result.error == ("line 1: invalid JSON: Expecting value (column 1); "
                            "line 2: expected a JSON object, got list; "
                            "line 3: the text is int, not a string; line 4: no 'text' key for the text")
    assert [e.draft.channel for e in result.entries] == ["x"]


# -- settings ----------------------------------------------------------------------------
@pytest.mark.parametrize(("options", "message"), [
    (["colour=blue"], ": unknown key 'colour'"),
    (["preset=buffer"], ".preset: expected one of postlint, hootsuite, sprout, got 'buffer'"),
    (["columns.body=Text"], ".columns.body: unknown field"),
    (["header=false"], ".columns.date: expected an integer, got 'date'"),
    (["preset=hootsuite", "columns.text=0"], ".columns.text: columns count from 1, got 0"),
    (["delimiter=;;"], ".delimiter: expected auto or one character"),
    (["timezone=Mars/Base"], ".timezone: unknown time zone 'Mars/Base'"),
    (["timezone"], "--calendar-option: expected key=value, got 'timezone'"),
    (["columns=x", "columns.text=y"], "sets a key inside 'columns', which is not a table"),
])
def test_bad_settings_are_config_errors(options, message):
    with pytest.raises(ConfigError, match=regex.escape(message)):
        Linter(Options(calendar=tuple(options)))


def test_option_values_are_toml_or_bare_strings():
    assert tabular.option_table(["header=false", "columns.date=1", "columns.text=Message", "date-format=%d.%m.%Y"]) \
        == {"header": False, "columns": {"date": 1, "text": "Message"}, "date-format": "%d.%m.%Y"}


# -- the command line ----------------------------------------------------------------------
@pytest.fixture
def plan(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(f"---\naccount: acme\nscheduled: 2026-12-01T09:00:00+01:00\n---\n{CLEAN}\n")
    (drafts / "b.md").write_text(f"---\naccount: acme\nscheduled: 2026-12-01T10:00:00+01:00\n---\n{CLEAN}\n")
    (drafts / "later.md").write_text(f"---\naccount: acme\nscheduled: 2026-12-15T09:00:00+01:00\n---\n{CLEAN}\n")
    (drafts / "undated.md").write_text(f"{CLEAN}\n")
    (tmp_path / "plan.csv").write_text(f"date,account,channel,text\n2026-12-02 09:00,acme,x,{CLEAN}\n")
    return tmp_path


@pytest.mark.slow
def test_check_sees_calendar_rows_and_draft_files_as_one_plan(plan):
    (plan / "more.csv").write_text(f"date,account,text\n2026-12-15 11:00,acme,{CLEAN}\n")
    code, out, err = run("check", "--format", "concise", "--select", "PL6", "--ignore", "PL608", "drafts", "more.csv", cwd=plan)
    assert code == 1, err
    assert out.splitlines()[:4] == [
        "drafts/b.md:3:12: PL601 [warning] 2nd linkedin post on Tue 2026-12-01 (max 1 a day; "
        "also drafts/a.md at 09:00)",
        "drafts/b.md:3:12: PL602 [warning] 1 h after drafts/a.md at 09:00 (min 3 h between linkedin posts)",
        "more.csv:2:1: PL601 [warning] 2nd linkedin post on Tue 2026-12-15 (max 1 a day; "
        "also drafts/later.md at 09:00)",
        "more.csv:2:1: PL602 [warning] 2 h after drafts/later.md at 09:00 (min 3 h between linkedin posts)"]


@pytest.mark.slow
def test_calendar_prints_weeks_with_marked_posts(plan):
    code, out, err = run("calendar", "--select", "PL6", "--ignore", "PL608", "drafts", "plan.csv", cwd=plan)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:6] == [
        "linkedin · acme · Europe/Berlin",
        "week           Mon     Tue     Wed     Thu     Fri     Sat     Sun     posts",
        "2026-W49 11-30 ·       09:00   ·       ·       ·       ·       ·       2",
        "                       10:00!",
        "2026-W50 12-07 ·       ·       ·       ·       ·       ·       ·       0",
        "2026-W51 12-14 ·       09:00   ·       ·       ·       ·       ·       1"]
    assert "  ! drafts/b.md:3:12 PL602 [warning] 1 h after drafts/a.md at 09:00 (min 3 h between linkedin posts)" \
        in lines
    assert "x · acme · Europe/Berlin" in lines
    assert lines[-1] == "1 draft without a valid `scheduled` time is not shown."


def test_calendar_json_lists_weeks_posts_and_findings(plan):
    code, out, _ = run("calendar", "--format", "json", "--select", "PL6", "--ignore", "PL608", "--calendar-option", "timezone=UTC", "drafts",
                       cwd=plan)
    data = json.loads(out)
    assert code == 0 and data["timezone"] == "UTC" and data["unscheduled"] == ["drafts/undated.md"]
    weeks = data["plans"][0]["weeks"]
    assert [w["week"] for w in weeks] == ["2026-W49", "2026-W50", "2026-W51"]
    second = weeks[0]["posts"][1]
    assert (second["path"], second["line"], second["local"]) == ("drafts/b.md", 3, "2026-12-01T09:00+00:00")
    assert [f["code"] for f in second["findings"]] == ["PL601", "PL602"]


@pytest.mark.slow
def test_calendar_errors_exit_two(plan):
    (plan / "broken.csv").write_text("text\nHallo\n")
    code, _, err = run("calendar", "broken.csv", cwd=plan)
    assert code == 2 and "broken.csv: error: no 'date' column" in err
    code, _, err = run("calendar", "--calendar-option", "timezone=Nowhere", "drafts", cwd=plan)
    assert code == 2 and "unknown time zone 'Nowhere'" in err


# -- attachments (docs/front-matter.md) ---------------------------------------------------
def test_an_attachments_column_lists_kinds_and_its_findings_sit_on_the_cell():
    linter = Linter(Options(select=("PL001", "PL404", "PL410")))
    text = ("date,channel,attachments,text\n"
            f"2026-12-01 09:00,instagram,document,{CLEAN}\n"
            f"2026-12-02 09:00,instagram,\"image; video\",{CLEAN}\n"
            f"2026-12-03 09:00,instagram,foto,{CLEAN}\n"
            f"2026-12-04 09:00,instagram,,{CLEAN}\n")
    result = linter.lint_text(decode(text.encode("utf-8")), Path("plan.csv"), "plan.csv")
    assert [e.draft.meta.get("attachments") and [a.kind for a in e.draft.meta["attachments"]]
            for e in result.entries] == [["document"], ["image", "video"], None, None]
    assert [(f.line, f.column, f.code, f.message) for f in result.findings] == [
        (2, 28, "PL404", "no image or video (attachments: document; instagram needs one)"),
        (3, 29, "PL410", "image 1 has no alt text"),
        (4, 28, "PL001", "attachments[1].kind: unknown value 'foto' (expected one of image, video, document, carousel)")]


def test_jsonl_attachments_may_be_objects():
    line = json.dumps({"date": "2026-12-01T09:00:00+01:00", "channel": "instagram", "text": CLEAN,
                       "attachments": [{"kind": "image", "alt": "Team", "source": "own", "people": True}]})
    linter = Linter(Options(select=("PL001", "PL404", "PL410", "PL521")))
    result = linter.lint_text(decode((line + "\n").encode("utf-8")), Path("plan.jsonl"), "plan.jsonl")
    assert [(f.code, f.message) for f in result.findings] == [
        ("PL521", "image 1 shows people; consent not declared (consent)")]
    assert result.findings[0].column == line.index('[{"kind"') + 1
# -- German spreadsheets -------------------------------------------------------------------
def lint_bytes(data: bytes, name: str = "plan.csv", *options: str):
    return Linter(Options(select=FAMILIES, calendar=options)).lint_bytes(data, Path(name), name)


def test_a_german_excel_export_is_read_as_it_is():
    """`;`, German headers, TT.MM.JJJJ HH:MM in Berlin time, a UTF-8 BOM and CRLF, as Excel saves it."""
    text = ("\ufeffDatum;Kanal;Konto;Typ;Sprache;Gesponsert;Text\r\n"
            f"07.12.2026 09:00;LinkedIn;acme;post;de;nein;{CLEAN}\r\n"
            f'07.12.2026 10:00 Uhr;LinkedIn;acme;post;de;ja;"Zweiter Post; mit Semikolon #KI"\r\n')
    result = lint_bytes(text.encode("utf-8"))
    assert result.error is None
    first, second = (entry.draft for entry in result.entries)
    assert first.meta["scheduled"].isoformat() == "2026-12-07T09:00:00+01:00"
    assert (first.meta["account"], first.meta["sponsored"], second.meta["sponsored"]) == ("acme", False, True)
    assert second.text == "Zweiter Post; mit Semikolon #KI"
    assert compact(result.findings) == ["3:1 PL601", "3:1 PL602"]


def test_a_separate_time_column_and_tabs_and_two_digit_years():
    result = check(f"Datum\tUhrzeit\tBeitrag\n07.12.26\t09:00\t{CLEAN}\n7.12.2026\t\t{CLEAN}\n")
    assert result.entries[0].draft.meta["scheduled"].isoformat() == "2026-12-07T09:00:00+01:00"
    assert messages(result, "PL001") == ["scheduled: '7.12.2026' has no time (write e.g. 7.12.2026 09:00)"]


def test_local_times_follow_the_configured_zone_and_summer_time():
    result = check(f"Datum;Text\n29.03.2026 02:30;{CLEAN}\n01.07.2026 09:00;{CLEAN}\n", "plan.csv",
                   "timezone=Europe/Vienna")
    assert messages(result, "PL001") == [
        "scheduled: 29.03.2026 02:30 does not exist in Europe/Vienna: the clocks skip it for daylight saving"]
    assert result.entries[1].draft.meta["scheduled"].isoformat() == "2026-07-01T09:00:00+02:00"


def test_a_windows_1252_export_is_read_and_utf_16_is_decoded_by_its_bom():
    text = f"Datum;Text\n07.12.2026 09:00;Für unsere Kundinnen: Grüße! {CLEAN}\n"
    for data in (text.encode("cp1252"), text.encode("utf-16"), "\ufeff".encode() + text.encode("utf-8")):
        result = lint_bytes(data)
        assert result.error is None and result.entries[0].draft.text.startswith("Für unsere Kundinnen: Grüße!")
    # a draft in UTF-16 is decoded too; without its mark it is named, not called binary
    assert decode("Grüße #KI\n".encode("utf-16")) == "Grüße #KI\n"
    draft = Linter().lint_bytes("Grüße #KI\n".encode("utf-16-le"), Path("a.md"), "a.md")
    assert draft.error == "UTF-16 or UTF-32 text without a byte order mark: save it as UTF-8"
    undefined = lint_bytes(b"Datum;Text\n07.12.2026 09:00;\x81\n")  # not a byte of Windows-1252 either
    assert undefined.error.endswith('(saved as Windows-1252? In Excel choose "CSV UTF-8")')


def test_a_header_in_one_column_names_the_delimiter():
    result = lint_bytes(b"Datum;Kanal;Text\n07.12.2026 09:00;linkedin;Hallo\n", "plan.csv", "delimiter=,")
    assert result.error == ("the header is one column (Datum;Kanal;Text): the file is separated by ';', not ','; "
                            "set --calendar-option 'delimiter=\";\"' or delimiter = \"auto\" (see docs/calendar.md)")
    named = check("Wann;Beitrag\n07.12.2026 09:00;Hallo #a1 #b2 #c3 #d4 #e5 #f6\n", "plan.csv", "columns.date=Wann")
    assert compact(named.findings) == ["2:44 PL202"]


def test_the_docs_german_plan_is_read_without_settings():
    from helpers import ROOT

    docs = (ROOT / "docs" / "calendar.md").read_text(encoding="utf-8")
    (plan,) = [b for b in regex.findall(r"^```csv\n(.*?)^```$", docs, flags=regex.S | regex.M) if "Datum" in b]
    result = check(plan)
    assert result.error is None
    assert [e.draft.meta["scheduled"].isoformat() for e in result.entries] == [
        "2026-12-07T09:00:00+01:00", "2026-12-09T09:00:00+01:00"]
    assert {e.draft.meta["account"] for e in result.entries} == {"acme"}
