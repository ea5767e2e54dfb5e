"""Link has no UTM tracking parameters.

## What it does
Reports every link that lacks one of the `required-params` query parameters
(`utm_source`, `utm_medium` and `utm_campaign` by default). Links to
`exempt-domains` (by default LinkedIn's own) are skipped.

## Why is this bad?
"Wenn man einen Link einfach teilt, erfährt man vergleichsweise wenig darüber, welchen
Effekt dies für die eigenen Marketingziele hatte" (Bitkom, Social-Media-Leitfaden, Kap. 5.2). A UTM code in the
link shows which posts were clicked and which leads and sales came from social media
(Bitkom, Social-Media-Leitfaden, Kap. 5.2).

## Example
```text
---
channel: facebook
---
Jetzt anmelden zum Webinar am 12. März: https://www.beispiel-gmbh.de/webinar
```

Use instead:
```text
---
channel: facebook
---
Jetzt anmelden zum Webinar am 12. März: https://www.beispiel-gmbh.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=webinar-maerz
```

## Fix
Safe, when the draft's account (its `utm` table in the accounts file, docs/accounts.md) or
`add-params` gives a value for every missing parameter: appends them to the link's query
(after the parameters it has, before its `#fragment`). The link still leads to the same
page; only the tracking is added. The account's values come first. Without either there is
no fix: which campaign a link belongs to is for the team to say.

```toml
[tool.postlint.rules.missing-utm]
add-params = ["utm_source={channel}", "utm_medium=social", "utm_campaign={account}"]
```

## Options
- `required-params`: query parameters every link must carry.
- `exempt-domains`: domains whose links need no tracking (subdomains included).
- `add-params`: `name=value` pairs the fix adds; `{channel}`, `{type}` and `{account}` in a
  value stand for the draft's (a pair whose value needs a missing `account` is left out).
"""

from urllib.parse import parse_qsl, quote, urlsplit

from postlint.checks.links._domains import on_domain
from postlint.i18n import t
from postlint.problem import Fix, Hit

CODE = "PL302"
NAME = "missing-utm"
OPTIONS = {"required-params": list, "exempt-domains": list, "add-params": list}


def check(draft, opts):
    for url in draft.urls:
        if on_domain(url.text, opts["exempt-domains"]):
            continue
        target = url.text if "://" in url.text else "https://" + url.text
        present = {key.lower() for key, _ in parse_qsl(urlsplit(target).query, keep_blank_values=True)}
        missing = [p for p in opts["required-params"] if p.lower() not in present]
        if missing:
            yield Hit(url.start, url.end, t("link without {parameters}", parameters=", ".join(missing)),
                      fix=_fix(draft, url, missing, opts))


def _fix(draft, url, missing: list[str], opts) -> Fix | None:
    """The missing parameters added to the link's query, when the account's UTM defaults
    and `add-params` have them all."""
    fields = {"channel": draft.channel, "type": draft.type, "account": draft.meta.get("account")}
    account = draft.account.utm if draft.account is not None else {}
    values = {name.lower(): (name, value) for name, value in account.items()}
    for pair in opts["add-params"]:
        name, equals, template = pair.partition("=")
        if not equals or ("{account}" in template and not isinstance(fields["account"], str)):
            continue
        try:
            value = template.format_map(fields)
        except (KeyError, IndexError, ValueError):  # an unknown placeholder: no value to add
            continue
        values.setdefault(name.strip().lower(), (name.strip(), value))
    if not all(p.lower() in values for p in missing):
        return None
    added = "&".join(f"{quote(values[p.lower()][0], safe='')}={quote(values[p.lower()][1], safe='-_.~')}"
                     for p in missing)
    link = url.text
    fragment = link.find("#")
    at = url.start + (fragment if fragment >= 0 else len(link))
    head = link[:fragment] if fragment >= 0 else link
    joiner = "" if head.endswith(("?", "&")) else "&" if "?" in head else "?"
    return Fix(at, at, joiner + added, safe=True)
