"""Files in a folder of papers that are plainly not papers: licences, READMEs, data as text.

A folder ingest walks everything a reader could read, and a `.txt` or `.md` there is as often a
licence or a data folder's README as a paper. Those are skipped with the reason, so a licence
never becomes a paper called "Apache License". A file named explicitly is read as asked.
"""

from __future__ import annotations

import re
from pathlib import Path

#: File names (stem, upper case, before any `_`, `-` or `.`) of a repository's or a folder's
#: own documents.
_DOCUMENT_NAMES = {
    "LICENSE": "a licence",
    "LICENCE": "a licence",
    "COPYING": "a licence",
    "NOTICE": "a licence notice",
    "README": "a folder's README",
    "CHANGELOG": "a change log",
    "CHANGES": "a change log",
    "HISTORY": "a change log",
    "CONTRIBUTING": "contribution notes",
    "AUTHORS": "a list of authors",
    "CODE_OF_CONDUCT": "a code of conduct",
    "SECURITY": "a security policy",
}
#: Openings of licence texts (the first lines of the file, spaces folded).
_LICENCE_TEXT = re.compile(
    r"\b(?:apache license\s+version \d|gnu (?:lesser |affero )?general public license|"
    r"mit license|bsd \d-clause|mozilla public license|creative commons|"
    r"permission is hereby granted, free of charge|licensed under the apache license|"
    r"redistribution and use in source and binary forms)",
    re.IGNORECASE,
)
#: Data saved as text: what the first non-blank line looks like, and what the file then is.
_DATA_OPENINGS = (
    (re.compile(r"^\s*(?:\{\s*\"|\[\s*[\[{\"])"), "JSON data"),
    (re.compile(r"^-DOCSTART-"), "token-per-line annotations (CoNLL)"),
    (
        re.compile(r"^\s*(?:PREFIX|BASE|SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE),
        "a SPARQL query",
    ),
)
_TEXT_SUFFIXES = (".txt", ".md")
_HEAD_BYTES = 2048


def not_a_paper(path: Path) -> str | None:
    """Why this text file is not a paper, or None when it may be one (or is not text)."""
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        return None
    stem = path.stem.upper()
    for name, kind in _DOCUMENT_NAMES.items():
        if stem == name or re.match(rf"{name}[-_. ]", stem):
            return f"not a paper: {kind} (by its name)"
    try:
        with path.open("rb") as text:
            head = text.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None  # the reader reports why it cannot be read
    if _LICENCE_TEXT.search(" ".join(head.split()[:80])):
        return "not a paper: a licence (by its text)"
    return _data_kind(head)


def _data_kind(head: str) -> str | None:
    """Data kept in a text file: JSON, CoNLL tokens, a SPARQL query, or tab-separated rows."""
    lines = [line for line in head.splitlines()[:-1] if line.strip()]  # the last may be cut
    if not lines:
        return None
    for opening, kind in _DATA_OPENINGS:
        if opening.match(lines[0]):
            return f"not a paper: {kind}"
    if len(lines) >= 5 and sum("\t" in line for line in lines) >= 0.8 * len(lines):
        return "not a paper: tab-separated data"
    return None
