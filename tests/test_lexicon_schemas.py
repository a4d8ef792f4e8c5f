"""Every lexicon file has a schema, checked when it is loaded (nlp_pipeline.lexicon_schemas):
an unknown or missing key, a broken pattern or an empty word list is an error naming the
file, never a rule silently switched off."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nlp_pipeline import lexicons
from nlp_pipeline.errors import LexiconError
from pydantic import RootModel

from nlp_pipeline.lexicon_schemas import SCHEMAS, schema_for

YAML_FILES = sorted(p.name for p in lexicons.LEXICON_DIR.glob("*.yaml"))
TXT_FILES = sorted(p.name for p in lexicons.LEXICON_DIR.glob("*.txt"))
DOC = Path(__file__).resolve().parent.parent / "docs" / "lexicons.md"


def _clear() -> None:
    for fn in (lexicons._resolve, lexicons._load_yaml, lexicons._load_list):
        fn.cache_clear()


@pytest.fixture
def override(tmp_path, monkeypatch):
    """An empty override folder (NLP_PIPELINE_LEXICONS), with the lexicon caches cleared
    before and after so that no test sees another's files."""
    folder = tmp_path / "lex"
    folder.mkdir()
    monkeypatch.setenv(lexicons.OVERRIDE_ENV, str(folder))
    _clear()
    yield folder
    monkeypatch.delenv(lexicons.OVERRIDE_ENV)
    _clear()


