"""Stage 2: segmentation and numeric entities.

Public API (others code against these signatures):
  extract_numbers(text, *, currency_unit=None) -> list[Mention]
  extract_mentions(report) -> list[Mention]
  make_nlp(), tokenize(text), split_sentences(text), split_clauses(text)
"""
from __future__ import annotations

from nlp_pipeline.text.numbers import extract_numbers

__all__ = ["extract_numbers", "extract_mentions", "make_nlp", "tokenize", "split_sentences", "split_clauses"]


def __getattr__(name: str):
    # lazy: spaCy and jieba are slow to import and not needed for number extraction
    if name == "extract_mentions":
        from nlp_pipeline.text.mentions import extract_mentions

        return extract_mentions
    if name in ("make_nlp", "tokenize", "split_sentences", "split_clauses"):
        from nlp_pipeline.text import segment

        return getattr(segment, name)
    raise AttributeError(name)
