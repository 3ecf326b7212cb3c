"""A metric the paper names only as everyday words is not one it reports.

"Accuracy", "precision" and "recall" are metrics and English words. A paper with no result in
them still writes them: an HCI study "to figure out the accuracy of" a claim (CiteSee,
2302.07302), a writing-support paper on "the efficiency and accuracy of these approaches"
(2304.02623), a strain sensor's "advantages such as accuracy" (a papermage fixture). The lexicon
matches each, and as the paper's only metric it was always shown. A metric whose label is a
common English word (by word frequency, not a list), named in no table, caption or figure, and in
no sentence that holds a measured value ("an accuracy 90%", "0.81 precision") or says it is
measured ("we use Precision (P), Recall (R), and F measure (F1) as evaluation metrics"), is not
shown (`mark_salient`, ingest/extract/curate.py): the paper names the quality, not a measure.
So is a phrase of such words, such as "wall-clock time" named in no measuring sentence.

A complexity (time, sample, computational) is a property an algorithm has, stated and compared
("of the same computational complexity as just evaluating the function", Adam, 1412.6980) or
written O(n^2), and no measure a paper reports a score in: no metric of the leaderboards the
metric prior was built from (generated-usual-metrics.txt) or of the hand lexicon is one, yet
SciREX's annotations type "computational complexity" and "time complexity" as metrics
(`a_property`). Adam's sentence passed as measuring ("evaluating the function" reads as
"evaluat"), so the everyday-words rule alone had shown it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType
from papergraph.ingest.extract.gazetteer import word_frequency
from papergraph.ingest.extract.sentences import sentence_around

COMMON = 3.5  # wordfreq Zipf frequency from which a word is a common English word
#: Chunks whose words stand beside measured values: a metric named there is one reported.
_MEASURING = frozenset({ChunkKind.TABLE, ChunkKind.CAPTION, ChunkKind.FIGURE})
#: A measured value: a percentage or a decimal ("90%", "0.81", "12.5 points"); not a bare
#: integer, which is as often a citation ("[35]"), a year or a count.
_VALUE = re.compile(r"\d\s*%|(?<![\w.])\d*\.\d+(?![\w.])")
#: Words of a sentence that says the paper measures in the metric ("we use Precision (P),
#: Recall (R), and F measure (F1) as evaluation metrics"); "evaluat" also inside a word, as a
#: PDF that prints no spaces writes it ("andFmeasure(F1)asevaluationmetrics"); or that points
#: to a figure or table of the paper's that shows it ("Figure 2 shows that Adam makes faster
#: progress in terms of both the number of iterations and wall-clock time").
_SAYS_MEASURED = re.compile(
    r"evaluat|\b(?:metrics?|measured|report(?:s|ed|ing)?)\b|\b(?:Fig(?:ure)?s?\.?|Tables?)\s*\d",
    re.I,
)
#: A function's arguments right after a name, a one-letter variable first: "(u, Θ1)", "(x)".
_APPLIED = re.compile(r"\(\s*[a-zα-ωΑ-Ω]\w?\s*[,)]")
_WORD = re.compile(r"^[A-Za-z][a-z]+$")  # "accuracy", "Recall"; not "ROUGE", "F1"
#: Head nouns of a property an algorithm has rather than a score it is measured in.
_PROPERTIES = frozenset({"complexity", "complexities"})


def unmeasured(entity: Entity, chunks: Mapping[str, Chunk]) -> bool:
    """Whether a metric whose label is an everyday English word is named in no table, caption
    or figure and in no sentence holding a measured value or saying it measures (`chunks`: chunk
    id -> chunk, whose text the evidence's offsets index)."""
    if entity.type is not EntityType.METRIC or not entity.evidence:
        return False
    if not everyday(entity.label):
        return False
    if any(e.table or e.row_header or e.column_header or e.caption for e in entity.evidence):
        return False
    for evidence in entity.evidence:
        chunk = chunks.get(evidence.chunk_id)
        if chunk is None or chunk.kind in _MEASURING:
            return False
        sentence = sentence_around(chunk.text, evidence.start, evidence.end)
        if _VALUE.search(sentence) or _SAYS_MEASURED.search(sentence):
            return False
    return True


def a_property(entity: Entity) -> bool:
    """Whether a metric names a property of an algorithm, its head noun a complexity ("time
    complexity", "computational complexity", "sample complexity"): never shown as a metric."""
    if entity.type is not EntityType.METRIC:
        return False
    words = re.findall(r"[a-z]+", entity.label.lower())
    return bool(words) and words[-1] in _PROPERTIES


def as_function(entity: Entity, chunks: Mapping[str, Chunk]) -> bool:
    """Whether a metric is a symbol of the paper's maths: written as a function of variables
    and never in a table, caption or figure (the batch-normalization paper's "ℓ = F2(F1(u, Θ1),
    Θ2) where F1 and F2 are arbitrary transformations" is no F1 score)."""
    if entity.type is not EntityType.METRIC or not entity.evidence:
        return False
    applied = False
    for evidence in entity.evidence:
        chunk = chunks.get(evidence.chunk_id)
        if chunk is None or chunk.kind in _MEASURING or evidence.table or evidence.caption:
            return False
        applied = applied or bool(_APPLIED.match(chunk.text, evidence.end))
    return applied


def everyday(label: str) -> bool:
    """Whether a label is everyday English: one common word ("accuracy") or a phrase of them
    ("computational complexity", "wall-clock time", "memory efficiency")."""
    words = re.split(r"[\s-]+", label.strip())
    return all(_WORD.match(w) and word_frequency(w.lower()) >= COMMON for w in words)
