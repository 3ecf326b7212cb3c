"""Identity of names: how two spellings of one concept, or one source, get one id."""

from __future__ import annotations

import re
import unicodedata

from ingest.model import EntityType

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_URL_UNSAFE = re.compile(r"[^0-9A-Za-z._~-]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form: 'GSM-8K' and 'gsm8k' fold alike."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("", ascii_text.lower())


def entity_key(entity_type: EntityType, label: str) -> str:
    """The cross-paper identity of an entity: its type and folded label."""
    return f"{entity_type.value.lower()}/{fold(label) or 'unnamed'}"


def url_safe_id(raw: str) -> str:
    """A stable URL-safe id from any string ('2307.12966', 'my paper.pdf' -> 'my_paper.pdf')."""
    cleaned = _URL_UNSAFE.sub("_", raw.strip()).strip("_")
    return cleaned or "paper"
