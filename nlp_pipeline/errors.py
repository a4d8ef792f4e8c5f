"""Errors that users see: each names the file and what is wrong with it."""
from __future__ import annotations

import re

_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class ReportError(Exception):
    """A file could not be read as a report.

    ``problem`` is a short Chinese sentence, ``problem_en`` its English version; the CLI
    prints one of them with the path and exits with code 2.
    """

    def __init__(self, path: str, problem: str, problem_en: str | None = None):
        self.path = str(path)
        self.problem = _chinese_only(problem)
        self.problem_en = problem_en or problem
        if self.problem != problem and not _says_what_to_do(self.problem):
            # the library's words were all the detail there was: say what the user can do
            self.problem += "；请确认文件存在、完整、有读取权限并能用原软件打开，必要时重新导出或另存后再试"
            if not _says_what_to_do_en(self.problem_en):
                self.problem_en += "; check that the file is complete and opens in its own program, or export or save it again"
        super().__init__(f"{self.path}: {self.problem_en}")

    def message(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.problem if lang == 'zh' else self.problem_en}"


def _chinese_only(problem: str) -> str:
    """A Chinese message without the English text of a library appended to it
    (「无法读取 PDF 文件：No /Root object! - Is this really a PDF?」): Chinese users get
    Chinese; the English message keeps the detail."""
    head, sep, tail = problem.rpartition("：")
    # no Chinese in the tail: the library's words (with a path or a curly quote in them too)
    if sep and head and tail.strip() and not _CJK_RE.search(tail) and any(c.isascii() and c.isalpha() for c in tail):
        return head
    return problem


def _says_what_to_do(problem: str) -> bool:
    return any(w in problem for w in ("请", "另存", "转换", "改用", "需要"))


def _says_what_to_do_en(problem: str) -> bool:
    low = problem.lower()
    return any(w in low for w in ("save it", "convert", "check", "use "))


class LexiconError(ValueError):
    """A lexicon file does not follow its schema (an unknown or missing key). A ValueError:
    the file's content is the bad value, whichever module read it."""

    def __init__(self, path: str, detail: str):
        self.path = str(path)
        self.detail = detail
        super().__init__(f"{self.path}: 词表格式错误 / lexicon does not follow its schema: {detail}")

    def message(self, lang: str = "zh") -> str:
        # the user's lexicon file, not a bug: the CLI prints this as it is (both languages)
        return str(self)


class RulesConfigError(Exception):
    """A rules configuration file (``--rules-config``) names a rule or parameter that does
    not exist, or gives a value of the wrong type. ``message(lang)`` names the file."""

    def __init__(self, path: str, problem: str, problem_en: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.problem_en = problem_en or problem
        super().__init__(f"{self.path}: {self.problem_en}")

    def message(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.problem if lang == 'zh' else self.problem_en}"
