"""Hand-written gazetteers of ML/NLP names (TSV: label, type, aliases), read by papergraph.ingest.extract."""
