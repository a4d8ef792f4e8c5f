"""The catalog of finding messages: lexicons/messages.yaml.

Every finding a detector makes names a message id (``NUM.ARITH.sum``: the rule id, a dot,
a variant) and its parameters; the Chinese and English texts are the catalog's templates
filled with them, so the wording of every message lives in one file a reviewer or a
translator can read without reading code (and a tuned copy in the lexicon override folder
replaces it, as for any lexicon).

Templates are ``str.format`` strings with named placeholders only. Two additions:

* ``{name:list}`` joins a list parameter the way each language lists things
  (「O1、O2」 / "O1, O2");
* a placeholder ``{name}`` with no parameter ``name`` reads ``name_zh`` in the Chinese
  template and ``name_en`` in the English one: a phrase that differs by language (a list
  of items each worded in the language, an optional clause) is rendered in code from
  catalog entries with :func:`phrase` / :func:`phrases` and passed that way.

Parameters are JSON data (str, int, float, bool, None, lists of those): they go into the
JSON output with the id, so a reader can render the message again in either language.
"""
from __future__ import annotations

import functools
import re
import string
from typing import Any, Iterable, Mapping

from pydantic import BaseModel, ConfigDict, RootModel, ValidationError, field_validator, model_validator

NAME = "messages.yaml"
LANGS = ("zh", "en")
LIST_SEP = {"zh": "、", "en": ", "}
# RULE_ID.variant, the rule id being FAMILY.NAME (registry.py)
ID_RE = re.compile(r"^[A-Z]+\.[A-Z0-9_]+\.[a-z0-9_]+$")
_SPECS = ("", "list")


class MessageError(ValueError):
    """A message id the catalog lacks, or a parameter its template needs and was not given."""


def placeholders(template: str) -> set[str]:
    """The placeholder names of ``template`` (ValueError when it is no valid template)."""
    out = set()
    for _text, name, spec, conv in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}}: only plain names are allowed")
        if conv is not None or (spec or "") not in _SPECS:
            raise ValueError(f"placeholder {{{name}}}: no conversion, and no format other than :list "
                             "(pass numbers already formatted)")
        out.add(name)
    return out


class MessageTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    zh: str
    en: str
    # placeholders one language uses and the other leaves out on purpose (the Chinese
    # message quotes the report where the English one only names the place)
    zh_only: list[str] = []
    en_only: list[str] = []

    @model_validator(mode="after")
    def _same_placeholders(self) -> "MessageTemplate":
        zh, en = placeholders(self.zh), placeholders(self.en)
        stray = (set(self.zh_only) - zh) | (set(self.en_only) - en)
        if stray:
            raise ValueError(f"zh_only/en_only name placeholders the template does not use: {sorted(stray)}")
        if zh - set(self.zh_only) != en - set(self.en_only):
            raise ValueError(f"zh and en use different placeholders: zh {sorted(zh)}, en {sorted(en)} "
                             "(list the deliberate ones in zh_only / en_only)")
        return self

    def template(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class MessageCatalog(RootModel[dict[str, MessageTemplate]]):
    @field_validator("root")
    @classmethod
    def _ids(cls, v: dict[str, MessageTemplate]) -> dict[str, MessageTemplate]:
        bad = [k for k in v if not ID_RE.match(k)]
        if bad:
            raise ValueError(f"message ids must be RULE_ID.variant (NUM.ARITH.sum): {bad}")
        return v


@functools.lru_cache(maxsize=4)
def _load(path: str) -> dict[str, MessageTemplate]:
    from nlp_pipeline.errors import LexiconError
    from nlp_pipeline.lexicons import load_yaml

    # load_yaml reads the file at ``path`` (lexicon_path resolved it) and checks it
    # against MessageCatalog (lexicon_schemas.SCHEMAS); checked again here so that the
    # catalog is never used unchecked, whatever that registry holds
    data = load_yaml(NAME)
    try:
        return MessageCatalog.model_validate(data).root
    except ValidationError as exc:
        raise LexiconError(path, str(exc)) from None


def catalog() -> dict[str, MessageTemplate]:
    """Every message, by id (the override folder's messages.yaml when it has one)."""
    from nlp_pipeline.lexicons import lexicon_path

    return _load(str(lexicon_path(NAME)))


class _Formatter(string.Formatter):
    def __init__(self, message_id: str, lang: str):
        self.message_id, self.lang = message_id, lang

    def get_value(self, key, args, kwargs):
        if key in kwargs:
            return kwargs[key]
        own = f"{key}_{self.lang}"
        if own in kwargs:
            return kwargs[own]
        raise MessageError(f"message {self.message_id}: no value for placeholder {{{key}}} "
                           f"(give {key} or {key}_zh and {key}_en)")

    def format_field(self, value, spec):
        if spec == "list":
            if not isinstance(value, (list, tuple)):
                raise MessageError(f"message {self.message_id}: {{…:list}} needs a list, not {value!r}")
            return LIST_SEP[self.lang].join(str(v) for v in value)
        if isinstance(value, (list, tuple)):
            raise MessageError(f"message {self.message_id}: a list parameter is shown with {{name:list}}")
        return format(value, spec)


def render(message_id: str, params: Mapping[str, Any] | None = None, lang: str = "zh") -> str:
    """The text of ``message_id`` in ``lang`` ("zh" or "en") filled with ``params``."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    entry = catalog().get(message_id)
    if entry is None:
        raise MessageError(f"unknown message id {message_id!r} (not in lexicons/{NAME})")
    return _Formatter(message_id, lang).vformat(entry.template(lang), (), dict(params or {}))


def render_both(message_id: str, params: Mapping[str, Any] | None = None) -> tuple[str, str]:
    return render(message_id, params, "zh"), render(message_id, params, "en")


def phrase(name: str, message_id: str | None, params: Mapping[str, Any] | None = None) -> dict[str, str]:
    """``{name_zh: …, name_en: …}``: one catalog entry rendered in both languages, to pass
    as the parameter ``name`` of another message; no id gives an empty phrase (an
    optional clause left out)."""
    if not message_id:
        return {f"{name}_zh": "", f"{name}_en": ""}
    zh, en = render_both(message_id, params)
    return {f"{name}_zh": zh, f"{name}_en": en}


def phrases(name: str, message_id: str, items: Iterable[Mapping[str, Any]],
            sep: tuple[str, str] = (LIST_SEP["zh"], LIST_SEP["en"])) -> dict[str, str]:
    """Like :func:`phrase` for a list: the entry rendered once per item, joined with
    ``sep`` (Chinese, English)."""
    items = list(items)
    return {f"{name}_{lang}": s.join(render(message_id, it, lang) for it in items)
            for lang, s in zip(LANGS, sep)}


_JSON_SCALARS = (str, int, float, bool, type(None))


def json_params(message_id: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """``params`` as JSON data (tuples become lists); TypeError for anything else."""
    out = {}
    for k, v in (params or {}).items():
        if isinstance(v, (list, tuple)) and all(isinstance(x, _JSON_SCALARS) for x in v):
            v = list(v)
        elif not isinstance(v, _JSON_SCALARS):
            raise TypeError(f"message {message_id}: parameter {k!r} is {type(v).__name__}; "
                            "message parameters are str, int, float, bool, None or lists of those")
        out[str(k)] = v
    return out
