"""Whole-file writes for the caches and shipped vectors that other processes read while we write.

An ingest, an API replica and a benchmark may build the same cache at the same moment, and a
server may read it meanwhile. Each writer therefore writes under a temporary name of its own in
the target's folder and renames it into place: a reader sees the old file or the new one, never
half of one, and two writers never write into the same temporary file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_whole(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write `path` whole or not at all, readable by all.

    mkstemp makes files owner-only; an API replica or an ingest may run as another user than
    the one that wrote the file, so the mode is set to 0644 before the rename. A failed write
    removes its temporary file and leaves the previous `path` as it was.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
