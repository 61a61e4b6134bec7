"""The model, identity and cross-document resolution, and the networkx store."""
