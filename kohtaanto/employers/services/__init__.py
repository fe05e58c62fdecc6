"""Writes of the employers app, one module per capability."""