def _shipped(name: str):
    with open(lexicons.LEXICON_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _refused(name: str, path: Path, *words: str) -> str:
    with pytest.raises(ValueError) as info:
        lexicons.load_yaml(name)
    msg = str(info.value)
    assert isinstance(info.value, LexiconError)
    assert str(path.resolve()) in msg and "词表格式错误" in msg, msg
    for w in words:
        assert w in msg, msg
    _clear()  # the next copy of the same file must be read again
    return msg


# --- every file has a schema, and the shipped files follow it ---------------------------


def test_every_yaml_lexicon_has_a_schema():
    missing = [n for n in YAML_FILES if schema_for(n) is None]
    assert not missing, f"lexicons without a schema in nlp_pipeline/lexicon_schemas.py: {missing}"
    # and every registered schema resolves to a model (a reference may name a moved class)
    for name in SCHEMAS:
        assert schema_for(name) is not None, name


@pytest.mark.parametrize("name", YAML_FILES)
def test_shipped_lexicon_validates_and_loads_unchanged(name):
    _clear()
    try:
        data = lexicons.load_yaml(name)
        # the plain data as parsed, not the model: readers index it as before
        assert data == _shipped(name)
        assert lexicons.load_yaml(name) is data  # checked once, then cached
    finally:
        _clear()


@pytest.mark.parametrize("name", TXT_FILES)
def test_shipped_word_lists_have_entries(name):
    assert lexicons.load_list(name)


def test_docs_name_every_lexicon():
    text = DOC.read_text(encoding="utf-8")
    missing = [n for n in YAML_FILES + TXT_FILES if f"`{n}`" not in text]
    assert not missing, f"docs/lexicons.md does not describe {missing}"


# --- what a user's copy may get wrong ---------------------------------------------------


@pytest.mark.parametrize("name", YAML_FILES)
def test_unknown_top_level_key_names_the_file(name, override):
    if name == "patterns.yaml":
        # named patterns are free names; tests/test_patterns.py checks each against the
        # names the rules ask for, both ways
        pytest.skip("patterns.yaml is keyed by pattern names")
    data = _shipped(name)
    data["no_such_key"] = data[next(iter(data))]  # a well-formed value under a stray key
    path = _write(override, name, data)
    # a catalog keyed by ids (messages.yaml) refuses it as a malformed id instead
    catalog = issubclass(schema_for(name), RootModel)
    _refused(name, path, "no_such_key", *(() if catalog else ("unknown key",)))


@pytest.mark.parametrize("name", YAML_FILES)
def test_missing_required_key_names_the_file(name, override):
    model = schema_for(name)
    if issubclass(model, RootModel):
        # a catalog keyed by ids has no fixed keys: messages.yaml's entries are checked
        # against the ids the rules declare (tests/test_messages.py)
        pytest.skip(f"{name} is a catalog keyed by ids")
    required = [k for k, f in model.model_fields.items() if f.is_required()]
    assert required, f"{name}: a schema with no required key checks nothing"
    for key in required:
        data = _shipped(name)
        del data[key]
        path = _write(override, name, data)
        _refused(name, path, key, "missing key")


def _regex_paths(node, trail=()):
    """Paths of the values under keys that say they hold patterns (*_pattern, *_patterns)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, str) and re.search(r"_patterns?$", k):
                if isinstance(v, str):
                    yield trail + (k,)
                elif isinstance(v, list) and v:
                    yield trail + (k, 0)
            else:
                yield from _regex_paths(v, trail + (k,))


# patterns under keys whose name does not say so (read with re / nlp_pipeline.text.patterns)
OTHER_PATTERNS = [
    ("citations.yaml", ("number",)),
    ("cues_goal_language.yaml", ("goal_cues", 0)),
    ("cues_goal_language.yaml", ("result_markers", 0)),
    ("cues_goal_language.yaml", ("target_qualifiers", 0)),
    ("cues_goal_language.yaml", ("weak_result_markers", 0)),
    ("cues_status.yaml", ("direction_down", 0)),
    ("cues_status.yaml", ("direction_up", 0)),
    ("sections.yaml", ("task_number",)),
    ("sections.yaml", ("header", "currency")),
    ("sections.yaml", ("header", "currency_in_label")),
    ("sections.yaml", ("header", "year_line")),
    ("sections.yaml", ("budget", "gap")),
    ("patterns.yaml", ("rate_word", "regex")),
]


def _all_pattern_cases():
    cases = [(n, p) for n in YAML_FILES for p in _regex_paths(_shipped(n))]
    return cases + [c for c in OTHER_PATTERNS if c[0] in YAML_FILES]


@pytest.mark.parametrize("name,where", _all_pattern_cases(), ids=lambda x: x if isinstance(x, str) else ".".join(map(str, x)))
def test_broken_pattern_names_the_file(name, where, override):
    data = _shipped(name)
    box = data
    for k in where[:-1]:
        box = box[k]
    box[where[-1]] = "(unclosed"
    path = _write(override, name, data)
    _refused(name, path, "regular expression")


def test_pattern_keys_are_found():
    # the search above must see the pattern fields of the cue files, or it tests nothing
    found = {n for n, _ in _all_pattern_cases()}
    assert {"cues_claims.yaml", "cues_status.yaml", "detect_numeric.yaml", "numbers_context.yaml"} <= found


def test_wrong_type_and_unknown_nested_key_name_the_file(override):
    data = _shipped("detect_numeric.yaml")
    data["similarity"]["threshold"] = "high"
    data["magnitude"]["money_factr"] = 100
    path = _write(override, "detect_numeric.yaml", data)
    msg = _refused("detect_numeric.yaml", path, "similarity.threshold", "magnitude.money_factr")
    assert "unknown key" in msg


def test_empty_word_in_a_list_is_refused(override):
    data = _shipped("cues_status.yaml")
    data["not_finished"].append("")  # would be found in every text
    path = _write(override, "cues_status.yaml", data)
    _refused("cues_status.yaml", path, "not_finished")


def test_budget_field_and_section_ids_are_checked(override):
    data = _shipped("sections.yaml")
    data["budget"]["amounts"]["adjusted_budgt"] = ["调整预算"]
    data["expected"]["form"].append("X")
    path = _write(override, "sections.yaml", data)
    _refused("sections.yaml", path, "adjusted_budgt", "'X'")


def test_existing_schema_modules_are_used(override):
    # the models that live with their readers: section_cues.yaml refuses unknown sections
    data = _shipped("section_cues.yaml")
    data["cues"]["Z"] = {"目标": 1.0}
    path = _write(override, "section_cues.yaml", data)
    _refused("section_cues.yaml", path, "unknown section ids")


@pytest.mark.parametrize("name", TXT_FILES)
def test_empty_word_list_names_the_file(name, override):
    path = override / name
    path.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        lexicons.load_list(name)
    assert str(path.resolve()) in str(info.value) and "词表为空" in str(info.value)


def test_empty_traditional_table_names_the_file(override):
    from nlp_pipeline.ingest import variants

    path = override / variants.TABLE
    path.write_text("# nothing\n", encoding="utf-8")
    variants._load.cache_clear()
    try:
        with pytest.raises(ValueError, match=re.escape(str(path.resolve()))):
            variants.table()
    finally:
        variants._load.cache_clear()


def test_override_of_one_file_leaves_the_others_bundled(override):
    data = _shipped("cues_vague.yaml")
    data["max_chars"] = 31
    _write(override, "cues_vague.yaml", data)
    assert lexicons.load_yaml("cues_vague.yaml")["max_chars"] == 31
    assert lexicons.load_yaml("units.yaml") == _shipped("units.yaml")


def test_a_broken_lexicon_is_reported_as_such_not_as_a_bug(override):
    from nlp_pipeline.runner.engines import analyze_one

    data = _shipped("cues_status.yaml")
    data["not_finishd"] = data.pop("not_finished")
    path = _write(override, "cues_status.yaml", data)

    def reads_the_lexicon(source, **kw):
        return lexicons.load_yaml("cues_status.yaml")

    res = analyze_one("some_report.txt", None, reads_the_lexicon)
    assert not res["ok"] and res["stage"] == "lexicon" and res["error_type"] == "LexiconError"
    assert str(path.resolve()) in res["reason"] and "not_finishd" in res["reason"]
    assert "程序缺陷" not in res["reason"]
