"""Issue 12: no regular expression over raw text in detect/. Rules read the annotations
(figures, years, clauses, cue spans) and run the patterns kept as data through
nlp_pipeline.text.patterns; none of them imports re."""
from __future__ import annotations

import ast
from pathlib import Path

DETECT = Path(__file__).resolve().parent.parent / "nlp_pipeline" / "detect"


def _re_imports(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [f"{path.name}:{node.lineno} import {a.name}" for a in node.names
                    if a.name == "re" or a.name.startswith("re.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and (node.module == "re" or node.module.startswith("re.")):
            out.append(f"{path.name}:{node.lineno} from {node.module} import ...")
    return out


def test_no_module_in_detect_imports_re():
    paths = sorted(DETECT.rglob("*.py"))
    assert paths, DETECT
    assert [line for p in paths for line in _re_imports(p)] == []


def test_the_check_sees_every_form_of_import(tmp_path):
    src = tmp_path / "x.py"
    src.write_text("import os, re\nfrom re import sub\ndef f():\n    import re as rx\n", encoding="utf-8")
    assert len(_re_imports(src)) == 3
