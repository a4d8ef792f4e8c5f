"""Imports run down the stages only: a module never imports a stage above its own, at
module level or inside a function. The batch runner sits above the pipeline; report/
only writes outputs and never calls back up into the pipeline."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "nlp_pipeline"

# lowest first; a module may import its own level and the levels below it
LEVELS = [
    # lexicon_schemas: the schema of every lexicon file, checked by lexicons.load_yaml. Four
    # of its models live with their readers (text.annotate, detect.resolve, ingest.content,
    # ingest.table_lexicon) and are named there as "module:attribute", imported only when
    # such a file is checked; moving them down here would leave no such reference.
    # messages: the catalog of finding messages (lexicons/messages.yaml), used by detect/ and report/
    # usercache: the per-user cache folder of start-up data (jieba's dictionary, the encoder)
    {"model", "errors", "lexicons", "lexicon_schemas", "filetype", "messages", "usercache"},
    {"ingest"},
    {"text"},
    {"align"},
    {"detect"},
    {"crossdoc"},  # copying across reports: pure, below the writers that show it
    {"report"},
    {"pipeline", "evaluate", "evaluate_reader"},
    {"runner"},
    {"cli"},
]

# Known exceptions, each a leaf module that imports nothing of the package:
# text/normalize.py (full-width to half-width) is used by the readers before the text
# stage. It belongs below ingest; moving it is left to the owners of ingest/ and text/.
ALLOWED = {("ingest", "nlp_pipeline.text.normalize")}


def _level(parts: tuple[str, ...]) -> int | None:
    head = parts[0] if parts else ""
    for k, names in enumerate(LEVELS):
        if head in names:
            return k
    return None


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("nlp_pipeline."):
                    yield node.lineno, a.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "nlp_pipeline":
                for a in node.names:
                    yield node.lineno, f"nlp_pipeline.{a.name}"
            elif node.module.startswith("nlp_pipeline."):
                yield node.lineno, node.module


def test_imports_run_down_the_stages_only():
    wrong = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("").parts
        if rel == ("__init__",):
            continue  # the package's front door imports lazily from every stage
        mine = _level(rel)
        assert mine is not None, f"{path}: a module outside the known stages"
        for line, name in _imports(path):
            theirs = _level(tuple(name.split(".")[1:]))
            if theirs is not None and theirs > mine and (rel[0], name) not in ALLOWED:
                wrong.append(f"{'/'.join(rel)}.py:{line} imports {name}")
    assert wrong == []


def test_the_batch_runner_is_not_in_report():
    assert not (PKG / "report" / "batch.py").exists()
    assert (PKG / "runner" / "batch.py").exists()


def test_rules_never_import_each_other():
    """A rule module imports only the shared helpers (detect/_*.py) and the registry,
    never another rule: one defect, one rule, and the resolver decides overlaps."""
    import ast
    from pathlib import Path

    import nlp_pipeline.detect as detect

    root = Path(detect.__file__).parent
    rules = {p.stem for p in root.glob("*.py") if not p.stem.startswith("_") and p.stem not in ("registry", "resolve")}
    bad = []
    for stem in sorted(rules):
        tree = ast.parse((root / f"{stem}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("nlp_pipeline.detect."):
                other = node.module.rsplit(".", 1)[1]
                if other in rules:
                    bad.append(f"{stem} imports {other}")
            if isinstance(node, ast.ImportFrom) and node.module == "nlp_pipeline.detect":
                bad += [f"{stem} imports {a.name}" for a in node.names if a.name in rules]
    assert bad == []
