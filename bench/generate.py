"""Generate a reproducible corpus of realistic drafts for benchmarks.

    python bench/generate.py OUT_DIR --count 10000 [--seed 2026]

German and English drafts of LinkedIn length with front matter, hashtags, links, emoji,
mentions and author notes, a few X, Instagram and Facebook drafts, connection notes and
messages. The same seed and count give byte-identical files.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

OPENERS = {
    "de": ["Was ich diese Woche gelernt habe:", "Drei Learnings aus unserem Kundenprojekt.",
           "Heute vor einem Jahr haben wir etwas gewagt.", "Eine Frage, die mich seit Tagen beschäftigt:",
           "Wir suchen Verstärkung!", "Unser Team war letzte Woche auf der DMEXCO.",
           "Kurzer Rückblick auf den Digitalgipfel in Stuttgart."],
    "en": ["Here is what I learned this week:", "Three lessons from our latest customer project.",
           "A year ago today we took a risk.", "A question I keep coming back to:",
           "We are hiring!", "Our team spent last week at Web Summit.", "A quick look back at our product launch."],
}
SENTENCES = {
    "de": ["Neue Kolleginnen und Kollegen brauchten bei uns früher vierzehn Wochen, bis sie sich sicher fühlten.",
           "Heute sind es sieben, weil wir zugehört und drei Dinge verändert haben.",
           "Der wichtigste Schritt war, Fragen zu stellen, bevor wir Antworten verkauft haben.",
           "KI nimmt uns keine Arbeit ab, die wir nicht vorher verstanden haben.",
           "Im Mittelstand entscheidet selten die Technik, fast immer die Kultur.",
           "Wir haben 312 Entscheiderinnen und Entscheider gefragt, was sie 2026 vorhaben.",
           "Das Ergebnis hat uns überrascht: Nachhaltigkeit steht vor Kostensenkung.",
           "Ohne das Team von @beispiel_gmbh wäre dieses Projekt nie fertig geworden.",
           "Die Zahlen sprechen für sich, aber die Geschichten dahinter sind spannender.",
           "Wer mehr wissen will, findet die Details unter www.beispiel-gmbh.de/studie.",
           "Mein Tipp: Fangt klein an, messt ehrlich und feiert die ersten Erfolge.",
           "Was meint ihr: Ist das übertragbar auf eure Branche?",
           "Schreibt mir gern, wenn ihr Fragen habt. 🙌",
           "Die Anmeldung läuft noch bis Freitag: https://www.beispiel-gmbh.de/webinar?utm_source=linkedin",
           "Danke an alle, die mitgemacht haben! 💙"],
    "en": ["New hires used to need fourteen weeks before they felt confident.",
           "Today it takes seven, because we listened and changed three things.",
           "The most important step was asking questions before selling answers.",
           "AI does not take over work we have not understood first.",
           "In mid-sized companies culture decides far more often than technology.",
           "We asked 312 decision makers what they plan for 2026.",
           "The result surprised us: sustainability now ranks above cost cutting.",
           "Without the team at @example_corp this project would never have shipped.",
           "The numbers speak for themselves, but the stories behind them matter more.",
           "If you want the details, the full report is at https://planwise.example.com/report",
           "My advice: start small, measure honestly and celebrate the first wins.",
           "What would you add to this list?",
           "Let me know in the comments if this matches your experience. 🙌",
           "Registration is open until Friday: planwise.example.com/webinar",
           "Thank you to everyone who took part! 🚀"],
}
HASHTAGS = {
    "de": ["#Digitalisierung", "#KI", "#Mittelstand", "#HR", "#Onboarding", "#Nachhaltigkeit", "#Vertrieb",
           "#Unternehmenskultur", "#Führung", "#NewWork", "#Karriere", "#Innovation"],
    "en": ["#AI", "#Leadership", "#SaaS", "#Productivity", "#HR", "#Hiring", "#Sustainability", "#Sales",
           "#CustomerSuccess", "#FutureOfWork", "#Marketing", "#Innovation"],
}
CHANNELS = ["linkedin"] * 7 + ["x", "instagram", "facebook"]


def draft(rng: random.Random, index: int, start: datetime) -> str:
    lang = "de" if rng.random() < 0.6 else "en"
    channel = rng.choice(CHANNELS)
    kind = "post" if rng.random() < 0.9 or channel != "linkedin" else rng.choice(["connection-note", "message"])
    when = start + timedelta(hours=rng.randrange(0, 24 * 90))
    front = [f"channel: {channel}", f"type: {kind}", f"account: {rng.choice(['anna', 'jonas', 'team', 'vertrieb'])}",
             f"scheduled: {when.isoformat()}"]
    if rng.random() < 0.5:
        front.append(f"lang: {lang}")
    if rng.random() < 0.05:
        front.append("sponsored: true")
    if kind != "post":
        greeting = "Hallo Frau Keller," if lang == "de" else "Hi Sarah,"
        body = f"{greeting} {rng.choice(SENTENCES[lang])} {rng.choice(SENTENCES[lang])}"
    else:
        size = {"x": 2, "instagram": 3}.get(channel, rng.randrange(4, 14))
        paragraphs, sentences = [], rng.sample(SENTENCES[lang], min(size, len(SENTENCES[lang])))
        while sentences:
            take = rng.randrange(1, 4)
            paragraphs.append(" ".join(sentences[:take]))
            sentences = sentences[take:]
        tags = " ".join(rng.sample(HASHTAGS[lang], rng.choice([0, 1, 2, 3, 3, 3, 4, 5, 6, 8])))
        note = "<!-- Bild: Teamfoto, Freigabe liegt vor -->\n" if rng.random() < 0.2 else ""
        body = note + rng.choice(OPENERS[lang]) + "\n\n" + "\n\n".join(paragraphs) + ("\n\n" + tags if tags else "")
    return "---\n" + "\n".join(front) + "\n---\n" + body + "\n"


def generate(out: Path, count: int, seed: int = 2026) -> list[Path]:
    rng = random.Random(seed)
    start = datetime(2026, 12, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    paths = []
    for i in range(count):
        folder = out / f"batch{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"draft{i:06d}.md"
        path.write_text(draft(rng, i, start), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
    print(f"wrote {args.count} drafts to {args.out}")
