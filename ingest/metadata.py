"""Document metadata: from front matter when the editor gave it, inferred otherwise."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from assistant.statutes import Statute, by_bwb_id, by_name
from assistant.taxonomy import DOC_TYPES, FOLDER_DOC_TYPES, THEMES

# Keyword stems that suggest a theme when front matter does not list any.
_THEME_HINTS: dict[str, tuple[str, ...]] = {
    "huisvesting": ("huisvest", "woonruimte", "verhuur", "huur", "woning", "logies"),
    "registratie": ("brp", "rni", "inschrijv", "basisregistratie", "registratie"),
    "informatievoorziening": ("informatie", "voorlichting", "taal"),
    "zorg-en-welzijn": ("zorg", "huisarts", "welzijn", "gezondheid"),
    "toezicht-en-handhaving": ("handhav", "toezicht", "boete", "last onder", "sanctie"),
    "regionale-samenwerking": ("regio", "regionaal", "samenwerk"),
    "communicatie-en-draagvlak": ("communicatie", "draagvlak", "omwonende", "bewoners"),
}


@dataclass
class DocMeta:
    title: str
    doc_type: str
    themes: list[str]
    url: str | None = None
    date: str | None = None
    summary: str | None = None
    bwb_id: str | None = None
    law_name: str | None = None
    warnings: list[str] = field(default_factory=list)


def _as_date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text or None


def _short_law_name(title: str, meta: dict[str, Any], statute: Statute | None) -> str:
    if meta.get("citeertitel"):
        return str(meta["citeertitel"]).strip()
    if statute is not None:
        return statute.name
    paren = re.search(r"\(([^()]{4,80})\)\s*$", title)
    return paren.group(1).strip() if paren else title


def _self_reference(text: str) -> str | None:
    """The BWB id a statute export links to most: its own (articles refer to each other)."""
    ids = re.findall(r"jci1\.3:c:(BWBR\d{7})", text)
    if not ids:
        return None
    best = max(set(ids), key=ids.count)
    return best if ids.count(best) >= 3 else None


def resolve_metadata(
    source: str,
    front: dict[str, Any],
    body_title: str,
    is_regulation: bool,
    text: str = "",
) -> DocMeta:
    warnings: list[str] = []
    path = PurePosixPath(source)
    fallback = path.stem.replace("_", " ").replace("-", " ")
    title = str(front.get("title") or body_title or fallback)
    title = re.sub(r"\s+", " ", title).strip()

    doc_type = front.get("doc_type")
    if doc_type is not None and doc_type not in DOC_TYPES:
        warnings.append(f"unknown doc_type {doc_type!r}; inferred instead")
        doc_type = None
    if doc_type is None:
        for part in reversed(path.parts[:-1]):
            if part.lower() in FOLDER_DOC_TYPES:
                doc_type = FOLDER_DOC_TYPES[part.lower()]
                break
    if doc_type is None:
        doc_type = "regelgeving" if is_regulation else "publicatie"

    bwb_id = front.get("bwb_id") or front.get("identifier")
    bwb_id = str(bwb_id) if bwb_id and re.fullmatch(r"BWBR\d{7}", str(bwb_id)) else None
    if not bwb_id and is_regulation and not front.get("doc_type"):
        bwb_id = _self_reference(text)
    statute = by_bwb_id(bwb_id) or by_name(f"{title} {body_title}")
    if statute and not bwb_id and is_regulation:
        bwb_id = statute.bwb_id

    raw_themes = front.get("themes") or []
    if isinstance(raw_themes, str):
        raw_themes = [t.strip() for t in raw_themes.split(",")]
    themes = [t for t in raw_themes if t in THEMES]
    for unknown in set(raw_themes) - set(themes):
        warnings.append(f"unknown theme {unknown!r} ignored")
    if not themes:
        low = f"{title} {front.get('summary', '')}".lower()
        themes = [theme for theme, hints in _THEME_HINTS.items() if any(h in low for h in hints)]
    if doc_type == "regelgeving" and "regelgeving" not in themes:
        themes.append("regelgeving")

    url = front.get("url") or front.get("bron") or front.get("source_url")
    if not url and bwb_id and is_regulation:
        url = f"https://wetten.overheid.nl/{bwb_id}"
    if not url and source.startswith(("http://", "https://")):
        url = source
    date = _as_date(
        front.get("updated")
        or front.get("version_date")
        or front.get("toestand")
        or front.get("laatste_update")
        or front.get("date")
    )
    law_name = _short_law_name(title, front, statute) if is_regulation else None
    return DocMeta(
        title=law_name if (is_regulation and not front.get("doc_type")) else title,
        doc_type=doc_type,
        themes=themes,
        url=str(url) if url else None,
        date=date,
        summary=front.get("summary"),
        bwb_id=bwb_id,
        law_name=law_name,
        warnings=warnings,
    )
