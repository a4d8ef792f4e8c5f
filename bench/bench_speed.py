"""Speed and memory of the whole tool: ``nlp-pipeline bench`` (see nlp_pipeline/runner/bench.py).

    python bench/bench_speed.py --sizes 10,100 --with-10000 --workers 2
"""
from nlp_pipeline.runner.bench import main

if __name__ == "__main__":
    main()
