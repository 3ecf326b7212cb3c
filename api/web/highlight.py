"""Mark spans of a passage, HTML-escaped, trimmed to a window around the first one.

Which words a search matched is decided once, by `papergraph.index.highlight` (the keyword index's stems),
for the JSON answer and the pages alike: a search page marks its hits' `highlights`
(`marked_passage`), the paper page its evidence spans (`evidence_passage`). There is no
second word rule here: this module only escapes, marks and trims.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def mark_spans(text: str, spans: list[tuple[int, int]]) -> Markup:
    """`text` escaped, with each (start, end) span wrapped in <mark>."""
    out: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(str(escape(text[position:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(str(escape(text[position:])))
    return Markup("".join(out))


def window(text: str, start: int, end: int, width: int = 420) -> tuple[str, int]:
    """A slice of about `width` characters around text[start:end], cut at spaces.

    Returns the slice (with '…' where text was cut) and the offset to add to positions in it.
    """
    if len(text) <= width:
        return text, 0
    left = max(0, min(start - width // 3, len(text) - width))
    right = min(len(text), left + width)
    if left > 0:
        space = text.find(" ", left, start) if start > left else -1
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", max(end, left), right)
        right = space if space > end else right
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return f"{prefix}{text[left:right]}{suffix}", len(prefix) - left


def marked_passage(text: str, spans: list[tuple[int, int]], width: int = 420) -> Markup:
    """The part of `text` around the first span (its start when there is none), every span
    inside it marked."""
    first = spans[0] if spans else (0, 0)
    excerpt, shift = window(text, *first, width=width)
    shifted = [(s + shift, e + shift) for s, e in spans]
    return mark_spans(excerpt, [(s, e) for s, e in shifted if s >= 0 and e <= len(excerpt)])


def evidence_passage(chunk_text: str, spans: list[tuple[int, int]], width: int = 360) -> Markup:
    """The passage around the first evidence span, every span that falls inside it marked."""
    valid = sorted((s, e) for s, e in spans if 0 <= s < e <= len(chunk_text))
    if not valid:
        return Markup(escape(chunk_text[:width]))
    excerpt, shift = window(chunk_text, *valid[0], width=width)
    shifted = [(s + shift, e + shift) for s, e in valid]
    return mark_spans(excerpt, [(s, e) for s, e in shifted if s >= 0 and e <= len(excerpt)])
