"""Access to the data files in lexicons/ (word lists, cue phrases, section labels).

Lexicons are data, not code: every list a rule uses lives in a file under lexicons/ and
is read here once per process.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"


def lexicon_path(name: str) -> Path:
    """Path of a lexicon file; the packaged copy is preferred, then the source tree."""
    packaged = Path(__file__).resolve().parent / "_lexicons" / name
    return packaged if packaged.exists() else LEXICON_DIR / name


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    with open(lexicon_path(name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line file; '#' starts a comment; the first field is the entry."""
    out = []
    with open(lexicon_path(name), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line.split()[0])
    return tuple(out)


class Lexicons:
    """Lazy attribute access: ``lex.yaml('cues.yaml')``, ``lex.words('x.txt')``."""

    def yaml(self, name: str) -> Any:
        return load_yaml(name)

    def words(self, name: str) -> tuple[str, ...]:
        return load_list(name)
