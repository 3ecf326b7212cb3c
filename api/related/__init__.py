"""Related papers that explain themselves: paper-level text similarity, shared rare entities and
citation structure, fused by configurable weights, with reasons on every recommendation.

Modules: `settings` (the weights), `corpus` (one snapshot of the stores), `reasons` (a
recommendation and its typed reasons), `signals` (one score per signal with its reasons),
`rank` (the `Recommender`'s parts, fusion, `related_papers()` and `recommend()`), `faceted`
(re-ranking by facet and sentences), `function` (`pg:related` in SPARQL).
This file imports nothing so that `papergraph.api.config` can import `papergraph.api.related.settings`.
"""
