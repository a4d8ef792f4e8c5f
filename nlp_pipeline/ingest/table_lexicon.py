"""lexicons/table_columns.yaml, checked against its schema when it is loaded.

A misspelt key must not switch a column off silently: unknown or missing keys are an error
that names the file.
"""
from __future__ import annotations

import functools

from pydantic import BaseModel, ConfigDict, ValidationError

from nlp_pipeline.errors import LexiconError
from nlp_pipeline.lexicons import lexicon_path, load_yaml

NAME = "table_columns.yaml"
COLUMNS = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason", "label", "other")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Columns(_Strict):
    level1: list[str]
    level2: list[str]
    name: list[str]
    target: list[str]
    actual: list[str]
    weight: list[str]
    score: list[str]
    reason: list[str]
    label: list[str]
    other: list[str]


class _Unfilled(_Strict):
    placeholders: list[str]
    instructions: list[str]


class _Forms(_Strict):
    target_table: list[str]
    project_form: list[str]
    department_form: list[str]


class TableLexicon(_Strict):
    header_slack: int
    columns: _Columns
    min_header_columns: int
    level1: list[str]
    level2: list[str]
    level2_parent: dict[str, str]
    total_labels: list[str]
    prose_total_labels: list[str]
    value_words: list[str]
    unfilled: _Unfilled
    forms: _Forms
    budget_columns: dict[str, list[str]]
    budget_total_labels: list[str]
    signature_labels: list[str]


@functools.lru_cache(maxsize=None)
def table_lexicon() -> TableLexicon:
    try:
        return TableLexicon.model_validate(load_yaml(NAME))
    except ValidationError as exc:
        raise LexiconError(str(lexicon_path(NAME)), str(exc)) from None
