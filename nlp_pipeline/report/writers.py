"""Writers that leave every output file whole or absent.

Each file is written to a temporary file in the same directory (so os.replace is an
atomic rename on one filesystem), flushed and fsynced, then renamed over the target. A
reader never sees half a CSV, and a batch that dies midway leaves the previous outputs
as they were. :class:`Staging` holds a batch's files back until all are rendered, so a
failure while rendering one of them replaces none.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

# CSV for spreadsheet users: a BOM makes Excel read UTF-8 Chinese correctly, and pandas
# strips it on read.
CSV_ENCODING = "utf-8-sig"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _tmp_for(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    # the writer's pid in the name tells a later run whether the file is still being
    # written or was left behind by a run that was killed
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.pid{os.getpid()}.", suffix=".tmp", dir=path.parent)
    # mkstemp makes 0600 files; outputs are shared reports, so give them the mode an
    # ordinary open() would (0666 less the umask)
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    fd, tmp = _tmp_for(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    return path


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    return atomic_write_bytes(path, text.encode(encoding))


# A cell starting with one of these is read as a formula by Excel, WPS and LibreOffice
# (=HYPERLINK(...) in a quoted sentence, +/- before a number in a file name, @SUM, and a
# leading tab or carriage return that hides the character after it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """A text cell a spreadsheet would run as a formula, with a leading apostrophe
    (shown as text, not evaluated); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe(df):
    """A copy of ``df`` whose text columns hold no cell that opens as a formula. Number
    columns are left alone: a negative number is a number, not a formula."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) == "string":
            out[col] = out[col].map(neutralise_cell, na_action="ignore")
    return out


def csv_bytes(df) -> bytes:
    """CSV for spreadsheet users: UTF-8 with a BOM, formula-like text cells neutralised."""
    buf = io.StringIO()
    spreadsheet_safe(df).to_csv(buf, index=False)
    return buf.getvalue().encode(CSV_ENCODING)


class ParquetUnavailable(RuntimeError):
    """Parquet was asked for but pyarrow (the ``parquet`` extra) is not installed."""

    zh = ("读写 Parquet 文件需要可选组件 parquet（pyarrow），当前未安装：请运行 "
          "pip install \"nlp-pipeline[parquet]\"（源码目录中为 pip install -e \".[parquet]\"），或改用 --format csv,html")
    en = ("reading or writing Parquet needs the optional extra parquet (pyarrow), which is not installed: "
          "run pip install \"nlp-pipeline[parquet]\" (in the source tree pip install -e \".[parquet]\"), or use --format csv,html")

    def __init__(self):
        super().__init__(self.en)

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


def have_parquet() -> bool:
    """Whether pyarrow, which pandas needs for Parquet, is installed (the ``parquet``
    extra: 170 MB the default install leaves out)."""
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def parquet_bytes(df) -> bytes:
    if not have_parquet():
        raise ParquetUnavailable()
    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()


_TMP_RE = re.compile(r"^\..+?\.(?:pid(\d+)\.)?[A-Za-z0-9_]+\.tmp$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def remove_stale_temporaries(outdir: str | Path) -> list[Path]:
    """Remove the temporary files (``.NAME.pidPID.XXXX.tmp``) that runs killed midway
    left in ``outdir``; a file whose writer is still running is kept. Returns what was
    removed."""
    removed = []
    root = Path(outdir)
    if not root.is_dir():
        return removed
    for dirpath, _, names in os.walk(root):
        for name in names:
            m = _TMP_RE.match(name)
            if not m:
                continue
            pid = int(m.group(1)) if m.group(1) else None
            if pid is not None and pid != os.getpid() and _alive(pid):
                continue
            if pid == os.getpid():
                continue
            p = Path(dirpath) / name
            _unlink(p)
            removed.append(p)
    return removed


def write_batch(staging: "Staging", reports, findings, errors, formats, lang: str = "zh", copies=None) -> list[Path]:
    """Stage a batch's tables and index in their formats, then put them all in place.
    ``copies`` (a crossdoc CopyResult) adds the groups of reports that share text to the
    index page."""
    if "csv" in formats:
        staging.add("reports.csv", csv_bytes(reports))
        staging.add("findings.csv", csv_bytes(findings))
    if "parquet" in formats:
        staging.add("reports.parquet", parquet_bytes(reports))
        staging.add("findings.parquet", parquet_bytes(findings))
    # errors.csv always: a run must say what it could not read
    staging.add("errors.csv", csv_bytes(errors))
    if "html" in formats:
        from nlp_pipeline.report.html import render_index

        index = render_index(reports, errors, lang=lang)
        if copies is not None:
            from nlp_pipeline.report.copies import render_copies

            # the section goes last in the page, after the tables the index script works on
            index = index.replace("</body>", render_copies(copies, lang=lang) + "\n</body>", 1)
        staging.add("index.html", index)
    return staging.commit()


def _unlink(p: str | Path) -> None:
    try:
        os.unlink(p)
    except FileNotFoundError:
        pass


class Staging:
    """Collect output files, then put them all in place at once.

        with Staging(outdir) as st:
            st.add("reports.csv", csv_bytes(df))
            ...
        # on a clean exit every staged file is renamed into place; on an exception none is

    Each file is written to its temporary file as soon as it is added (memory stays flat
    for a batch of many HTML pages); the renames at the end take milliseconds.
    """

    def __init__(self, outdir: str | Path):
        self.outdir = Path(outdir)
        self._staged: list[tuple[str, Path]] = []

    def add(self, relpath: str | Path, data: bytes | str) -> Path:
        if isinstance(data, str):
            data = data.encode("utf-8")
        target = self.outdir / relpath
        fd, tmp = _tmp_for(target)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            _unlink(tmp)
            raise
        self._staged.append((tmp, target))
        return target

    def commit(self) -> list[Path]:
        done = []
        for tmp, target in self._staged:
            os.replace(tmp, target)
            done.append(target)
        self._staged = []
        return done

    def abort(self) -> None:
        for tmp, _ in self._staged:
            _unlink(tmp)
        self._staged = []

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
