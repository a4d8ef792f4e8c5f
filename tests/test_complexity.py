"""No function in nlp_pipeline/detect/ above cyclomatic complexity 15 (issue 12).

ruff's C901 (mccabe) with the limit set in pyproject.toml ([tool.ruff.lint.mccabe]); ruff
comes with the `test` extra. A detector that grows past the limit is split into smaller
named steps, not exempted.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DETECT = "nlp_pipeline/detect"


def _ruff() -> list[str] | None:
    if importlib.util.find_spec("ruff") is not None:
        return [sys.executable, "-m", "ruff"]
    exe = shutil.which("ruff")
    return [exe] if exe else None


def test_detect_functions_within_complexity_limit():
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the `test` extra: pip install -e '.[test]')")
    # the limit is read from pyproject.toml: ruff runs in the repository root
    proc = subprocess.run(
        ruff + ["check", "--select", "C901", "--output-format", "concise", "--no-cache", DETECT],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    if proc.returncode == 0:
        return
    offending = [line for line in proc.stdout.splitlines() if "C901" in line]
    assert offending, f"ruff failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    pytest.fail(
        f"{len(offending)} function(s) in {DETECT}/ above the complexity limit of "
        "[tool.ruff.lint.mccabe] in pyproject.toml; split them into smaller named functions:\n"
        + "\n".join(offending)
    )
