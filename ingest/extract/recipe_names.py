"""The name by recipe a paper's tables give its own model, where its text names it otherwise.

InstructGPT says "We call the resulting models InstructGPT", and its tables print the models by
how each was trained: "GPT models | SFT models | PPO models | PPO + ptx models". The text ties
the coined name to the recipe's: "Our InstructGPT models (PPO-ptx)", "the 175B PPO-ptx model
(InstructGPT 175B)", "InstructGPT refers to the PPO-ptx models". A name printed in brackets
beside one of the paper's own names (either way round), or that an own name "refers to", is the
own model too, so the tables' "PPO + ptx" column is the paper's result. Only a coined name the
lists do not know, that the text calls its own models ("our PPO-ptx models"), counts, and
no backbone's size or variant ("Swin-T", "BERT-Large"): "GPT-3 (175B)" brackets a size, and a known method in brackets ("InstructGPT (GPT-3)") or one the paper never
calls its own ("FLAN (LaMDA-PT)") is another model, the base it is built from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.canonical import known_type
from papergraph.core.model import fold

#: A coined name of one word: a capital, then a capital or digit inside it or a hyphened part
#: ("PPO-ptx", "RLHF-v2", "SFT+"); no plain word ("Ours", "Table") and no size ("175B").
_NAME = r"[A-Z][\w]*(?:[A-Z0-9][\w]*(?:[-+][\w]+)*|(?:[-+][\w]+)+)\+?"
#: A model's size: "175B", "1.3B" (table_columns reads a header's by it too).
MODEL_SIZE = r"\d+(?:\.\d+)?[BMK]"
_SIZE = rf"(?:\s+{MODEL_SIZE})?"
#: A backbone's size or variant after a hyphen: "Swin-T", "DeiT-S", "BERT-Large", "T5-XXL".
_VARIANT = re.compile(r"-(?:[TSBLH]|X*L|tiny|small|base|medium|large|huge|giant)$", re.IGNORECASE)
#: What may stand between a name and its bracket: a size, "models", both.
_BETWEEN = rf"{_SIZE}(?:\s+models?)?"


def recipe_names(text: str, names: Iterable[str]) -> list[str]:
    """Coined names `text` ties to one of the paper's own `names` (see the module's docstring),
    those the lists know as something else or the text never calls its own left out, in
    order of first mention."""
    names = list(dict.fromkeys(names))
    found: list[tuple[int, str]] = []
    for name in names:
        own = re.escape(name)
        for pattern in (
            rf"\b{own}{_BETWEEN}\s*\((?P<recipe>{_NAME})\)",  # "InstructGPT models (PPO-ptx)"
            rf"\b(?P<recipe>{_NAME}){_BETWEEN}\s*\({own}\b",  # "PPO-ptx model (InstructGPT 175B)"
            rf"\b{own}\s+refers\s+to\s+(?:the\s+|our\s+)?(?P<recipe>{_NAME})",
        ):
            found += [(m.start(), m.group("recipe")) for m in re.finditer(pattern, text)]
    folded = {fold(name) for name in names}
    recipes = dict.fromkeys(recipe for _, recipe in sorted(found))
    return [
        r
        for r in recipes
        if fold(r) not in folded
        and known_type(r) is None
        and not _VARIANT.search(r)
        and _ours(r, text)
    ]


def _ours(recipe: str, text: str) -> bool:
    """Whether the text calls the recipe's models its own: "our PPO-ptx models", "our 1.3B
    PPO-ptx model"; a base model it brackets ("FLAN (LaMDA-PT)") it never calls so, nor
    "our Swin-T backbone" a model."""
    own = rf"\b[Oo]ur{_SIZE}\s+{re.escape(recipe)}\s+models?\b"
    return bool(re.search(own, text))
