"""Adapters between the generator and the tools that build the site: MkDocs hooks, the CSP, the last gate."""
