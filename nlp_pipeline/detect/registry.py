"""One registry of detectors: a detector is a function in its own module under
nlp_pipeline/detect/, decorated with :func:`register`. Importing the package imports
every module in it, so adding a detector is adding one file."""
from __future__ import annotations

import contextlib
import sys
import threading
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from nlp_pipeline.model import Alignment, Finding, Mention, Report


@dataclass
class Context:
    """What a detector may read. Detectors take data and return findings; no I/O."""

    report: Report
    mentions: list[Mention]
    alignments: dict[str, Alignment]
    lexicons: "object"  # nlp_pipeline.lexicons.Lexicons


Detector = Callable[[Context], Iterable[Finding]]

DETECTORS: dict[str, Detector] = {}


# --- rule declarations ------------------------------------------------------------------
#
# Each detector module declares one ``RULE = Rule(...)`` and registers its detector with
# ``@register(RULE)``. A rule id is FAMILY.NAME, stable once published:
#   TXT.*   wording of the narrative (copies, restatements, claims, gaps, vague words, names)
#   NUM.*   figures (sums and rates, conflicts, magnitudes, units, dates, indicator targets)
#   FORM.*  the filled-in self-evaluation form (blank fields, scores and grades)
# The finding code (UPPER_SNAKE) stays what the outputs and gold files use; two rules may
# emit one code (FORM.SCORE_SUM and FORM.SCORE_RULE both emit SCORE_MISMATCH).
#
# Parameters: a :class:`Param` is bound to the value the rule's code reads, either a
# module constant (``bind="MIN_CHARS"``), a key of a module-level dict
# (``"PARAMS.missed_rel"``) or a value in a lexicon file
# (``"detect_numeric.yaml:similarity.threshold"``); its default is that value as shipped.
# An override (``--rules-config FILE.yaml``: ``{rule_id: {param: value}}``) sets the bound
# value while that rule's detector runs and restores it afterwards, so what the rule reads
# is what the declaration says.

ROLES = ("claim", "counter", "total", "part", "target", "actual", "budget", "context")


@dataclass(frozen=True)
class Param:
    """One tunable threshold of a rule: its name in config files, where the rule reads it
    (see above) and a one-line description."""

    name: str
    bind: str
    doc: str
    type: Any = None  # the value's type in a config file; None: the default's own type

    def _target(self, rule: "Rule") -> tuple[Any, str, bool]:
        """(container, key, is_attribute) of the bound value."""
        if ":" in self.bind:
            from nlp_pipeline.lexicons import load_yaml

            fname, path = self.bind.split(":", 1)
            box = load_yaml(fname)
            *heads, key = path.split(".")
            for h in heads:
                box = box[h]
            return box, key, False
        mod = sys.modules[rule.module]
        head, _, key = self.bind.partition(".")
        if key:
            return getattr(mod, head), key, False
        return mod, head, True

    def read(self, rule: "Rule") -> Any:
        box, key, attr = self._target(rule)
        return getattr(box, key) if attr else box[key]

    def write(self, rule: "Rule", value: Any) -> None:
        box, key, attr = self._target(rule)
        if attr:
            setattr(box, key, value)
        else:
            box[key] = value


@dataclass
class Rule:
    """The declaration of one detector (see the comment above; docs/rules.md is generated
    from these)."""

    id: str  # NUM.ARITH
    code: str  # ARITHMETIC_MISMATCH
    severity: str  # the usual severity; a finding may say otherwise
    summary_zh: str
    summary_en: str
    example: str  # a short invented sentence that triggers the rule
    params: tuple[Param, ...] = ()
    confidence: float = 0.8  # prior for its findings; a finding may set its own
    # the computation behind a finding, filled from its values and from {computation}
    # (the message after its first colon); a template that cannot be filled falls back
    # to the rule's summary
    explain_zh: str = "{computation}"
    explain_en: str = "{computation}"
    reference: str = ""  # the official rule it enforces, quoted in docs/rules.md (markdown)
    # the ids of its messages in lexicons/messages.yaml (nlp_pipeline/messages.py), its
    # findings' and the phrases they are built from: a finding naming another rule's
    # message is a mistake stamp() reports
    messages: tuple[str, ...] = ()
    name: str = ""  # registry key (defaults to the code)
    module: str = ""  # set by register
    doc: str = ""  # the module's docstring, set by register
    _defaults: dict = field(default_factory=dict, repr=False)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"{self.id}: no parameter {name!r}")

    def defaults(self) -> dict[str, Any]:
        """Each parameter's value as shipped (read once, before any override)."""
        if len(self._defaults) != len(self.params):
            with _OVERRIDE_LOCK:
                if len(self._defaults) != len(self.params):
                    self._defaults.update({p.name: p.read(self) for p in self.params})
        return dict(self._defaults)

    def value(self, name: str) -> Any:
        """The value in force now: the override while this rule runs, else the default."""
        return self.param(name).read(self)

    def explain(self, f: Finding) -> tuple[str, str]:
        out = []
        for tmpl, msg, sep in ((self.explain_zh, f.message, "："), (self.explain_en, f.message_en or f.message, ": ")):
            head, found, tail = msg.partition(sep)
            data = {**f.values, "computation": (tail if found else msg).strip(), "message": msg}
            try:
                out.append(tmpl.format_map(data))
            except (KeyError, IndexError, ValueError, TypeError, AttributeError):
                out.append(self.summary_zh if sep == "：" else self.summary_en)
        return out[0], out[1]


