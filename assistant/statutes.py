"""Known statutes: names, abbreviations and BWB ids.

Used at ingest (to name a law and build official article links when a file lacks an
identifier) and at query time (to recognise "art. 12ba Waadi" or "Wgv" in a question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Statute:
    name: str
    bwb_id: str
    aliases: tuple[str, ...]
    short: str | None = None
    """The abbreviation people use ("Waadi"); indexed in each article's header, because
    questions use it and the statute text itself never does."""

    def indexed_name(self, law_name: str) -> str:
        """`law_name` with the abbreviation: "Wet basisregistratie personen (Wet BRP)"."""
        if self.short and self.short.lower() not in law_name.lower():
            return f"{law_name} ({self.short})"
        return law_name


STATUTES: tuple[Statute, ...] = (
    Statute(
        "Wet goed verhuurderschap",
        "BWBR0048028",
        ("wgv", "wet goed verhuurderschap", "good landlordship act"),
        "Wgv",
    ),
    Statute("Regeling goed verhuurderschap", "BWBR0048281", ("regeling goed verhuurderschap",)),
    Statute(
        "Huisvestingswet 2014",
        "BWBR0035303",
        ("huisvestingswet", "huisvestingswet 2014", "hw 2014", "hw2014", "housing act"),
    ),
    Statute(
        "Wet allocatie arbeidskrachten door intermediairs",
        "BWBR0009616",
        (
            "waadi",
            "wtta",
            "wet allocatie arbeidskrachten door intermediairs",
            "wet toelating terbeschikkingstelling arbeidskrachten",
        ),
        "Waadi",
    ),
    Statute(
        "Wet basisregistratie personen",
        "BWBR0033715",
        ("wet brp", "brp", "wet basisregistratie personen", "basisregistratie personen"),
        "Wet BRP",
    ),
    Statute(
        "Besluit bouwwerken leefomgeving",
        "BWBR0041297",
        ("bbl", "besluit bouwwerken leefomgeving"),
        "Bbl",
    ),
)

_BY_BWB = {s.bwb_id: s for s in STATUTES}


def by_bwb_id(bwb_id: str | None) -> Statute | None:
    return _BY_BWB.get(bwb_id or "")


def by_name(text: str) -> Statute | None:
    """The statute whose official name appears in `text` (e.g. a file's title)."""
    low = text.lower()
    for statute in STATUTES:
        if statute.name.lower() in low:
            return statute
    return None


def mentioned(text: str) -> list[Statute]:
    """Statutes referred to in a question by name or abbreviation, as whole words."""
    low = text.lower()
    found: list[Statute] = []
    for statute in STATUTES:
        for alias in statute.aliases:
            if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", low):
                found.append(statute)
                break
    return found


def article_url(bwb_id: str, article: str | None) -> str:
    base = f"https://wetten.overheid.nl/jci1.3:c:{bwb_id}"
    return f"{base}&artikel={article}" if article else f"https://wetten.overheid.nl/{bwb_id}"
