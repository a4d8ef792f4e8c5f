"""The per-user cache folder for start-up data (the encoder's weights, jieba's dictionary).

Everything kept here is derived from installed files only, and each entry's name carries a
key made from the versions and file stamps it was derived from, so a changed package or
lexicon never meets an old entry. Entries are written to a temporary name and renamed, so a
killed process leaves no half-written entry; any problem reading one falls back to building
it the usual way.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path


def cache_root() -> Path | None:
    """``$NLP_PIPELINE_CACHE``, else ``$XDG_CACHE_HOME/nlp-pipeline`` (``~/.cache/…``);
    ``NLP_PIPELINE_CACHE=""`` turns the cache off."""
    if os.environ.get("NLP_PIPELINE_CACHE") == "":
        return None
    root = os.environ.get("NLP_PIPELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "nlp-pipeline")
    return Path(root)


def file_stamp(path: str | os.PathLike) -> str:
    st = os.stat(path)
    return f"{st.st_mtime_ns}.{st.st_size}"


def load_pickle(name: str):
    """The object cached under ``name``, or None (no cache, no entry, or an unreadable one)."""
    root = cache_root()
    if root is None:
        return None
    path = root / name
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # damaged or foreign: drop it, it is made again
        try:
            path.unlink()
        except OSError:
            pass
        return None


def save_pickle(name: str, obj) -> bool:
    """Write ``obj`` under ``name`` whole or not at all; False where the folder is not writable."""
    root = cache_root()
    if root is None:
        return False
    tmp = root / f".{name}.tmp{os.getpid()}"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(tmp, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, root / name)
        return True
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        return False
