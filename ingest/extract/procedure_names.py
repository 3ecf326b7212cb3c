"""The word by which a method paper's tables label the models its procedure made.

"Distilling the Knowledge in a Neural Network" names no model: it proposes a procedure,
distillation, and its Table 1 prints "Baseline | 10xEnsemble | Distilled Single model". A paper
whose title opens with the procedure's gerund ("Distilling", "Quantizing", "Compressing")
labels what the procedure made by its participle ("Distilled ...", "Quantized ..."): a row so
labelled is the paper's own. Only where the procedure is among the methods the paper is
most about, named by a noun of it (the extracted method "knowledge distillation" ranks first),
so a title's "Improving" in a paper about something else, or "Learning" beside "contrastive
learning" (CLIP), marks no row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.model import Entity, EntityType

#: The gerund a title opens with: "Distilling", "Pruning", "Fine-tuning" (its stem before -ing).
_GERUND = re.compile(r"^(?P<stem>[A-Z][a-z]+(?:-[a-z]+)?)ing\b")
#: How many of the paper's most salient methods the procedure must be among.
TOP_METHODS = 3
#: Letters of the stem a method's word must open with ("distill" in "distillation").
MIN_STEM = 4
#: What a noun of the procedure adds to the stem: "distill-ation", "compress-ion",
#: "align-ment". Not the gerund or participle ("contrastive learning", "scaling laws",
#: "masked language modeling"): a method so named says nothing of models made by a procedure.
_NOUN = re.compile(r"(?:a|i)?tions?|ions?|ments?|als?")


def procedure_names(title: str, entities: Iterable[Entity]) -> list[str]:
    """The participle of the procedure the title opens with ("Distilled"), where one of the
    paper's most salient methods is that procedure ("knowledge distillation"); else []."""
    opening = _GERUND.match(title.strip())
    if opening is None or len(opening.group("stem")) < MIN_STEM:
        return []
    stem = opening.group("stem")
    methods = sorted(
        (e for e in entities if e.type is EntityType.METHOD), key=lambda e: -e.salience
    )
    words = {w.lower() for e in methods[:TOP_METHODS] for w in re.findall(r"[\w-]+", e.label)}
    low = stem.lower()
    if not any(word.startswith(low) and _NOUN.fullmatch(word[len(low) :]) for word in words):
        return []
    return [f"{stem}ed"]
