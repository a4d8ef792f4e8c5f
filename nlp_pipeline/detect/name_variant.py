"""NAME_VARIANT: the organisation's own name written another way in the text.

The header name is split into its levels (lexicons/detect_names.yaml): for a unit named
by a level (某某街道办事处, 某某镇人民政府) the core is its proper name; for a bureau,
school or hospital it is the innermost place it belongs to (某某县 in 某某县水务局). A
string one character away from the core (one substitution; for cores of three or more
characters also one deletion) that is written with one of the core's suffixes (街道, 街,
县…) somewhere in the text is a variant; every place it occurs is evidence, with or
without the suffix. All variants of the name make one finding.

The organisation's own name after its places is checked too: its stem (住房公积金管理
in 某市住房公积金管理中心, the part before the type word) of ``BODY_MIN`` characters or
more, written with one character substituted and followed by the type word, is a
variant (管埋中心 for 管理中心), unless the new character makes a dictionary word with a
neighbour (农机技术推广中心 beside 农业技术推广中心, 供水 beside 排水: another unit, not a
slip). Deletions are not read there: 住房城乡建设局 for 住房和城乡建设局 is a usual short
form.
"""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import lexicon, report_org_year
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, phrases, register
from nlp_pipeline.model import Report
from nlp_pipeline.text import patterns as P


def _inside_word(rest: str, i: int, suf: str, words: list[str]) -> bool:
    """True when ``rest[i:i+len(suf)]`` is part of one of ``words`` (城乡 holds 乡)."""
    for w in words:
        j = rest.find(w, max(0, i - len(w) + 1))
        while 0 <= j <= i + len(suf) - 1:
            if j <= i and i + len(suf) <= j + len(w):
                return True
            j = rest.find(w, j + 1)
    return False


def _split_levels(name: str, levels: list[str], not_levels: list[str] | None = None) -> list[tuple[str, str]]:
    """``[(proper name, level suffix), ...]`` read left to right; the last item may have
    an empty suffix (what is left after the last level)."""
    not_levels = not_levels or []
    out: list[tuple[str, str]] = []
    rest = name
    while rest:
        best = None
        for suf in levels:
            i = rest.find(suf)
            # a level must leave at least two characters after it for the next level,
            # or end the name exactly
            while i >= 0:
                after = rest[i + len(suf):]
                # a proper name has two characters or more; a level must leave two for
                # the next one or end the name
                if (i >= 2 or suf == "人民政府") and (len(after) >= 2 or after == "") and not _inside_word(
                    rest, i, suf, not_levels
                ):
                    if best is None or i < best[0] or (i == best[0] and len(suf) > len(best[1])):
                        best = (i, suf)
                    break
                i = rest.find(suf, i + 1)
        if best is None:
            out.append((rest, ""))
            break
        i, suf = best
        out.append((rest[:i], suf))
        rest = rest[i + len(suf):]
    return out


def name_cores(name: str, names: dict) -> list[tuple[str, list[str]]]:
    """The proper names to check, each with the suffixes it is written with."""
    levels = sorted(names.get("level_suffixes") or [], key=len, reverse=True)
    types = sorted(names.get("org_types") or [], key=len, reverse=True)
    shorts = names.get("short_suffixes") or {}
    parts = [(p, s) for p, s in _split_levels(name, levels, list(names.get("not_levels") or [])) if s != "人民政府"]
    if not parts:
        return []
    last, suf = parts[-1]
    if suf and len(last) >= 2:
        return [(last, list(shorts.get(suf, [suf])))]
    if not suf and any(last.endswith(t) for t in types):
        places = [(p, s) for p, s in parts[:-1] if s and len(p) >= 2]
        if places:
            p, s = places[-1]
            return [(p, list(shorts.get(s, [s])))]
    return []


def outer_cores(name: str, names: dict) -> list[tuple[str, list[str]]]:
    """The places above the innermost one (泉州 in 泉州市鲤城区民政局), each with its
    level suffixes: a slip can be made at any level of the name."""
    levels = sorted(names.get("level_suffixes") or [], key=len, reverse=True)
    shorts = names.get("short_suffixes") or {}
    parts = [(p, s) for p, s in _split_levels(name, levels, list(names.get("not_levels") or []))
             if s and s != "人民政府" and len(p) >= 2]
    inner = {c for c, _ in name_cores(name, names)}
    return [(p, list(shorts.get(s, [s]))) for p, s in parts if p not in inner]


BODY_MIN = 2  # shortest stem of an organisation's own name read for variants (民政 in 民政局)


