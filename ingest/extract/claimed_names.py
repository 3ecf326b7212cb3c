"""The paper's own method where neither its title nor its opening names one: the name its text
claims results for.

A page read without its title (an excerpt, a title the reader missed) or a title that names no
method leaves the tables without an own row, and every row of the paper is dropped. The text still
says which name is the paper's: "We observe that SciBERT outperforms BERT-Base", "SciBERT achieves
new SOTA results", "we refer to it as Fusion-in-Decoder", "the results obtained by
Fusion-in-Decoder", "our InstructGPT models" ("our API prompts" names no method), "X (ours)"; a
title-less excerpt of a data paper ("We introduce S2ORC, a large corpus") claims none. Each such
claim counts for the name; each time the name is what another is compared against ("outperforms
BERT-Base", "than X", "compared with X") or is cited ("REALM (Guu et al., 2020)", "DPR [12]")
counts against it. Only a name the paper's tables print whole (a row label or a header: where its
results are; "ResNet" is not printed by "ResNeXt-ResNet", "BERT" not by "RoBERTa") and no dataset,
task or metric the paper names is a candidate, and only one the paper speaks of in its own voice
("we present X", "we call it X", "our X models", "X (ours)", "comparing X with the reported Y
results"): a third-person "X achieves 47.3%" is said of a baseline as readily (HellaSwag's
"BERT-Large achieves only 47.3%"). The one chosen needs CLAIMS claims more than it has baseline
mentions, so a baseline the paper only compares against (BERT-Base beside SciBERT) is never taken
for its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from papergraph.core.model import Entity, EntityType, Table, fold
from papergraph.ingest.extract.table_names import CALLED, NOT_CALLED

#: A coined name: a capital, then a second capital or a digit ("SciBERT", "Fusion-in-Decoder",
#: "T5"), not a plain capitalised word ("Table", "Our").
_NAME = r"(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*)"
_CLAIM_VERB = (
    r"(?:outperforms|outperformed|achieves|achieved|obtains|sets|surpasses|beats|reaches|"
    r"improves\s+(?:on|over|upon))"
)
#: What data is introduced as: "We introduce S2ORC, a large corpus" is no method with results.
_DATA = (
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:corpus|data\s*set|collection|benchmark|set|suite|resource|toolkit|library)\b"
)
_KINDS = r"(?:models?|methods?|approach(?:es)?|systems?|networks?|framework|algorithm)"
#: Sentences in which the paper speaks of a name as its own, in its own voice ("we call it X":
#: table_names.CALLED).
_OWN_VOICE = (
    re.compile(rf"\b[Ww]e\s+(?:present|introduce|propose|release)\s+{_NAME}(?!{_DATA})"),
    # "our InstructGPT models", not "our API prompts"
    re.compile(rf"\b[Oo]ur\s+{_NAME}\s+{_KINDS}\b"),
    re.compile(rf"\b{_NAME}\s+\((?i:ours)\)"),
    # "Comparing SciBERT with the reported BioBERT results": the other's are reported
    re.compile(rf"\b[Cc]ompar(?:e|es|ing)\s+{_NAME}\s+(?:with|to|against)\s+the\s+reported\b"),
)
#: ... or claims results for it.
_CLAIMS = (
    re.compile(rf"\b(?:obtained|achieved)\s+by\s+{_NAME}"),
    re.compile(rf"\b{_NAME}\s+{_CLAIM_VERB}\b"),
    re.compile(rf"\b[Cc]ompar(?:e|es|ing)\s+{_NAME}\s+(?:with|to|against)\b(?!\s+the\s+reported)"),
)
#: Sentences in which a name is what the paper compares against, or another paper's work.
_BASELINES = (
    re.compile(
        rf"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beats?|than|over|versus|vs\.?|"
        rf"compared\s+(?:to|with)|with\s+the\s+reported)\s+(?:the\s+)?{_NAME}"
    ),
    re.compile(rf"\b{_NAME}\s*(?:\([^()]*\bet al\.?|\([^()]*(?:19|20)\d\d\w?\)|\[\d+)"),
)
CLAIMS = 2  # claims a name needs more than its baseline mentions to be taken as the paper's own
_NOT_NAMES = (EntityType.DATASET, EntityType.BENCHMARK, EntityType.TASK, EntityType.METRIC)


def claimed_names(text: str, tables: Iterable[Table], entities: Iterable[Entity]) -> list[str]:
    """The name the text claims results for as its own, where its tables print it; none where
    no name has CLAIMS net claims or two names have as many (no telling which is the paper's)."""
    printed = {name for table in tables for cell in table.cells for name in _whole(cell.text)}
    other = {fold(n) for e in entities if e.type in _NOT_NAMES for n in (e.label, *e.aliases)}
    own = [m.group("name") for m in CALLED.finditer(text) if not NOT_CALLED.match(m.group("name"))]
    own += [m.group("name") for p in _OWN_VOICE for m in p.finditer(text)]
    claimed = [*own, *(m.group("name") for p in _CLAIMS for m in p.finditer(text))]
    claims = Counter(fold(name) for name in claimed)
    against = Counter(fold(m.group("name")) for p in _BASELINES for m in p.finditer(text))
    voiced = {fold(name) for name in own}
    ranked = sorted(
        (
            (claims[name] - against[name], name)
            for name in voiced
            if len(name) >= 3 and name not in other and name in printed
        ),
        reverse=True,
    )
    if not ranked or ranked[0][0] < CLAIMS or ranked[1:2] and ranked[1][0] == ranked[0][0]:
        return []
    return [next(name for name in claimed if fold(name) == ranked[0][1])]


def _whole(cell: str) -> set[str]:
    """The folded names a cell prints whole: each word, and a word's stem before a variant's
    hyphen ("T5" of "T5-Large"), not a name inside a word ("BERT" of "RoBERTa") nor after a
    hyphen ("ResNet" of "ResNeXt-ResNet")."""
    words = re.findall(r"\w[\w-]*", cell)
    return {fold(part) for word in words for part in (word, word.split("-")[0])}
