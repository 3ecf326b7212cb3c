"""The WMT test set a paper's text names for a language pair its tables print bare.

A translation table's caption may name no test set ("Translation BLEU scores on non-English
centric and extremely-low resource language pairs") while the text says which it is ("We will
use the WMT'19 French-German language pair"); a row "de-fr" or "fr-de" of that table is then
WMT 2019 German-French or French-German, in the row's direction. A caption's bare "WMT" ("on
traditional WMT language pairs") takes the year the text names too. A pair the text names under
no WMT year stays as it was. A year is WMT's only if WMT ran then (WMT_YEARS: "en-de 32" is no
test set), and a caption naming another campaign beside WMT ("IWSLT 2014 and WMT results": its
"De-En 14" is IWSLT'14) leaves its pairs as printed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from papergraph.ingest.extract.table_names import LANGUAGES

_NAMES = "|".join(
    sorted({*LANGUAGES, *(n.lower() for n in LANGUAGES.values())}, key=len, reverse=True)
)
_SEP = r"\s*(?:-|–|→|->|to|-to-|⇒)\s*"
#: A bare pair, the test set's year perhaps printed after it ("FR → EN 15": InstructGPT).
_PAIR = re.compile(
    rf"^\s*(?P<src>{_NAMES}){_SEP}(?P<tgt>{_NAMES})(?:\s*['’]?(?P<year>\d{{2}}|\d{{4}}))?\s*$",
    re.IGNORECASE,
)
_NAMED = re.compile(
    rf"\bWMT\s*['’]?\s*(?P<year>\d{{2}}|\d{{4}})\s+(?P<src>{_NAMES}){_SEP}(?P<tgt>{_NAMES})\b",
    re.IGNORECASE,
)
#: The years of WMT's shared tasks: the first Workshop on Statistical Machine Translation was in
#: 2006 (statmt.org/wmt06); a year beyond the decade is no test set a paper can evaluate on yet.
WMT_YEARS = range(2006, 2030)
#: Other campaigns and test sets that print language pairs with years ("IWSLT'14 De-En").
_OTHER_CAMPAIGN = re.compile(r"\b(?:IWSLT|NIST|FLORES)", re.IGNORECASE)
_YEARED = re.compile(r"\bWMT\s*['’]?\s*\d{2}|\bnewstest\s*\d{4}", re.IGNORECASE)
#: A pair of languages, either way round -> the year of the WMT test set the text names for it.
TestSets = Mapping[frozenset[str], str]


def text_test_sets(text: str) -> dict[frozenset[str], str]:
    """The WMT years the text names language pairs with ("WMT'19 English-Kazakh": 2019), the
    first where it names a pair twice."""
    found: dict[frozenset[str], str] = {}
    for named in _NAMED.finditer(text):
        pair = frozenset(_language(named.group(g)) for g in ("src", "tgt"))
        year = wmt_year(named.group("year"))
        if len(pair) == 2 and year:
            found.setdefault(pair, year)
    return found


def pair_test_set(label: str, test_sets: TestSets, caption: str = "") -> str | None:
    """The WMT test set of a row or column labelled by a bare language pair ("de-fr": WMT 2019
    German-French), where the text names one for the pair and the caption names no WMT year
    (a caption's "WMT 2014" says it for every pair of its table), in the year the label prints
    after the pair if it prints one ("FR → EN 15": WMT 2015 French-English); else None: also
    where that year is no WMT year or the caption names another campaign (IWSLT)."""
    printed = _PAIR.match(label)
    if printed is None or _YEARED.search(caption) or _OTHER_CAMPAIGN.search(caption):
        return None
    source, target = (_language(printed.group(g)) for g in ("src", "tgt"))
    year = test_sets.get(frozenset((source, target)))
    own = printed.group("year")  # the text says it is WMT's; the label, which year
    if own is not None:
        year = year and wmt_year(own)
    return f"WMT {year} {source}-{target}" if year and source != target else None


def wmt_year(printed: str) -> str | None:
    """The year of WMT printed in two digits or four ("15", "2015": 2015); None for a year WMT
    did not run (`WMT_YEARS`)."""
    year = int(printed) + (2000 if len(printed) == 2 else 0)
    return str(year) if year in WMT_YEARS else None


def _language(name: str) -> str:
    lowered = name.lower()
    return LANGUAGES.get(lowered) or next(
        (full for full in LANGUAGES.values() if full.lower() == lowered), name
    )