RULES: dict[str, Rule] = {}  # by registry name, as DETECTORS

# The scoring rule of the 项目支出绩效自评表 that the score checks enforce, quoted in
# docs/rules.md: as local forms print it in their notes and as the central rules
# (财政部《项目支出绩效评价管理办法》, 财预〔2020〕10号) are commonly quoted.
OFFICIAL_SCORING_RULE = """\
项目支出绩效自评表的评分规则（地方表格注释所印、通常据财预〔2020〕10号《项目支出绩效评价管理办法》转述；引用前请核对原文）：

- 预算执行率 = 全年执行数 ÷ 全年预算数；得分 = 分值 × min(执行率, 1)。中央模板分值为 10 分，部分地方表格为 20 分，以表格所列为准。
- 定量指标，“≥X”或未注明方向：得分 = 分值 × min(实际值 ÷ 目标值, 1)；“≤X”（不超过、控制在……以内，多数成本指标）：得分 = 分值 × min(目标值 ÷ 实际值, 1)。
- 得分不超过分值。达到目标得满分；未达到目标按比例扣分，偏离目标须在“偏差原因分析及改进措施”中说明原因。
- 定性指标：达成、部分达成、未达成分别按分值的 100–80%、80–50%、50–0% 评分。
- 一级指标权重原则上为产出 50、效益 30、满意度 10、预算执行率 10，合计 100 分；评价等级：优 ≥90，良 80–89，中 60–79，差 <60。

Scoring rule of the project self-evaluation form (as local forms print it, commonly quoted from 财预〔2020〕10号; check the original before citing): budget execution scores weight × min(spent / budget, 1); a quantitative indicator weight × min(actual / target, 1) (for an upper bound, weight × min(target / actual, 1)); no score above its weight; a met target earns full marks and a deviation needs its reason; weights sum to 100; grades 优 ≥90, 良 80–89, 中 60–79, 差 <60."""
_OVERRIDE_LOCK = threading.RLock()
# bumped whenever rule parameters change value, so that a result memoised for one report
# (the indicator checks four rules share) is never served under other settings
OVERRIDE_EPOCH = 0


def rules() -> list[Rule]:
    """Every declared rule, by id."""
    return sorted(RULES.values(), key=lambda r: r.id)


def rule_by_id(rule_id: str) -> Rule:
    return next(r for r in RULES.values() if r.id == rule_id)


_FAMILY_ORDER = ("TXT", "NUM", "FORM")


def known_codes() -> tuple[str, ...]:
    """Every finding code a rule emits: text rules first, then figures, then the form."""
    order = sorted(RULES.values(), key=lambda r: (_FAMILY_ORDER.index(r.id.split(".")[0])
                                                  if r.id.split(".")[0] in _FAMILY_ORDER else 9, r.id))
    return tuple(dict.fromkeys(r.code for r in order))


@contextlib.contextmanager
def applied(rule: Rule | None, overrides: dict | None):
    """Set ``rule``'s overridden parameters for the duration of the block. Overrides are
    process-wide values (a lexicon value may be read by other rules too), so while any
    are in force every rule runs under one lock: threads of one Dask worker take turns."""
    if not overrides:
        yield
        return
    vals = overrides.get(rule.id) if rule is not None else None
    if not vals:
        with _OVERRIDE_LOCK:
            yield
        return
    rule.defaults()
    global OVERRIDE_EPOCH
    with _OVERRIDE_LOCK:
        undo = []
        OVERRIDE_EPOCH += 1  # results memoised under other settings are stale from here
        try:
            for name, value in vals.items():
                p = rule.param(name)
                undo.append((p, p.read(rule)))
                p.write(rule, value)
            yield
        finally:
            for p, old in reversed(undo):
                p.write(rule, old)
            OVERRIDE_EPOCH += 1


