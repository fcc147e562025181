"""YAML front matter: the editor's metadata at the top of a Markdown file."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


class FrontMatterError(ValueError):
    """Front matter present but not valid YAML mapping."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Return (metadata, body, body_offset). No front matter gives ({}, text, 0).

    The offset lets callers map positions in the body back to the original file.
    """
    match = _FRONT.match(text)
    if not match:
        return {}, text, 0
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values")
    return data, text[match.end() :], match.end()