def body_core(name: str, names: dict) -> tuple[str, list[str]] | None:
    """The stem of the organisation's own name (after its places, before its type word)
    and the type word, or None when it is too short to tell a slip from another unit."""
    levels = sorted(names.get("level_suffixes") or [], key=len, reverse=True)
    types = sorted(names.get("org_types") or [], key=len, reverse=True)
    parts = _split_levels(name, levels, list(names.get("not_levels") or []))
    if not parts:
        return None
    last, suf = parts[-1]
    if suf:
        return None
    typ = next((t for t in types if last.endswith(t)), None)
    if typ is None:
        return None
    stem = last[: -len(typ)]
    if len(stem) < BODY_MIN or not P.fullmatch(stem, P.named("cjk_run")):
        return None
    return stem, [typ]


def _reads_as_words(variant: str, core: str, tail: str) -> bool:
    """True when a character of ``variant`` that differs from ``core`` makes a word of the
    dictionary with its left or right neighbour (``tail`` follows the name)."""
    from nlp_pipeline.text.segment import jieba_tokenizer

    tok = jieba_tokenizer(True)
    tok.check_initialized()
    full = variant + tail
    for k, (a, b) in enumerate(zip(core, variant)):
        if a == b:
            continue
        for w in (full[max(0, k - 1): k + 1], full[k: k + 2]):
            if len(w) == 2 and tok.FREQ.get(w, 0) > 0:
                return True
    return False


def _ends_word(text: str, i: int) -> bool:
    """True when ``text[i]`` ends a two-character word of the dictionary begun at ``i - 1``."""
    from nlp_pipeline.text.segment import jieba_tokenizer

    if i < 1:
        return False
    tok = jieba_tokenizer(True)
    tok.check_initialized()
    if tok.FREQ.get(text[i - 1:i + 1], 0) <= 0:
        return False
    # …and the text is cut so: 通过县 holds 过县 no more than 完成化宁县 holds 成化 (完成 is
    # the word there, and 化宁县 a name misspelt)
    lo = max(0, i - 3)
    pos = lo
    for w in tok.lcut(text[lo:i + 3], HMM=False):
        if pos < i < pos + len(w) and pos <= i - 1:
            return True
        pos += len(w)
    return False


# a word that joins two nouns (法律法规及司法局职能): the name after it is the short name,
# the joining word no slip of the name's first character
_JOINING = "及和与或并"


def _joins(text: str, start: int) -> bool:
    """The name's first character is a joining word between two nouns (法规及司法局), not a
    slip: a word stands before it (an item that opens 和口镇… is the name misspelt)."""
    return text[start:start + 1] in _JOINING and "\u4e00" <= text[start - 1:start] <= "\u9fff"

CORE_MIN = 2  # characters a proper name needs before one character changed in it is read


def find_variants(report: Report, core: str, suffixes: list[str], sibling_chars: str = "",
                  deletions: bool = True, lead_chars: str = "") -> list[str]:
    text = report.text
    found: set[str] = set()
    spans: dict[str, list[tuple[int, int]]] = {}
    if len(core) < CORE_MIN:
        return []  # 涉县: any one character before 县 (由县统计局 牵头) is one character away
    for start, end in P.variant_spans(text, core, suffixes, deletions):
        w = text[start:end]
        if w == core or core in text[max(0, start - 1): end + 1]:
            continue
        diff = [(a, b) for a, b in zip(core, w) if a != b] if len(w) == len(core) else []
        if diff and all(a in sibling_chars and b in sibling_chars for a, b in diff):
            continue
        one_char_place = len(core) > 1 and core[1] in "省市县区州旗镇乡"  # (涉县: the place is one character)
        if len(w) == len(core) and w[0] != core[0] and (_ends_word(text, start) or _joins(text, start)
                                                         or (one_char_place and w[0] in lead_chars)):
            continue  # 通过县文化旅游体育局, 由县统计局: the short name (县…局) after a word
        found.add(w)
        spans.setdefault(w, []).append((start, end))
    # a deletion read inside a substitution (兰屯 inside 札兰屯) is the same slip once
    found = {w for w in found
             if not all(_covered(a, b, spans, w) for a, b in spans[w])}
    # a name written in an enumeration (青山街、青林街) is a neighbouring unit, not a slip
    listed = set()
    for w in found:
        for start, end in P.suffixed_spans(text, w, suffixes):
            before, after = text[max(0, start - 1): start], text[end: end + 1]
            if before in ("、", "和", "与", "及") or after in ("、", "和", "与", "及"):
                listed.add(w)
    found -= listed
    return sorted(found)


def _covered(a: int, b: int, spans: dict[str, list[tuple[int, int]]], w: str) -> bool:
    return any(x <= a and b <= y and (x, y) != (a, b) for v, vs in spans.items() if v != w for x, y in vs)


def _apart(text: str, at: int, w: str, longer: list[str]) -> bool:
    """``w`` at ``at`` is written on its own, not as part of the name or of a longer variant
    (兰屯 inside 扎兰屯 is the name itself)."""
    return not any(text.startswith(v, k) for v in longer for k in range(max(0, at + len(w) - len(v)), at + 1))


