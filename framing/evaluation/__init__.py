"""Measuring the extractors on public annotated datasets that the project did not write.

:mod:`framing.evaluation.datasets` reads BABE, PTC and the SFU speculation corpus from
``../shared/datasets/`` (or a folder the user names); :mod:`framing.evaluation.benchmarks`
runs the extractors and a plain word-list baseline on the same texts and counts
predicted / correct / gold / found. The gold set of the project itself (``gold/``) is
measured by :mod:`framing.evaluate`.
"""
