"""The coder's rules, grouped by phenomenon.

Proposers (registered in :data:`ceasefire.events.candidates.PROPOSERS`, run in this order):

- ``speech``  (:mod:`.speech`): a demand reported with a modal is a REQUEST;
- ``joint``   (:mod:`.joint`): "a joint US-Russian centre" is COOPERATE between the two;
- ``lexicon`` (:mod:`.lexicon_proposer`): every lexicon trigger with the event the rules code for it
  (:mod:`.one_trigger`), its roles from :mod:`.verb_roles` / :mod:`.noun_roles`.

The open proposers (``open.verb``, ``open.noun``: words no rule coded) are in
:mod:`ceasefire.events.decide`. :mod:`.merge` holds the rules' own merging of linked triggers.
"""

from . import joint, lexicon_proposer, speech  # noqa: F401  (registration)
