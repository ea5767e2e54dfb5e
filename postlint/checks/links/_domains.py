"""Domain matching shared by the link rules."""

from postlint import text


def on_domain(url: str, domains) -> bool:
    """True when the url's host is one of `domains` or a subdomain of one."""
    host = text.domain_of(url)
    return any(host == d or host.endswith("." + d) for d in (d.lower().removeprefix("www.") for d in domains))
