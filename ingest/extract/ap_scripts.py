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

#: The words a COCO table prints for an AP's kind, spelt out ("AP^{box}", Mask R-CNN's "AP^{bb}",
#: "AP^{segm}") or as one letter ("AP^b", "AP^m"); `column_twins` reads the same words as a kind
#: of metric, no setting. One letter is read in its exact case ("APM" is medium objects' AP).
BOX_WORDS, MASK_WORDS = ("box", "bbox", "bb"), ("mask", "segm", "seg")
BOX_LETTER, MASK_LETTER = "b", "m"
_KIND = rf"(?P<kind>(?i:{'|'.join((*BOX_WORDS, *MASK_WORDS))})|{BOX_LETTER}|{MASK_LETTER})"
_PART = r"(?P<part>50|75|S|M|L)"
_END = r"(?![\w}-])"  # nothing of a longer word after: "AP50 box-free" names no box AP
#: The kind first: "APb 50", "APm75", "AP b 50", "AP^b_50", "AP^{box}_{50}", "APbox 50".
_KIND_FIRST = re.compile(rf"(?<![\w^])AP\s*\^?\s*\{{?{_KIND}\}}?\s*_?\s*\{{?{_PART}\}}?{_END}")
#: The threshold first: "AP50 b", "AP_{50}^{m}", "AP75^box".
_PART_FIRST = re.compile(
    rf"(?<![\w^])AP\s*_?\s*\{{?(?P<part>50|75)\}}?\s*\^?\s*\{{?{_KIND}\}}?{_END}"
)


def scripted_ap(text: str) -> tuple[str, str, int] | None:
    """The kind ("box" or "mask") and the threshold or size ("50", "75", "S", "M", "L") of the
    first AP that `text` prints with both as scripts, and where it starts; or None."""
    found = [m for m in (_KIND_FIRST.search(text), _PART_FIRST.search(text)) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    kind = first["kind"]
    mask = kind == MASK_LETTER or kind.lower() in MASK_WORDS
    return ("mask" if mask else "box"), first["part"], first.start()
