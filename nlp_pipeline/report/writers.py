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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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


def csv_bytes(df) -> bytes:
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    return buf.getvalue().encode(CSV_ENCODING)


def parquet_bytes(df) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()


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