DROP_MIN = 6  # characters a stem needs before a two-character word dropped from it is read


def _dropped_word(report: Report, stem: str, typ: str) -> list[str]:
    """The stem with one of its two-character words left out, written with the type word
    (疾病控制中心 for 疾病预防控制中心): a content word lost, not a short form, which drops
    characters here and there (疾控中心, 市场监管局) or a joiner (住房城乡建设局)."""
    from nlp_pipeline.text.segment import jieba_tokenizer

    if len(stem) < DROP_MIN:
        return []
    words = [w for w in jieba_tokenizer(True).lcut(stem) if len(w) == 2]
    out = []
    for w in words:
        at = stem.find(w)
        if at <= 0 or at + 2 >= len(stem):
            continue  # the first or last word gone is another unit (疾病控制 beside 控制中心)
        short = stem[:at] + stem[at + 2:]
        if short + typ in report.text:
            out.append(short)
    return out


HEAD_CHARS = 800  # the head of a report where its unit is named (title, 填报单位, 部门名称)


def _fullest_name(head: str, org: str, names: dict) -> str:
    """The organisation's name with the places the head of the report puts before it
    (部门名称 崇义县市场监督管理局, 填报单位 赣州市崇义县市场监督管理局): every level can slip."""
    levels = tuple(names.get("level_suffixes") or [])
    best, at = org, head.find(org)
    while at >= 0:
        k = at
        while k > 0 and "\u4e00" <= head[k - 1] <= "\u9fff":
            k -= 1
        prefix = head[k:at]
        # only whole places in front (赣州市), not a label glued to the name (填报单位)
        for cut in range(len(prefix)):
            cand = prefix[cut:]
            if cand.endswith(levels) and len(cand) + len(org) > len(best):
                best = cand + org
                break
        at = head.find(org, at + 1)
    return best


RULE = Rule(
    id="TXT.NAME_VARIANT", code="NAME_VARIANT", severity="low",
    summary_zh="单位自身名称在正文中被写成另一种写法",
    summary_en="The organisation's own name written another way in the text",
    example="标题为某某县水务局，正文写作“某谋县水务局”。",
    params=(Param("body_min", "BODY_MIN", "shortest stem of an organisation's own name read for variants"),),
    confidence=0.8,
    explain_zh="与单位名称核心部分相差一个字且带相同后缀",
    explain_en="one character away from the core of the organisation's name, with the same suffix",
    messages=("TXT.NAME_VARIANT.main", "TXT.NAME_VARIANT.variant"),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    org = report_org_year(report)[0] or ""
    if not org:
        return []
    names = lexicon(ctx, "detect_names.yaml") or {}
    org = _fullest_name(report.text[:HEAD_CHARS], org, names)
    findings = []
    # (core, suffixes, deletions, dictionary): an outer place or a short stem is read for
    # substitutions only, and a variant that is a word of the dictionary (福州 beside 泉州,
    # 财政 beside 民政) is another place or unit, not a slip
    cores = [(c, s, True, False) for c, s in name_cores(org, names)]
    cores += [(c, s, False, True) for c, s in outer_cores(org, names)]
    body = body_core(org, names)
    if body is not None:
        cores.append((body[0], body[1], False, True))
    for core, suffixes, deletions, dictionary in cores:
        if core not in report.text:
            continue
        variants = find_variants(report, core, suffixes, str(names.get("sibling_chars") or ""), deletions,
                                 str(names.get("lead_chars") or ""))
        if dictionary:
            variants = [w for w in variants if not _reads_as_words(w, core, suffixes[0])]
        if body is not None and core == body[0]:
            variants = sorted(set(variants) | set(_dropped_word(report, core, suffixes[0])))
        if not variants:
            continue
        ev, counts = [], {}
        for p in report.paragraphs():
            for w in variants:
                longer = [v for v in [core, *variants] if w in v and v != w]
                for at in P.occurrences(p.text, w):
                    if not _apart(p.text, at, w, longer):
                        continue
                    ev.append(evidence(report, p, at, at + len(w)))
                    counts[w] = counts.get(w, 0) + 1
        if not ev:
            continue
        ev.sort(key=lambda e: e.start)
        tail = "" if deletions else suffixes[0]  # the type word after a stem
        vs = phrases("variants", "TXT.NAME_VARIANT.variant",
                     [{"name": w + tail, "count": counts[w]} for w in variants if w in counts])
        places = sorted({e.paragraph for e in ev}, key=lambda pid: next(e.start for e in ev if e.paragraph == pid))
        findings.append(
            make_finding(
                "NAME_VARIANT",
                "low",  # a slip of the pen: worth correcting, rarely a sign of more
                "TXT.NAME_VARIANT.main", {"name": core + tail, "header": org, **vs, "places": places},
                ev,
                {"name": core, "header": org, "variants": {w: counts[w] for w in variants if w in counts}},
            )
        )
    return findings
