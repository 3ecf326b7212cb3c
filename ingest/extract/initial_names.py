"""Names a paper builds from its method's initials: "BN-Inception" in the Batch Normalization
paper, its model "Inception" with batch normalization.

A paper proposing a technique of two words or more often names the models it applies it to by
the technique's initials, a hyphen and the model ("BN-Inception", "BN-x5"; "LN-LSTM" for layer
normalization). Such a name, printed at least MIN_PRINTED times in the paper's text, is the
paper's own: its table rows ("BN-Inception multicrop") are the paper's results. A name the
lists know as something else (a dataset "NAS-Bench-201" beside Neural Architecture Search) is not,
nor is an adjective the initials make ("GAN-based" beside Graph Attention Networks).
"""

from __future__ import annotations

import re
from collections import Counter

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType

MIN_PRINTED = 2  # times the paper prints an initialled name before it is one of its own
#: What follows the initials' hyphen in a model's name: a capital or a digit ("Inception",
#: "LSTM", "5x") or a letter before a digit ("x5"); a lower-case word is an adjective the
#: initials make ("GAN-based", "KD-style", "LN-free"), no name.
_MODEL_PART = r"-(?:[A-Z0-9]|[a-z]+\d)[A-Za-z0-9]*"
_WORDS = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+){1,3}$")  # "Batch Normalization"


def initialled_names(names: list[str], text: str) -> list[str]:
    """`names` and the names the paper's `text` prints as "<initials>-<name>" of a name of two
    to four words among them ("Batch Normalization": "BN-Inception")."""
    initials = {"".join(w[0] for w in n.split()).upper() for n in names if _WORDS.match(n)}
    if not initials:
        return names
    alternatives = "|".join(sorted(map(re.escape, initials)))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives}){_MODEL_PART}(?:-[A-Za-z0-9]+)*\b")
    printed = Counter(pattern.findall(text))
    found = [
        name
        for name, count in printed.items()
        if count >= MIN_PRINTED and known_type(name) in (None, EntityType.METHOD)
    ]
    return [*names, *(name for name in found if name not in names)]
