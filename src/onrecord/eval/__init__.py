"""Evaluations against annotated corpora: one module per corpus, sharing ``scoring``."""
