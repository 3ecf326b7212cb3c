"""COCO's AP with its kind and its threshold or size printed as scripts, as PDF readers flatten
them. A table prints AP^b_50, AP^m_75, AP^{box}_{50}; pypdf and pypdfium2 read them "APb 50",
"APb50", "APm75", "AP b 50", "AP^b_50", "APbox 50", or with the subscript first, "AP50 b".
Read by the plain AP rules, "APb50" named no metric (and its header's words went into the
method's name), "AP^b_50" and "APbox 50" read as the whole AP. Each is the AP of its kind at
its threshold or object size, named as `metric_names.read_metric` names "box AP50" and "mask
AP50" (a box AP50 is "AP50", a mask one "mask AP50"). A bare "APm" stays COCO's AP of medium
objects (FPN's "APs APm APl"): a kind is read only beside a threshold or size."""

from __future__ import annotations

import re

_KIND = r"(?P<kind>(?i:box|bbox|mask)|b|m)"
_PART = r"(?P<part>50|75|S|M|L)"
#: The kind first: "APb 50", "APm75", "AP b 50", "AP^b_50", "AP^{box}_{50}", "APbox 50".
_KIND_FIRST = re.compile(rf"(?<![\w^])AP\s*\^?\s*\{{?{_KIND}\}}?\s*_?\s*\{{?{_PART}\}}?(?![\w}}])")
#: The threshold first: "AP50 b", "AP_{50}^{m}", "AP75^box".
_PART_FIRST = re.compile(
    rf"(?<![\w^])AP\s*_?\s*\{{?(?P<part>50|75)\}}?\s*\^?\s*\{{?{_KIND}\}}?(?![\w}}])"
)
_MASK = re.compile(r"mask|m", re.IGNORECASE)


def scripted_ap(text: str) -> tuple[str, str] | None:
    """The kind ("box" or "mask") and the threshold or size ("50", "75", "S", "M", "L") of an AP
    that `text` prints with both as scripts, or None."""
    found = _KIND_FIRST.search(text) or _PART_FIRST.search(text)
    if found is None:
        return None
    kind = "mask" if _MASK.fullmatch(found["kind"]) else "box"
    return kind, found["part"]
