"""Names a paper's opening introduces for its own method, with what kind of thing it is.

Where a title names no method ("On First-Order Meta-Learning Algorithms") and the ranker finds
none dominant, the opening still says which name is the paper's: "We introduce Reptile, an
algorithm closely related to FOMAML", "Reptile, a new algorithm that we introduce here". Only a
name set beside a method's kind (algorithm, model, approach, ...) counts: "We introduce S2ORC,
a large corpus" introduces data, not a method whose table rows are the paper's results.
"""

from __future__ import annotations

import re

_NAME = r"(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*|[A-Z][a-z][\w-]+)"
#: What a method is called where it is introduced, after at most three describing words.
_KIND = (
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:algorithm|method|model|approach|architecture|framework|technique|network)\b"
)
_INTRODUCED = (
    re.compile(rf"\b[Ww]e\s+(?:introduce|propose|present)\s+{_NAME}{_KIND}"),
    re.compile(rf"\b{_NAME}{_KIND}\s+(?:that|which)\s+we\s+(?:introduce|propose|present)\b"),
)


def introduced_names(opening: str) -> list[str]:
    """The names `opening` introduces as the paper's method, first-introduced first, once."""
    found = sorted(
        (m.start(), m.group("name")) for pattern in _INTRODUCED for m in pattern.finditer(opening)
    )
    return list(dict.fromkeys(name for _, name in found))
