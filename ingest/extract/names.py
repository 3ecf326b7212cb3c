"""Names no lexicon knows, found by how papers write them: their own title, "we propose X", and
name-shaped words ("LeakGAN", "V-Net", "ResNeXt-101") a paper repeats.

Each is returned as a Definition typed by its context, so it joins the paper's matcher the way
acronym definitions do. Dataset-like contexts ("on X", "X dataset", "X test set") make a
Dataset; a name in a metric position ("X score") a Metric; anything else a Method.
"""

from __future__ import annotations

import re
from collections import Counter

from papergraph.core.model import EntityType, Paper
from papergraph.ingest.extract.admissible import ENTITY_KINDS
from papergraph.ingest.extract.patterns import Definition

#: A name-shaped token: two capitals or a capital and a digit, in mixed case or with a hyphen.
_NAME = r"(?:[A-Za-z][A-Za-z0-9]*(?:\s?-\s?[A-Za-z0-9]+)*)"
_SHAPED = re.compile(
    r"(?<![\w-])(?=[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z0-9])"
    r"([A-Z][a-z]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|[A-Z]{1,4}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)"
    r"(?![\w-])"
)
_TITLE_NAME = re.compile(
    r"^\s*(?P<name>[A-Z][\w+-]*(?:\s?-\s?[\w+]+)*(?:\s[A-Z][\w+-]*){0,2})\s?:\s"
)
_PROPOSE = re.compile(
    r"\b(?:we|We)\s+(?:propose|introduce|present|call|name|dub)\w*\s+(?:it\s+|our\s+\w+\s+)?"
    r"(?:(?:a|an|the)\s+)?(?:(?:new|novel|simple)\s+)?(?P<name>" + _NAME + r")"
)
_DATASET_CONTEXT = re.compile(
    r"^\s*(?:-\s*)?(?:datasets?|corpus|corpora|benchmarks?|test\s+set|dev\s+set|val(?:idation)?"
    r"\s+set|challenge|database)\b",
    re.IGNORECASE,
)
_ON_BEFORE = re.compile(r"\b(?:on|of)\s+(?:the\s+)?$", re.IGNORECASE)
MIN_REPEATS = 3
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
#: Name-shaped words that are units, formats or boilerplate, not concepts.
_NOT_NAMES = frozenset(
    "GPU GPUs CPU CPUs TPU TPUs ID IDs PhD URL GitHub LaTeX TensorFlow PyTorch MATLAB API APIs "
    "ReLU ReLUs DNN DNNs RGB RGBD RGB-D FLOPs GFLOPs MFLOPs DoF NaN JPEG PNG".split()
)


def find_names(paper: Paper) -> list[Definition]:
    """Names from the title, "we propose X" sentences, and name-shaped words the paper repeats."""
    texts = [chunk.text for chunk in paper.chunks if chunk.kind in ENTITY_KINDS]
    found: dict[str, Definition] = {}
    if match := _TITLE_NAME.match(paper.title):
        _add(found, match.group("name"), EntityType.METHOD)
    for text in texts:
        for match in _PROPOSE.finditer(text):
            if _shaped(match.group("name")):
                _add(found, match.group("name"), EntityType.METHOD)
    for name, kind in _repeated(texts).items():
        _add(found, name, kind)
    words = {w for text in texts for w in _LOWER_WORD.findall(text)}
    return [d for d in found.values() if d.long.lower() not in words]


def _add(found: dict[str, Definition], name: str, kind: EntityType) -> None:
    name = re.sub(r"\s*-\s*", "-", name.strip())
    if name in _NOT_NAMES or len(name) < 3 or name.lower() in found:
        return
    found[name.lower()] = Definition(name, None, kind)


def _shaped(name: str) -> bool:
    return bool(_SHAPED.fullmatch(re.sub(r"\s*-\s*", "-", name.strip())))


def _repeated(texts: list[str]) -> dict[str, EntityType]:
    """Name-shaped words used at least MIN_REPEATS times, typed by their commonest context."""
    counts: Counter[str] = Counter()
    contexts: dict[str, Counter[EntityType]] = {}
    for text in texts:
        for match in _SHAPED.finditer(text):
            name = match.group(1)
            counts[name] += 1
            kind = _context_type(text, match.start(), match.end())
            contexts.setdefault(name, Counter())[kind] += 1
    return {
        name: contexts[name].most_common(1)[0][0]
        for name, count in counts.items()
        if count >= MIN_REPEATS and name not in _NOT_NAMES
    }


def _context_type(text: str, start: int, end: int) -> EntityType:
    after = text[end : end + 30]
    if _DATASET_CONTEXT.match(after):
        return EntityType.DATASET
    if _ON_BEFORE.search(text[max(0, start - 12) : start]) and re.match(r"\s*[,.;)]", after):
        return EntityType.DATASET
    return EntityType.METHOD
