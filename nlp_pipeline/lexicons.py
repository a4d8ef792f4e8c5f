"""Access to the data files in lexicons/ (word lists, cue phrases, section labels).

Lexicons are data, not code: every list a rule uses lives in a file under lexicons/ and
is read here once per process.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"


# A folder of the user's own lexicon files (a tuned copy of some of them): each file
# there replaces the bundled file of the same name.
OVERRIDE_ENV = "NLP_PIPELINE_LEXICONS"


# os.environ.get encodes the name and, the variable being unset, raises and catches a
# KeyError at every call: ~1 µs, asked ~1,000 times a report by the rules' patterns. The
# mapping under os.environ is the one os.environ's own writes (and monkeypatch) update.
_ENV_DATA = getattr(os.environ, "_data", None)
_ENV_KEY = os.environ.encodekey(OVERRIDE_ENV) if _ENV_DATA is not None else None


def override_folder() -> str | None:
    """The value of ``NLP_PIPELINE_LEXICONS`` now (None when unset)."""
    if _ENV_DATA is None:
        return os.environ.get(OVERRIDE_ENV)
    raw = _ENV_DATA.get(_ENV_KEY)
    return None if raw is None else os.environ.decodevalue(raw)


def lexicon_dirs() -> list[Path]:
    """The folders lexicon files are looked up in, first match wins."""
    dirs = []
    override = override_folder()
    if override:
        dirs.append(Path(override).expanduser().resolve())
    dirs += [Path(__file__).resolve().parent / "_lexicons", LEXICON_DIR]
    return dirs


@functools.lru_cache(maxsize=None)
def _resolve(name: str, override: str | None) -> Path:
    dirs = lexicon_dirs()
    return next((d / name for d in dirs if (d / name).exists()), LEXICON_DIR / name)


def lexicon_path(name: str) -> Path:
    """Path of a lexicon file: the user's override folder, then the packaged copy, then
    the source tree."""
    key = (name, override_folder())
    path = _PATHS.get(key)
    if path is None:
        path = _PATHS[key] = _resolve(*key)
    return path


# (name, override folder) -> path: asked tens of thousands of times a batch (the rules'
# patterns are keyed by their file's path), where one dict lookup answers
_PATHS: dict[tuple[str, str | None], Path] = {}


# (name, override folder) -> data: the readers ask for their lexicon at every line, and
# resolving the path each time cost a twentieth of the reading time
_YAML_BY_NAME: dict[tuple[str, str | None], Any] = {}


def load_yaml(name: str) -> Any:
    key = (name, override_folder())
    data = _YAML_BY_NAME.get(key)
    if data is None:
        data = _YAML_BY_NAME[key] = _load_yaml(str(lexicon_path(name)))
    return data


def load_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line file; '#' starts a comment; the first field is the entry."""
    return _load_list(str(lexicon_path(name)))


# cached by resolved path, so that a process that switches lexicon folders reads the new files
@functools.lru_cache(maxsize=None)
def _load_yaml(path: str) -> Any:
    with open(path, encoding="utf-8") as fh:
        # libyaml's parser when present: same documents, a tenth of the time
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    # checked once per resolved path (this cache): a misspelt key in the user's copy is an
    # error naming that copy, not a rule that quietly reads nothing. Imported here: the
    # schemas import pydantic, and some live in modules that import this one.
    from nlp_pipeline.lexicon_schemas import validate

    validate(Path(path).name, path, data)
    return data


@functools.lru_cache(maxsize=None)
def _load_list(path: str) -> tuple[str, ...]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line.split()[0])
    from nlp_pipeline.lexicon_schemas import check_words

    return check_words(path, tuple(out))


class Lexicons:
    """Lazy attribute access: ``lex.yaml('cues.yaml')``, ``lex.words('x.txt')``."""

    def yaml(self, name: str) -> Any:
        return load_yaml(name)

    def words(self, name: str) -> tuple[str, ...]:
        return load_list(name)
