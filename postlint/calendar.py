"""The content calendar: scheduled drafts per account and channel, in local time.

The schedule rules (PL6xx) see every draft of a run through one `Timeline`, built once and
sorted once by instant, so each rule is a linear scan. Days and ISO weeks are those of the
local time in the calendar's time zone, which keeps them right across daylight saving;
durations are measured between instants (UTC), never between wall-clock times.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from postlint import i18n
from postlint.i18n import N_, nt, t
from postlint.problem import ConfigError, Hit
from postlint.source import DraftCore, Scheduled

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
DEFAULT_TIMEZONE = "Europe/Berlin"


def zone(name: str, where: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(t("{where}: unknown time zone {name} (expected an IANA name such as Europe/Berlin)",
                            where=where, name=repr(name))) from None


@dataclass(slots=True, eq=False)
class Post:
    """A draft with a valid `scheduled` time, placed on the calendar (hashable by identity)."""

    draft: DraftCore | Scheduled
    row: int | None  # the line of a calendar file's row; None for a draft file
    utc: dt.datetime
    local: dt.datetime
    account: str  # "" for drafts without `account`: they share one unnamed account
    channel: str
    # computed once: rules compare days and weeks, and messages name times, many times over
    day: dt.date = field(init=False)
    week: tuple[int, int] = field(init=False)
    clock: str = field(init=False)

    def __post_init__(self):
        self.day = self.local.date()
        self.week = tuple(self.local.isocalendar()[:2])
        self.clock = f"{self.local.hour:02d}:{self.local.minute:02d}"


@dataclass(slots=True, eq=False)
class Listed:
    """An unscheduled draft whose text the rules that compare texts see (similar.py)."""

    draft: DraftCore | Scheduled
    row: int | None
    account: str
    channel: str


class Timeline:
    """Every scheduled draft of a run, grouped per (account, channel), each group in time order;
    and every draft with a text fingerprint (`texts`, in the order given), scheduled or not."""

    def __init__(self, entries, tz: ZoneInfo):
        posts, self.texts = [], []
        for draft, row in entries:
            when = draft.meta.get("scheduled")
            item = None
            if when is not None:
                utc = when.astimezone(dt.UTC)
                item = Post(draft, row, utc, utc.astimezone(tz), draft.meta.get("account", ""), draft.channel)
                posts.append(item)
            if getattr(draft, "fingerprint", None) is not None:
                self.texts.append(item or Listed(draft, row, draft.meta.get("account", ""), draft.channel))
        posts.sort(key=lambda p: (p.utc, p.draft.path, p.row or 0))
        self.posts = posts
        self.groups: dict[tuple[str, str], list[Post]] = {}
        for post in posts:
            self.groups.setdefault((post.account, post.channel), []).append(post)

    def streams(self, opts_for):
        """Per group, the posts a rule applies to (`opts_for(post)` is not None), in time order."""
        for key in sorted(self.groups):
            posts = [p for p in self.groups[key] if opts_for(p) is not None]
            if posts:
                yield posts


def runs(posts: list[Post], key) -> list[list[Post]]:
    """Consecutive posts with the same key (a day, a week), as lists."""
    return [list(group) for _, group in itertools.groupby(posts, key=key)]


def over_limit(timeline, opts_for, period, describe):
    """Each post past the `max` of its period (day or week) in its account's stream, with
    the message `describe(post, count, limit, also)` where `also` names the earlier posts."""
    for posts in timeline.streams(opts_for):
        for same in runs(posts, period):
            for i, post in enumerate(same):
                limit = opts_for(post)["max"]
                if i >= limit:
                    yield post.draft, hit(post, describe(post, i + 1, limit, also(same[:i], post)))


def hit(post: Post, message: str) -> Hit:
    """A finding on the draft's `scheduled` value (its front matter value or calendar cell)."""
    start, end = post.draft.scheduled_span
    return Hit(start, end, message, raw=True)


def day(post: Post) -> str:
    return f"{t(WEEKDAYS[post.day.weekday()])} {post.day.isoformat()}"


def week(post: Post) -> str:
    return week_of(monday(post))


def week_of(date: dt.date) -> str:
    year, number, _ = date.isocalendar()
    return f"{year}-W{number:02d}"


def monday(post: Post) -> dt.date:
    """The Monday (local date) of the post's ISO week."""
    return post.day - dt.timedelta(days=post.day.weekday())


def moment(post: Post, ref: Post) -> str:
    """`at 09:00` on the day of `ref`, `on Mon 09:00` in its week, else with the date."""
    if post.day == ref.day:
        return t("at {time}", time=post.clock)
    if post.week == ref.week:
        return t("on {day} {time}", day=t(WEEKDAYS[post.day.weekday()]), time=post.clock)
    return t("on {day} {time}", day=day(post), time=post.clock)


