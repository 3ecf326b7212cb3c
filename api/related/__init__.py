"""Related papers that explain themselves: paper-level text similarity, shared rare entities and
citation structure, fused by configurable weights, with reasons on every recommendation.

Modules: `settings` (the weights), `corpus` (one snapshot of the stores), `signals` (one score
per signal with its reasons), `rank` (fusion, `related_papers()` and `recommend()`).
This file imports nothing so that `api.config` can import `api.related.settings`.
"""
