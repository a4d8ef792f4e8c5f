"""The default install has no torch, sentence-transformers, spaCy or Dask: each feature
that needs one says, in Chinese by default, which extra to install."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp_pipeline.align.encoders import EncoderError, load_encoder
from nlp_pipeline.cli import main

REPORT = Path(__file__).parent / "data" / "align" / "water.txt"


@pytest.fixture
def no_st(monkeypatch):
    # a None entry makes `import sentence_transformers` raise ImportError
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)


def test_model_without_the_st_extra_names_it(no_st, tmp_path):
    with pytest.raises(EncoderError) as err:
        load_encoder(str(tmp_path))
    assert '.[st]' in err.value.message("zh") and "torch==2.13.0" in err.value.message("zh")
    assert "可选组件" in err.value.message("zh")
    assert '.[st]' in err.value.message("en")


def test_cli_model_without_the_st_extra(no_st, tmp_path):
    r = CliRunner().invoke(main, ["align", str(REPORT), "--model", str(tmp_path)])
    assert r.exit_code == 2, r.output
    assert '.[st]' in r.output


def test_make_nlp_without_spacy_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    from nlp_pipeline.text import make_nlp

    with pytest.raises(ImportError, match=r"\.\[spacy\]"):
        make_nlp()


def test_default_path_loads_no_optional_package():
    code = (
        "import sys\n"
        "from nlp_pipeline.pipeline import analyze\n"
        f"analyze({str(REPORT)!r})\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers', 'sympy', 'spacy',"
        " 'sklearn', 'scipy', 'dask', 'distributed', 'jieba.posseg', 'pyarrow', 'pandas', 'datasketch')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_wheel_ships_the_lexicons(tmp_path):
    """A non-editable install (pip install .) reads its lexicons from the package:
    setup.py copies lexicons/ into the wheel as nlp_pipeline/_lexicons."""
    import shutil
    import zipfile

    root = Path(__file__).resolve().parent.parent
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(root / name, src / name)
    for name in ("nlp_pipeline", "lexicons"):
        shutil.copytree(root / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True)
    if proc.returncode != 0 and "No module named" in proc.stderr:
        pytest.skip(f"cannot build a wheel here: {proc.stderr[-200:]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("nlp_pipeline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lexicon in (root / "lexicons").iterdir():
        if lexicon.is_file():
            assert f"nlp_pipeline/_lexicons/{lexicon.name}" in names
