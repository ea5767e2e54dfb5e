"""The rules that read what the text cannot show (attachments, accounts, events) on the real
posts of ../shared/corpus: posts without that front matter get no finding from them, on any
channel, and the event detectors are measured on real event announcements."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from helpers import SHARED
from postlint.checks.engagement.missing_event_details import _patterns
from postlint.linter import Linter, Options
from postlint.source import decode

CORPUS = SHARED / "corpus"
DESCRIBED = ("PL105", "PL204", "PL205", "PL303", "PL404", "PL406", "PL407", "PL410", "PL505", "PL507", "PL508",
             "PL510", "PL520", "PL521", "PL606")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("channel", ["linkedin", "x", "instagram", "facebook", "xing"])
def test_real_posts_without_front_matter_get_no_finding(channel):
    for name in ("real-posts.jsonl", "real-posts-2.jsonl"):
        path = CORPUS / name
        linter = Linter(Options(select=DESCRIBED, channel=channel))
        result = linter.lint_text(decode(path.read_bytes()), Path(name), name)
        assert result.error is None and len(result.entries) > 2000
        assert Counter(f.code for f in result.findings) == Counter()


# Real announcements (ids of real-posts.jsonl) and the facts their text gives; read by hand.
ANNOUNCEMENTS = {
    "li-kaggle-27414": {"date", "time"},  # "webinar on Tuesday, June 2, at 2pmET"
    "li-kaggle-27520": {"date", "time"},  # "every Wednesday at 3pmET on Zoom"
    "li-kaggle-27139": {"date", "duration"},  # "weekly 20-minute ... tomorrow's networking salon"
    "li-kaggle-4363": {"date"},  # "a morning of support ... on April 27th"
    "li-kaggle-4984": {"date"},  # "next week ... register by Nov 10th"
    "li-kaggle-9353": {"date", "time"},  # "LIVE on Wed ⏰ 11 AM ET | 🗓 Oct 7"
}


@needs_corpus
def test_the_event_facts_are_found_in_real_announcements():
    posts = {}
    with (CORPUS / "real-posts.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            post = json.loads(line)
            if post["id"] in ANNOUNCEMENTS:
                posts[post["id"]] = post["text"]
    for key, facts in ANNOUNCEMENTS.items():
        found = {fact for fact, pattern in _patterns().items() if pattern.search(posts[key])}
        assert found == facts, key
