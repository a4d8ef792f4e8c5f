"""Running many reports: inputs, workers (local processes or Dask), the cache, time
limits and stopping cleanly. It sits above the pipeline (it calls ``analyze``) and hands
the results to report/ to be written.

    from nlp_pipeline.runner import batch_frames, run_batch
"""
from nlp_pipeline.runner.batch import (
    FORMATS,
    BatchResult,
    BatchWarning,
    analyse_files,
    batch_frames,
    check_model,
    nothing_analysed_message,
    run_batch,
)
from nlp_pipeline.runner.engines import (
    DEFAULT_TIMEOUT_S,
    analyze_one,
    choose_start_method,
    run_dask,
    run_local,
)
from nlp_pipeline.runner.inputs import collect_inputs, supported_extensions

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "FORMATS",
    "BatchResult",
    "BatchWarning",
    "analyse_files",
    "analyze_one",
    "batch_frames",
    "check_model",
    "choose_start_method",
    "collect_inputs",
    "nothing_analysed_message",
    "run_batch",
    "run_dask",
    "run_local",
    "supported_extensions",
]
