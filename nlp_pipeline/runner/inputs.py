"""Batch inputs: files, folders (searched recursively by extension) and glob patterns."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable

from nlp_pipeline.report.tables import error_row

# Extensions a folder is searched for; a file named explicitly is always tried.
DEFAULT_EXTENSIONS = (".txt", ".tsv", ".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")


def collect_inputs(
    inputs: Iterable[str | Path],
    extensions: Iterable[str] | None = None,
    exclude: Iterable[str | Path] = (),
) -> tuple[list[Path], list[dict]]:
    """Expand files, folders (recursively, by extension) and glob patterns.

    Returns (files in a stable order without repeats, error rows for inputs that match
    nothing). Hidden files and folders and anything under ``exclude`` (the output folder)
    are skipped.
    """
    exts = tuple(e.lower() for e in (extensions or supported_extensions()))
    excl = [Path(e).resolve() for e in exclude]
    seen: set[Path] = set()
    files: list[Path] = []
    errors: list[dict] = []

    def excluded(p: Path) -> bool:
        rp = p.resolve()
        return any(rp == e or e in rp.parents for e in excl)

    def add(p: Path) -> None:
        rp = p.resolve()
        if rp not in seen and not excluded(p):
            seen.add(rp)
            files.append(p)

    def walk(d: Path) -> None:
        for root, dirs, names in os.walk(d):
            dirs[:] = sorted(x for x in dirs if not x.startswith("."))
            if excluded(Path(root)):
                dirs[:] = []
                continue
            for n in sorted(names):
                if not n.startswith(".") and n.lower().endswith(exts):
                    add(Path(root) / n)

    for raw in inputs:
        p = Path(raw)
        before = len(files)
        if p.is_file():
            add(p)
        elif p.is_dir():
            walk(p)
            if len(files) == before and not excluded(p):
                # a folder with nothing to read is a mistake the user must hear about
                shown = "、".join(exts)
                errors.append(error_row(
                    str(raw), "input", "NoReportFiles",
                    f"文件夹中没有可读取的报告文件（支持 {shown}）：请检查文件夹是否选对",
                    f"the folder holds no report file ({', '.join(exts)}): check that it is the right folder"))
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                errors.append(error_row(
                    str(raw), "input", "FileNotFoundError",
                    "没有匹配的文件或文件夹：请检查路径或通配符是否写对",
                    "no file or folder matches: check the path or pattern"))
            for m in matches:
                mp_ = Path(m)
                if mp_.is_dir():
                    walk(mp_)
                elif mp_.is_file() and not mp_.name.startswith("."):
                    add(mp_)
    return files, errors


def supported_extensions() -> tuple[str, ...]:
    try:  # the readers know best what they read
        from nlp_pipeline.ingest import SUPPORTED_EXTENSIONS  # type: ignore

        return tuple(SUPPORTED_EXTENSIONS)
    except Exception:
        return DEFAULT_EXTENSIONS
