"""lexicons/table_columns.yaml, checked against its schema when it is loaded.

A misspelt key must not switch a column off silently: unknown or missing keys are an error
that names the file.
"""
from __future__ import annotations

import functools

from pydantic import ValidationError

from nlp_pipeline.errors import LexiconError
from nlp_pipeline.lexicon_schemas import TableLexicon
from nlp_pipeline.lexicons import lexicon_path, load_yaml

NAME = "table_columns.yaml"
COLUMNS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deduction", "reason", "label", "other")


@functools.lru_cache(maxsize=None)
def table_lexicon() -> TableLexicon:
    try:
        return TableLexicon.model_validate(load_yaml(NAME))
    except ValidationError as exc:
        raise LexiconError(str(lexicon_path(NAME)), str(exc)) from None
