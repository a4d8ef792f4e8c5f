"""Score the reader against gold files of real layouts (docs/reader-gold.md).

    python bench/eval_reader.py tests/data/reader [more folders] [--details]

Prints, per layout and overall: reports read without refusal, sections found (by kind),
indicator rows with every column right, rows lost, and the seed check when given.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp_pipeline.evaluate_reader import evaluate_folder, format_table  # noqa: E402


def main(argv: list[str]) -> int:
    details = "--details" in argv
    folders = [a for a in argv if not a.startswith("--")]
    if not folders:
        print(__doc__)
        return 2
    results = []
    for f in folders:
        results.extend(evaluate_folder(Path(f)))
    print(format_table(results, details=details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
