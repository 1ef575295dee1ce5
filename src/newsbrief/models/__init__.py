"""Model backends for the abstract and translation stages; torch loads only when one is used."""
