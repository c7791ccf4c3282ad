"""ceasefire.actors: the curated actor dictionary and actor resolution.

Public surface:

* :func:`get_dictionary` -> :class:`ActorDictionary` (loaded once per process),
  with ``lookup(surface, when=None) -> Actor | None`` and
  ``holder(title, org, when) -> Actor | None``;
* :func:`find_mentions` ``(doc, ctx) -> list[ActorRef]`` (sets ``ctx.actors``);
* :func:`unify_refs` ``(ctx, quotes, events)``: after the other stages, their generated
  refs for a name the actors stage or the dictionary knows become that actor.
"""

from .dictionary import Actor, ActorDictionary, Role, get_dictionary
from .identity import unify_refs
from .mentions import find_mentions, theatre_of

__all__ = ["Actor", "ActorDictionary", "Role", "find_mentions", "get_dictionary", "theatre_of", "unify_refs"]
