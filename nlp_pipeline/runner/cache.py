"""Finished analyses kept in OUTDIR/.cache and reused by a later run.

An entry is found by the fingerprint of everything that decides an analysis (see
fingerprint.py) and the SHA-256 of the input's bytes: change a detector, a lexicon, a
threshold, the model or an option, and no old entry is found again.
"""
from __future__ import annotations

import json
from pathlib import Path


class Cache:
    """JSON analyses under ``folder/<fingerprint>/<file sha256>.json``; ``folder=None``
    caches nothing."""

    def __init__(self, folder: str | Path | None, fingerprint: str = ""):
        self.folder = Path(folder) / fingerprint[:24] if folder else None

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest}.json"

    def get(self, digest: str) -> dict | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(digest), encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            return None

    def put(self, digest: str, doc: dict) -> None:
        if self.folder is None:
            return
        from nlp_pipeline.report.writers import atomic_write_text

        atomic_write_text(self._path(digest), json.dumps(doc, ensure_ascii=False, allow_nan=False))
