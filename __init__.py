"""vbgraph: a knowledge graph of Vietnamese Party and State documents."""

__version__ = "0.1.0"
