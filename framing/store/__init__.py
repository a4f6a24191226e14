"""The feature store: analysed articles in DuckDB, keyed by content hash and analysis version.

>>> from framing.store import load_features
>>> features = load_features("runs/store.db")   # list[ArticleFeatures], as api.analyze() gives
"""

from framing.store.database import FeatureStore, load_features
from framing.store.update import UpdateReport, update_store

__all__ = ["FeatureStore", "UpdateReport", "load_features", "update_store"]
