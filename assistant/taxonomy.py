"""The fixed vocabularies: document types and themes.

One list in the code, used by the corpus checker, the ingest metadata, the API's filter
validation and the widget. The themes are the ones the national support team works on.
"""

from __future__ import annotations

from typing import Literal

DocType = Literal["publicatie", "regelgeving", "praktijktip"]
DOC_TYPES: tuple[str, ...] = ("publicatie", "regelgeving", "praktijktip")

THEMES: dict[str, str] = {
    "huisvesting": "Huisvesting",
    "registratie": "Registratie (BRP/RNI)",
    "informatievoorziening": "Informatievoorziening",
    "zorg-en-welzijn": "Zorg en welzijn",
    "toezicht-en-handhaving": "Toezicht en handhaving",
    "regionale-samenwerking": "Regionale samenwerking",
    "communicatie-en-draagvlak": "Communicatie en draagvlak",
    "regelgeving": "Wet- en regelgeving",
}
"""Theme slug -> label. `regelgeving` is the cross-cutting theme for the rules behind the rest."""

# Folder names under a corpus root that imply a doc_type when front matter is silent.
FOLDER_DOC_TYPES: dict[str, str] = {
    "publicaties": "publicatie",
    "publicatie": "publicatie",
    "regelgeving": "regelgeving",
    "wetten": "regelgeving",
    "laws": "regelgeving",
    "praktijktips": "praktijktip",
    "praktijktip": "praktijktip",
}


def theme_key(theme: str) -> str:
    """Metadata key for a theme flag: Chroma filters on scalars, not list membership."""
    return f"theme_{theme.replace('-', '_')}"
