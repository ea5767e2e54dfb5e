"""Render rule documentation, in English and German, from one source of facts.

English prose is the rule module's docstring (`## What it does`, `## Why is this bad?`,
`## Example`, `## Options`). German prose is `rules/core/docs-de/<rule-name>.md` with the
same sections under German headings (DE_SECTIONS); the examples are the docstring's, which
are drafts, not prose. Defaults, configuration examples and sources come from the pack
data for both languages, and the words around them from the message catalogue.

The same Markdown backs `docs/rules/<name>.md`, `docs/rules/de/<name>.md`, `postlint rule
CODE [--language de]` and editor hovers. Run `python -m postlint.docgen docs/rules` to write
the pages, `--check` to verify them.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from postlint import i18n, packs, registry
from postlint.i18n import t

# the docstring's sections and their headings in the German docs, in order
SECTIONS = ("What it does", "Why is this bad?", "Example", "Options")
DE_SECTIONS = {"What it does": "Was die Regel prüft", "Why is this bad?": "Warum ist das ein Problem?",
               "Example": "Beispiel", "Options": "Optionen"}
TRANSLATED = ("What it does", "Why is this bad?", "Options")  # the Example is shared
USE_INSTEAD = {"en": "Use instead:", "de": "Stattdessen:"}


def sections(doc: str) -> tuple[str, dict[str, str]]:
    """(summary line, {heading: body}) of a rule doc in either language."""
    summary, _, rest = doc.strip().partition("\n")
    found: dict[str, str] = {}
    heading = None
    for line in rest.split("\n"):
        if line.startswith("## "):
            heading = line[3:].strip()
            found[heading] = ""
        elif heading is not None:
            found[heading] += line + "\n"
    return summary.strip(), {k: v.strip("\n") for k, v in found.items()}


def german(rule: registry.Rule) -> tuple[str, dict[str, str]]:
    """(summary, sections by their English heading) of the German docs of `rule`."""
    return _german(rule.name)


@functools.cache
def _german(name: str) -> tuple[str, dict[str, str]]:
    summary, found = sections(packs.data_path("core", "docs-de", f"{name}.md").read_text(encoding="utf-8"))
    english = {v: k for k, v in DE_SECTIONS.items()}
    return summary, {english.get(k, k): v for k, v in found.items()}


def summary(rule: registry.Rule, language: str = i18n.DEFAULT) -> str:
    """The one-line summary of `rule` in `language`."""
    return german(rule)[0] if language == "de" else rule.summary


def _value(value) -> str:
    if isinstance(value, list):
        return ", ".join(f"`{v}`" for v in value) or t("(none)")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return i18n.number(value)
    return f"`{value}`"


def scope_rows(table: dict) -> list[tuple[str, dict]]:
    """(scope label, settings) for the base table and every scope that overrides it."""
    rows = [(t("default"), {k: v for k, v in table.items() if k not in packs.SCOPES and not k.startswith("_")})]
    for type_, sub in table.get("type", {}).items():
        rows.append((t("any channel, {type}", type=type_), sub))
    for channel, sub in table.get("channel", {}).items():
        own = {k: v for k, v in sub.items() if k != "type"}
        if own:
            rows.append((channel, own))
        for type_, inner in sub.get("type", {}).items():
            rows.append((f"{channel} {type_}", inner))
    return rows


def settings_table(rule: registry.Rule) -> str:
    table = packs.core_pack()[rule.name]
    rows = scope_rows(table)
    keys = ["enabled", "level", *rule.options]
    lines = ["| " + t("Scope") + " | " + " | ".join(f"`{k}`" for k in keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for n, (label, settings) in enumerate(rows):
        cells = [_value(settings[k]) if k in settings else "" for k in keys]
        if n == 0 and "enabled" not in settings:
            cells[0] = "true"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _toml(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def config_tables(rule: registry.Rule, prefix: str) -> str:
    """A configuration of `rule` in TOML with its defaults, under `prefix` ("" for
    postlint.toml, "tool.postlint." for pyproject.toml): the level and options, and the
    rule turned off for one channel."""
    table = packs.core_pack()[rule.name]
    base = {k: v for k, v in table.items() if k in ("level", *rule.options)}
    for option in rule.options:  # an option the pack sets only per scope: its first value
        if option not in base:
            base[option] = next(s[option] for _, s in scope_rows(table) if option in s)
    lines = [f"[{prefix}rules.{rule.name}]", *(f"{k} = {_toml(v)}" for k, v in base.items()),
             "", f"[{prefix}rules.{rule.name}.channel.xing]", "enabled = false"]
    return "\n".join(lines)


def configuration(rule: registry.Rule) -> str:
    return (t("In `postlint.toml`:") + "\n\n```toml\n" + config_tables(rule, "") + "\n```\n\n"
            + t("In `pyproject.toml`, the same tables begin with `tool.postlint.`:") + "\n\n```toml\n"
            + config_tables(rule, "tool.postlint.") + "\n```\n\n"
            + t("Scopes per type (`type.<type>`) and per path (`per-path`) are in `docs/configuration.md`."))


def section_of(document: str, line: int) -> str:
    """The label of the section of `document` that `line` falls in, as a reader finds it."""
    found = ""
    for start, label in packs.sources()[document]["sections"]:
        if start <= line:
            found = label
    return found


def cite(entry: dict) -> str:
    """One source as a reader can find it: a document by title and section, or an external
    platform fact with the date it was checked."""
    if entry.get("external"):
        url = f" <{entry['url']}>" if entry.get("url") else ""
        return (t("Platform fact (as of {date}): {title}.", date=entry["as_of"], title=entry["title"])
                + f"{url} {entry.get('note', '')}").rstrip()
    source = packs.sources()[entry["document"]]
    first = int(entry["lines"].split(",")[0].split("-")[0])
    where = section_of(entry["document"], first)
    note = f" ({entry['note']})" if entry.get("note") else ""
    return f"{source['title']}, {where}{note}: „{entry['quote']}“"


def references(rule: registry.Rule) -> str:
    cites = packs.citations()
    lines = [f"- {cite(cites[cid])}" for cid in packs.core_pack()[rule.name].get("cite", [])]
    return "\n".join(lines) or "- " + t("A postlint addition; no source in the guidance.")


def _prose(rule: registry.Rule, language: str) -> tuple[str, str]:
    """(summary, the sections from What it does to Options) of `rule` in `language`."""
    summary_en, english = sections(rule.doc)
    if language != "de":
        return summary_en, "\n\n".join(f"## {h}\n{english[h]}" for h in SECTIONS if h in english)
    summary_de, translated = german(rule)
    example = english["Example"].replace(USE_INSTEAD["en"], USE_INSTEAD["de"])
    body = {**translated, "Example": example}
    return summary_de, "\n\n".join(f"## {DE_SECTIONS[h]}\n{body[h]}" for h in SECTIONS if h in body)


def render(rule: registry.Rule, language: str = i18n.DEFAULT) -> str:
    """The Markdown docs of `rule` in `language` (en or de)."""
    with i18n.speaking(language):
        summary_line, prose = _prose(rule, i18n.language)
        level = packs.core_pack()[rule.name]["level"]
        source = rule.module.replace(".", "/") + ".py"
        facts = t("Family: {family} · Default level: {level} · Source: `{source}`", family=rule.family,
                  level=level, source=source)
        defaults, configured, cited = t("Defaults"), t("Configuration"), t("References")
        return (f"# {rule.name} ({rule.code})\n\n{facts}\n\n{summary_line}\n\n{prose}\n\n"
                f"## {defaults}\n{settings_table(rule)}\n\n"
                f"## {configured}\n{configuration(rule)}\n\n"
                f"## {cited}\n{references(rule)}\n")


def index(language: str = i18n.DEFAULT) -> str:
    with i18n.speaking(language):
        header = [t("Code"), t("Name"), t("Family"), t("Default level"), t("Summary")]
        lines = ["# " + t("Rules"), "",
                 t("Generated by `python -m postlint.docgen docs/rules`; `postlint rules` prints the same list."),
                 "", "| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
        for rule in registry.rules():
            level = packs.core_pack()[rule.name]["level"]
            lines.append(f"| {rule.code} | [{rule.name}]({rule.name}.md) | {rule.family} | {level} | "
                         f"{summary(rule, i18n.language)} |")
        return "\n".join(lines) + "\n"


# the folder of each language's pages under the target (English at the top)
FOLDERS = {"en": "", "de": "de"}


def pages() -> dict[str, str]:
    result = {}
    for language, folder in FOLDERS.items():
        prefix = f"{folder}/" if folder else ""
        result.update({f"{prefix}{rule.name}.md": render(rule, language) for rule in registry.rules()})
        result[f"{prefix}README.md"] = index(language)
    return result


def main(argv: list[str]) -> int:
    check = "--check" in argv
    target = Path(next((a for a in argv if not a.startswith("--")), "docs/rules"))
    stale = []
    wanted = pages()
    for name, content in wanted.items():
        path = target / name
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != content:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    if check:
        present = {p.relative_to(target).as_posix() for folder in FOLDERS.values() for p in (target / folder).glob("*.md")}
        stale += [str(target / name) for name in sorted(present - set(wanted))]
        for path in stale:
            print(f"{path}: out of date; run python -m postlint.docgen {target}", file=sys.stderr)
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