def label(path: str, row: int | None, ref_path: str | None = None) -> str:
    """A draft's name in messages: its path; a calendar row as `line 7` in the file of `ref_path`."""
    if row is None:
        return path
    return t("line {line}", line=row) if path == ref_path else f"{path}:{row}"


def names(posts: list[Post], ref: Post, limit: int = 3) -> str:
    """`drafts/a.md at 09:00, drafts/b.md on Mon 13:00 and 2 more`."""
    shown = ", ".join(f"{label(p.draft.path, p.row, ref.draft.path)} {moment(p, ref)}" for p in posts[:limit])
    return t("{posts} and {count} more", posts=shown, count=len(posts) - limit) if len(posts) > limit else shown


def also(posts: list[Post], ref: Post) -> str:
    """`; also drafts/a.md at 09:00`: the earlier posts a limit counts, or nothing."""
    return t("; also {posts}", posts=names(posts, ref)) if posts else ""


def ordinal(n: int) -> str:
    if i18n.language == "de":
        return f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def duration(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" + (f" {minutes} min" if minutes else "")


# -- the plan at a glance (`postlint calendar`) ------------------------------------------
MARKS = {"error": "!", "warning": "!", "info": "*"}


def view(results, tz: ZoneInfo) -> dict:
    """The plan as data: per account and channel every ISO week from the first post to the
    last, with the posts in time order and their findings."""
    entries = [entry for result in results for entry in result.entries]
    findings = {id(entry.draft): entry.findings for entry in entries}
    timeline = Timeline(((entry.draft, entry.row) for entry in entries), tz)
    plans = []
    for (account, channel), posts in sorted(timeline.groups.items()):
        by_week = {key: list(group) for key, group in itertools.groupby(posts, key=lambda p: p.week)}
        weeks, start = [], monday(posts[0])
        while start <= monday(posts[-1]):
            weeks.append({"week": week_of(start), "monday": start.isoformat(),
                          "posts": [_post(p, findings[id(p.draft)]) for p in by_week.get(start.isocalendar()[:2], [])]})
            start += dt.timedelta(days=7)
        plans.append({"account": account or None, "channel": channel, "weeks": weeks})
    scheduled = {id(p.draft) for posts in timeline.groups.values() for p in posts}
    return {"timezone": tz.key, "plans": plans,
            "unscheduled": [label(e.draft.path, e.row) for e in entries if id(e.draft) not in scheduled]}


def _post(post: Post, findings) -> dict:
    line, _ = post.draft.position(post.draft.scheduled_span[0])
    return {"path": post.draft.path, "line": line, "local": post.local.isoformat(timespec="minutes"),
            "findings": [{"code": f.code, "name": f.name, "severity": str(f.level), "message": f.message,
                          "line": f.line, "column": f.column} for f in findings]}


def render(plan: dict) -> str:
    """The plan as one table per account and channel: a row per week, a column per weekday,
    each post as its local time, marked `!` (warning or error) or `*` (info) when it has
    findings, which are listed under the table."""
    from postlint.formatters import _visible  # names, accounts and messages may hold terminal controls

    out = []
    for table in plan["plans"]:
        account, week_label = _visible(table["account"] or t("(no account)")), t("week")
        out += [f"{table['channel']} · {account} · {plan['timezone']}",
                f"{week_label:<15}" + "".join(f"{t(d):<8}" for d in WEEKDAYS) + t("posts")]
        notes = []
        for week in table["weeks"]:
            cells = [[] for _ in WEEKDAYS]
            for post in week["posts"]:
                local = dt.datetime.fromisoformat(post["local"])
                levels = {f["severity"] for f in post["findings"]}
                mark = next((MARKS[level] for level in ("error", "warning", "info") if level in levels), "")
                cells[local.weekday()].append(f"{local:%H:%M}{mark}")
                notes += [f"  {MARKS[f['severity']]} {_visible(post['path'])}:{f['line']}:{f['column']} {f['code']} "
                          f"[{f['severity']}] {_visible(f['message'])}" for f in post["findings"]]
            title = f"{week['week']} {week['monday'][5:]}"
            for row in range(max(1, *map(len, cells))):
                times = "".join(f"{(c[row] if row < len(c) else '·' if not row else ''):<8}" for c in cells)
                total = str(len(week["posts"])) if not row else ""
                out.append(f"{title if not row else '':<15}{times}{total}".rstrip())
        out += ["", *notes, ""] if notes else [""]
    if plan["unscheduled"]:
        count = len(plan["unscheduled"])
        out.append(nt("{n} draft without a valid `scheduled` time is not shown.",
                      "{n} drafts without a valid `scheduled` time are not shown.", count))
    return "\n".join(out).rstrip() if out else t("No scheduled drafts.")
