"""Errors that users see: each names the file and what is wrong with it."""
from __future__ import annotations


class ReportError(Exception):
    """A file could not be read as a report.

    ``problem`` is a short Chinese sentence, ``problem_en`` its English version; the CLI
    prints one of them with the path and exits with code 2.
    """

    def __init__(self, path: str, problem: str, problem_en: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.problem_en = problem_en or problem
        super().__init__(f"{self.path}: {self.problem_en}")

    def message(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.problem if lang == 'zh' else self.problem_en}"


class LexiconError(Exception):
    """A lexicon file does not follow its schema (an unknown or missing key)."""

    def __init__(self, path: str, detail: str):
        self.path = str(path)
        self.detail = detail
        super().__init__(f"{self.path}: 词表格式错误 / lexicon does not follow its schema: {detail}")
