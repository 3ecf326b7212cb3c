"""Row labels that cite their source: the cited name is another paper's, the words before it not.

"PixelCNN [30]" and "BERT (Devlin et al., 2019)" are rows of other papers. A label that joins two
label columns cites the name its citation follows: RepLKNet's Cityscapes table prints
"RepLKNet-31B UperNet [102]", the paper's backbone in the framework of [102]; the backbone is
the paper's own, the framework is cited.
"""

from __future__ import annotations

import re

_CITED = re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]|\bet al\b|\(\D*(?:19|20)\d\d[a-z]?\)")


def cites(label: str) -> bool:
    """Whether a row label cites its source ("PixelCNN [30]", "BERT (Devlin et al., 2019)")."""
    return bool(_CITED.search(label))


def uncited(label: str) -> str:
    """The label's words before the name its first citation follows: "" for "PixelCNN [30]" or
    "Koppula et al. [31]", "RepLKNet-31B" for "RepLKNet-31B UperNet [102]"; an uncited label
    whole."""
    found = _CITED.search(label)
    if found is None:
        return label
    words = label[: found.start()].split()
    while words and not any(char.isalnum() for char in words[-1]):
        words.pop()  # "Swin-B UperNet + [38]": the citation follows "UperNet +"
    return " ".join(words[:-1])


def uncite(label: str) -> str:
    """The label without its citations: "RepLKNet-31B UperNet [102]" names the row
    "RepLKNet-31B UperNet"; the citation says where the framework comes from."""
    return " ".join(_CITED.sub(" ", label).split())
