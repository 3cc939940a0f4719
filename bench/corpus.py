"""A synthetic corpus of briefings in the project's own format, for benchmarks (fixed seed).

400 to 900 words each; 1 to 3 topics out of 30; 0 to 6 names (out of 600 unless told); 1 to 3
sources; dates over 8 years (fewer topics and years when told, such as one topic in one year).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "network operator supplier security review tariff export licence market government agency minister "
    "equipment vendor core periphery spectrum auction talks truce deal rule court filing statement report "
    "analysts investors consumers chips software hardware factory shipment customs duty retaliation"
).split()
TOPIC_COUNT = 30
FIRST_DAY = date(2017, 1, 1)


def topics_yaml(count: int = TOPIC_COUNT) -> str:
    return "".join(
        f"topic-{i:02d}:\n  title: Topic {i:02d}\n  description: Synthetic topic number {i}.\n" for i in range(count)
    )


def body(rng: random.Random) -> str:
    words = rng.randint(400, 900)
    paragraphs = []
    while words > 0:
        n = min(words, rng.randint(40, 120))
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        words -= n
    sections = ["What happened", "Why it matters", "Background", "What to watch"]
    out = []
    for i, paragraph in enumerate(paragraphs):
        if i < len(sections):
            out.append(f"## {sections[i]}\n")
        out.append(paragraph + "\n")
    return "\n".join(out)


def write_corpus(
    root: Path,
    count: int,
    *,
    seed: int = 1,
    names_in_all: int = 600,
    topic_count: int = TOPIC_COUNT,
    years: int = 8,
) -> list[Path]:
    """Write `count` briefings and a topic registry under `root/briefings`; return the briefing files.

    Names are drawn from `names_in_all`: half people, a third organizations, a sixth places.
    """
    rng = random.Random(seed)
    briefings = root / "briefings"
    briefings.mkdir(parents=True, exist_ok=True)
    (briefings / "topics.yml").write_text(topics_yaml(topic_count), encoding="utf-8")
    names = [f"Person {i}" for i in range(names_in_all // 2)]
    organizations = [f"Organization {i}" for i in range(names_in_all // 3)]
    places = [f"Place {i}" for i in range(names_in_all - len(names) - len(organizations))]
    files = []
    for i in range(count):
        day = FIRST_DAY + timedelta(days=rng.randrange(years * 365))
        topics = rng.sample(range(topic_count), rng.randint(1, min(3, topic_count)))
        n_names = rng.randint(0, 6)
        people = rng.sample(names, rng.randint(0, n_names))
        orgs = rng.sample(organizations, rng.randint(0, n_names - len(people)))
        where = rng.sample(places, n_names - len(people) - len(orgs))
        sources = "".join(
            f"  - publisher: Publisher {rng.randint(1, 40)}\n    title: Report {i}-{s}\n    date: {day.isoformat()}\n"
            for s in range(rng.randint(1, 3))
        )
        lines = [
            "---",
            f"title: Synthetic development number {i}",
            f"date: {day.isoformat()}",
            f"summary: A synthetic briefing about development {i}, written for benchmarks.",
            "topics: [" + ", ".join(f"topic-{t:02d}" for t in topics) + "]",
        ]
        for field, values in (("people", people), ("organizations", orgs), ("places", where)):
            if values:
                lines.append(f"{field}: [" + ", ".join(values) + "]")
        lines.append("sources:\n" + sources.rstrip("\n"))
        lines.append("---\n")
        path = briefings / str(day.year) / f"{day.isoformat()}-synthetic-{i}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n" + body(rng), encoding="utf-8")
        files.append(path)
    return files
