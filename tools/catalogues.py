"""Extract, update and compile postlint's message catalogues with Babel (`pip install -e '.[test]'`).

    python tools/catalogues.py           # extract the msgids into postlint/locale/postlint.pot,
                                         # merge them into each .po, compile each .mo
    python tools/catalogues.py --check   # exit 1 if a .po or .mo is out of date (CI, tests)

Translate new or changed entries in `postlint/locale/de/LC_MESSAGES/postlint.po` (Babel marks
changed ones `#, fuzzy`: fix the text, remove the flag), then run the command again to compile.
The compiled `.mo` files are committed: the wheel ships them and postlint reads them with the
standard library at run time. Click's own strings ("Usage:", "Options") are kept in the
catalogue by hand: they are not in postlint's source, so extraction keeps them as obsolete
(`#~`) entries unless they appear in CLICK_MESSAGES below.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "postlint"
LOCALEDIR = PACKAGE / "locale"
DOMAIN = "postlint"
# the functions that mark messages (postlint.i18n): t(msgid, ...), nt(singular, plural, n, ...), N_(msgid)
KEYWORDS = {"t": None, "nt": (1, 2), "N_": None}
# click's own strings that postlint's help and errors show (click looks them up in our domain)
CLICK_MESSAGES = ("Usage:", "Options", "Commands", "Show this message and exit.", "Show the version and exit.",
                  "Error: {message}", "Try '{command} {option}' for help.", "No such option {name!r}.",
                  "No such command {name!r}.", "Missing argument '{param_hint}'.", "Missing argument",
                  "Missing option", "Invalid value for {param_hint}: {message}", "Invalid value: {message}",
                  "default: {default}", "required", "Aborted!", "{value} is not in the range {range}.",
                  "{value!r} is not a valid {number_type}.", "{name} {filename!r} does not exist.")
CLICK_PLURALS = (("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
                 ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
                 ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
                 ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"))


def template() -> Catalog:
    """The catalogue of every message marked in postlint's source, plus click's."""
    catalog = Catalog(domain=DOMAIN, project="postlint", msgid_bugs_address="", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), [("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        catalog.add(message, None, [(f"postlint/{filename}", lineno)], auto_comments=comments, context=context)
    for message in CLICK_MESSAGES:
        catalog.add(message, None, [("click", 0)])
    for singular, plural in CLICK_PLURALS:
        catalog.add((singular, plural), None, [("click", 0)])
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # no line numbers: the catalogue changes when messages do, not whenever code moves
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_previous=True,
             ignore_obsolete=True, include_lineno=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def locales() -> list[Path]:
    return sorted(LOCALEDIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def updated(po_path: Path, pot: Catalog) -> tuple[bytes, bytes]:
    """(.po, .mo) content of one locale after merging the template into it."""
    with po_path.open("rb") as f:
        catalog = read_po(f, locale=po_path.parent.parent.name, domain=DOMAIN)
    catalog.update(pot, no_fuzzy_matching=False, update_header_comment=False, update_creation_date=False)
    catalog.revision_date = catalog.creation_date  # stable output: the file's history is in git
    return _po_bytes(catalog), _mo_bytes(catalog)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    pot = template()
    pot.creation_date = pot.revision_date = Catalog(fuzzy=False).creation_date.replace(
        year=2026, month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    stale = []
    outputs = {LOCALEDIR / f"{DOMAIN}.pot": _po_bytes(pot)}
    for po_path in locales():
        po, mo = updated(po_path, pot)
        outputs[po_path] = po
        outputs[po_path.with_suffix(".mo")] = mo
    for path, content in outputs.items():
        if path.is_file() and path.read_bytes() == content:
            continue
        if check:
            stale.append(path)
        else:
            path.write_bytes(content)
            print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"{path.relative_to(ROOT)}: out of date; run python tools/catalogues.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
