"""Readers: one module per source format, all behind the contract in `base.py`.

`registry.py` lists them explicitly and picks one per document by sniffing its content.
"""
