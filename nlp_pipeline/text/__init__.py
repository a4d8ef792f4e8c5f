"""Stage 2: segmentation and numeric entities.

Public API (others code against these signatures):
  extract_numbers(text, *, currency_unit=None) -> list[Mention]
  extract_mentions(report) -> list[Mention]
  make_nlp(), tokenize(text), split_sentences(text), split_clauses(text)

Conventions of Mention values beyond model.py:
  value is as written in ``unit`` (3.5万吨: 3.5, 万吨); Chinese numerals are converted
  whole (两万五千套: 25000, 套). Bare numbers: kind COUNT, unit "" (or MONEY in
  ``currency_unit``). A bare 万/亿 in a money context (费用支付金额530万) is MONEY, unit 万.
  DATE: value = YYYYMMDD with missing parts 0 (12月31日 -> 1231, 2021年7月 -> 20210700),
  base_unit "date". YEAR: value = the year, base_unit "year". RANGE: value and base_value
  are the lower end, low/high the interval (dates: base_unit "date"; 2021-2023年: "year").
  EXPR: expression as written without units, value evaluated (None if not arithmetic).
  Interval of a qualifier (lexicons/numbers_qualifiers.yaml): approximate ±10%; 近 [0.9x, x];
  余/多 [x, x + one step of the last non-zero digit] (300多 -> [300, 400]); near [0.95x, x].
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
