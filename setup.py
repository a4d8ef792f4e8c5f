"""The lexicons (data files in lexicons/ at the top of the repository) go into the
wheel as nlp_pipeline/_lexicons, where nlp_pipeline.lexicons looks for them; an
editable install reads lexicons/ itself. Everything else is in pyproject.toml."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithLexicons(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        src = Path(__file__).resolve().parent / "lexicons"
        dst = Path(self.build_lib) / "nlp_pipeline" / "_lexicons"
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildPyWithLexicons})
