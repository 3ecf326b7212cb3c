"""The domain model and base errors every Papergraph package speaks; imports none of them."""
