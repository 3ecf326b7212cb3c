"""Papergraph: a knowledge graph and semantic search over research papers.

The installed namespace. Its subpackages are the repository's top-level folders, linked here:
`papergraph.core` (the domain model and base errors), `papergraph.kg` (the graph and SPARQL),
`papergraph.index` (vectors, keywords, chunks), `papergraph.ingest` (reading and extraction) and
`papergraph.api` (the HTTP service, pages and the `papergraph` CLI).
"""