def roles_at(evidence_list: list[Evidence], **where: int | None) -> list[str]:
    """A role for each piece of evidence from what it holds: ``roles_at(ev, target=i,
    actual=j)`` names a piece holding offset i "target", one holding j "actual", one
    holding both "claim" (it states the whole case), any other "context"."""
    out = []
    for e in evidence_list:
        inside = [r for r, pos in where.items() if pos is not None and e.start <= pos < e.end]
        out.append(inside[0] if len(inside) == 1 else ("claim" if inside else "context"))
    return out


def stamp(rule: Rule | None, findings: list[Finding]) -> list[Finding]:
    """Give each finding its rule id, the rule's prior confidence and the rule's
    explanation, where the finding did not set its own."""
    if rule is None:
        return findings
    for f in findings:
        if f.message_id and f.message_id not in rule.messages:
            raise ValueError(f"{rule.id}: message {f.message_id!r} is not among the rule's messages {rule.messages}")
        f.rule_id = f.rule_id or rule.id
        if f.confidence is None:
            f.confidence = rule.confidence
        if not f.explanation:
            f.explanation, f.explanation_en = rule.explain(f)
    return findings


# --- rule parameter overrides from a config file -----------------------------------------


def _param_type(value: Any) -> type:
    if isinstance(value, bool):
        return bool
    if isinstance(value, int):
        return int
    if isinstance(value, float):
        return float
    if isinstance(value, str):
        return str
    return list[str]


_TYPE_NAMES = {bool: ("布尔值（true/false）", "a boolean"), int: ("整数", "an integer"),
               float: ("数字", "a number"), str: ("字符串", "a string")}


def validate_rule_params(data: Any, source: str = "<rules config>") -> dict[str, dict[str, Any]]:
    """``{rule_id: {param: value}}`` checked against the declarations (pydantic): an
    unknown rule or parameter or a value of the wrong type raises
    :class:`nlp_pipeline.errors.RulesConfigError` naming ``source``. Returns the
    overrides in a fixed order (rule ids and names sorted), as the cache key wants them."""
    from pydantic import ConfigDict, Field, ValidationError, create_model

    from nlp_pipeline.errors import RulesConfigError

    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RulesConfigError(source, "规则配置应为“规则编号: {参数: 值}”的映射",
                               "a rules config is a mapping {rule_id: {parameter: value}}")
    fields: dict[str, Any] = {}
    types: dict[tuple[str, str], type] = {}
    for r in rules():
        pf = {}
        for name, default in r.defaults().items():
            t = r.param(name).type or _param_type(default)
            types[(r.id, name)] = t
            pf[name] = (t, None)
        sub = create_model("Params_" + r.id.replace(".", "_"),
                           __config__=ConfigDict(extra="forbid", strict=True), **pf)
        fields[r.id.replace(".", "_")] = (sub | None, Field(None, alias=r.id))
    model = create_model("RulesConfig", __config__=ConfigDict(extra="forbid"), **fields)
    known = ", ".join(r.id for r in rules())
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        zh, en = [], []
        for e in exc.errors():
            loc = [str(x) for x in e["loc"]]
            if len(loc) == 1 and e["type"] == "extra_forbidden":
                zh.append(f"未知规则“{loc[0]}”（已有规则：{known}）")
                en.append(f"unknown rule {loc[0]!r} (rules: {known})")
            elif len(loc) == 1:
                zh.append(f"规则“{loc[0]}”的设置应为“参数: 值”的映射")
                en.append(f"the settings of rule {loc[0]!r} must be a mapping {{parameter: value}}")
            elif e["type"] == "extra_forbidden":
                names = ", ".join(rule_by_id(loc[0]).defaults()) or "无 / none"
                zh.append(f"规则“{loc[0]}”没有参数“{loc[1]}”（可设参数：{names}）")
                en.append(f"rule {loc[0]!r} has no parameter {loc[1]!r} (parameters: {names})")
            else:
                t = types.get((loc[0], loc[1]), str)
                tz, te = _TYPE_NAMES.get(t, ("字符串列表", "a list of strings"))
                zh.append(f"规则“{loc[0]}”的参数“{loc[1]}”应为{tz}，而不是 {e.get('input')!r}")
                en.append(f"rule {loc[0]!r}: parameter {loc[1]!r} must be {te}, not {e.get('input')!r}")
        raise RulesConfigError(source, "规则配置有误：" + "；".join(zh), "rules config is wrong: " + "; ".join(en)) from None
    out: dict[str, dict[str, Any]] = {}
    for rid, sub in sorted(parsed.model_dump(by_alias=True, exclude_unset=True).items()):
        if sub:
            out[rid] = dict(sorted(sub.items()))
    return out


