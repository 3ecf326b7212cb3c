"""One resolver for plugin settings: a registered name, or a dotted class path as the escape hatch.

Every plugin kind (vector index, extractor) keeps its own registry and error class and calls
`resolve_class`, so the rules (what a name may be, what the error says) are the same for all.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from papergraph.core.errors import PapergraphError


def resolve_class(
    name: str,
    registry: Mapping[str, str | type],
    *,
    kind: str,
    base: type | None = None,
    error: type[PapergraphError] = PapergraphError,
) -> type:
    """The class `name` stands for: a registry key (class or dotted path) or a dotted path.

    Raises `error` naming the known choices when `name` resolves to nothing, to something that is
    not a class, or to a class that does not subclass `base`.
    """
    target = registry.get(name, name)
    if isinstance(target, type):
        return _checked(target, name, kind, base, error)
    module_name, _, class_name = target.rpartition(".")
    if not module_name:
        known = ", ".join(sorted(registry))
        raise error(f"unknown {kind} {name!r}; registered: {known}, or a dotted class path")
    try:
        found = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise error(f"cannot import {kind} {target!r}: {exc}") from exc
    if not isinstance(found, type):
        raise error(f"{target!r} is not a class")
    return _checked(found, target, kind, base, error)


def _checked(
    found: type, name: str, kind: str, base: type | None, error: type[PapergraphError]
) -> type:
    if base is not None and not issubclass(found, base):
        raise error(
            f"{name!r} is not a {kind}: not a subclass of {base.__module__}.{base.__name__}"
        )
    return found