def load_rules_config(path: str) -> dict[str, dict[str, Any]]:
    """Read and check a ``--rules-config`` YAML file (see :func:`validate_rule_params`)."""
    import yaml

    from nlp_pipeline.errors import RulesConfigError

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise RulesConfigError(path, "无法读取规则配置文件，请确认文件存在并有读取权限",
                               f"cannot read the rules config file ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise RulesConfigError(path, f"规则配置文件不是有效的 YAML{('（' + where + '）') if where else ''}",
                               f"the rules config file is not valid YAML ({exc})") from None
    return validate_rule_params(data, path)


def register(name: "str | Rule") -> Callable[[Detector], Detector]:
    """Register a detector under ``name`` (usually the finding code it emits), or under
    the name of the :class:`Rule` it is declared by (``@register(RULE)``): the rule then
    belongs to the detector, its module and its module's docstring."""
    rule = name if isinstance(name, Rule) else None
    if rule is not None:
        rule.name = rule.name or rule.code
        name = rule.name

    def deco(fn: Detector) -> Detector:
        if name in DETECTORS:
            raise ValueError(f"detector {name!r} registered twice")
        if rule is not None:
            if any(r.id == rule.id for r in RULES.values()):
                raise ValueError(f"rule id {rule.id!r} declared twice")
            rule.module = fn.__module__
            rule.doc = (sys.modules[fn.__module__].__doc__ or "").strip()
            RULES[name] = rule
        DETECTORS[name] = fn
        return fn

    return deco


# --- helpers shared by detectors -------------------------------------------------------

from nlp_pipeline.model import Evidence, Paragraph  # noqa: E402
# detectors word their messages only through the catalog: these build a phrase of it
from nlp_pipeline.messages import json_params, phrase, phrases, render, render_both  # noqa: E402,F401


def evidence(report: Report, para: Paragraph, i: int = 0, j: int | None = None) -> Evidence:
    """Evidence for ``para.text[i:j]`` (whole paragraph by default), with offsets into
    Report.text and the quote taken from Report.text so a reader can check it."""
    j = len(para.text) if j is None else j
    start, end = para.span(i, j)
    return Evidence(
        section=para.section,
        paragraph=para.id,
        start=start,
        end=end,
        quote=report.text[start:end],
    )


SEVERITIES = ("high", "medium", "low")


def make_finding(
    code: str,
    severity: str,
    message_id: str,
    message_params: dict | None,
    evidence_list: list[Evidence],
    values: dict | None = None,
    *,
    roles: "str | Iterable[str] | None" = None,
    confidence: float | None = None,
    explanation: str = "",
    explanation_en: str = "",
) -> Finding:
    """A finding whose message is ``message_id`` of lexicons/messages.yaml filled with
    ``message_params`` (nlp_pipeline/messages.py; an unknown id or a placeholder without
    its parameter raises MessageError). ``roles`` says what each piece of evidence is (one
    role for all, or one per piece in order; see ROLES; unnamed pieces stay "context");
    ``confidence`` (0-1) and ``explanation`` default to the rule's (set by
    run_detectors)."""
    params = json_params(message_id, message_params)
    message, message_en = render_both(message_id, params)
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    if not evidence_list:
        raise ValueError(f"{code}: a finding needs evidence")
    ev = list(evidence_list)
    if roles is not None:
        names = [roles] * len(ev) if isinstance(roles, str) else list(roles)
        bad = [r for r in names if r not in ROLES]
        if bad:
            raise ValueError(f"{code}: unknown evidence role {bad[0]!r}")
        # evidence objects may be shared between findings: each finding gets its own
        ev = [replace(e, role=r) for e, r in zip(ev, names)] + ev[len(names):]
    if confidence is not None and not 0.0 <= confidence <= 1.0:
        raise ValueError(f"{code}: confidence {confidence} outside 0-1")
    return Finding(code, severity, message, message_en, ev, dict(values or {}),
                   rule_id="", confidence=confidence, explanation=explanation, explanation_en=explanation_en,
                   message_id=message_id, message_params=params)
