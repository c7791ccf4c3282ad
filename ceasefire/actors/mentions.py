"""Find every actor mention in an article and resolve it to a canonical actor.

``find_mentions(doc, ctx)`` runs these passes over the article text and sets
``ctx.actors`` (sorted by offset):

1. dictionary names, longest first ("Jabhat al-Nusra", "Russian air force",
   "Syrian army", "Moscow"), renamings followed at the publication date;
   a demonym before a noun for people or forces ("Burundian militiamen");
2. spaCy PERSON/ORG/NORP/GPE entities the dictionary lacks: a near-miss
   spelling of a dictionary name resolves to it, anything else keeps a
   generated stable id ("PER:afraa-dagher") and a kind from its NER type;
3. surnames of persons named in the article ("Lavrov" after "Sergey Lavrov");
4. role mentions ("the Syrian President", "Russia's foreign minister",
   "the minister", "the kingdom"), holders picked at the publication date
   or, for undated articles, at the date the named office-holders share;
   descriptions ("the Washington Post columnist" after "journalist Jamal Khashoggi");
5. generic collectives ("rebels", "civilians", "police", "security forces",
   "the government") resolved in the article's theatre country;
   "militants"/"jihadists"/"gunmen" to the armed group the article makes them mean (in an
   apposition, "of"/"from" it, or for "the militants" named in the same or the previous
   sentence), else to the theatre's unidentified militants; "Syrian Kurdish fighters" to
   that country's Kurdish forces;
   then "these factions"/"those fighters" back to the last armed group, and
   "the two ministers", "both groups", subject "both" to the pair last named;
6. third-person pronouns (he/she/they/it/its/their) back to the last compatible
   actor (person or not, sex where known, number by verb agreement and plural
   demonyms, not a country named as a place, not the object's own subject, a
   subject first, the same paragraph first), or ahead to the main subject from
   a phrase put before it; "their" with two persons in its sentence is the pair;
   the possessor of "its eradication" is not the one demanding it;
7. first-person pronouns in a quotation to its attributed speaker ("I") or the
   speaker's side ("we": a minister's country, a spokesman's group, a body itself);
   "our partners" to the last other state or government named.

Mentions never overlap except that a role mention replaces the organisation
inside it ("Russia's foreign minister" is one mention, of Lavrov).

Each phenomenon's passes are a class of their own module, and ``_Finder`` here
combines them and runs them in order: ``names`` (1, 2), ``spelling`` (2's
near-misses, acronyms, 3), ``demonyms`` (1's demonym phrases), ``theatre`` (the
country and era used by 4 and 5), ``roles`` and ``descriptions`` (4), ``groups``
(5), ``pronouns`` (6), ``speakers`` (7).  ``base`` holds the mention record and
the bookkeeping every pass uses, ``lexicon`` the word lists several passes share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import ActorRef
from .demonyms import DemonymPasses
from .descriptions import DescriptionPasses
from .dictionary import ActorDictionary, get_dictionary
from .groups import GroupPasses
from .lexicon import fuzzy_lookup
from .names import NamePasses
from .pronouns import PronounPasses
from .roles import RolePasses
from .speakers import SpeakerPasses
from .spelling import SpellingPasses
from .theatre import TheatrePasses

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..nlp.context import ArticleContext


class _Finder(
    NamePasses,
    SpellingPasses,
    DemonymPasses,
    TheatrePasses,
    RolePasses,
    DescriptionPasses,
    GroupPasses,
    PronounPasses,
    SpeakerPasses,
):
    """Every pass over one article; ``run`` applies them in order."""

    # -- result
    def refs(self) -> list[ActorRef]:
        out: list[ActorRef] = []
        self.partners = {}
        for m in sorted(self.mentions, key=lambda x: (x.start, -x.end)):
            surface = self.text[m.start : m.end]
            if m.partner is not None and m.actor is not None and m.partner.id != m.actor.id:
                self.partners[(m.start, m.end)] = m.partner.ref(surface, m.start, m.end, self.when)
            if m.actor is not None:
                out.append(m.actor.ref(surface, m.start, m.end, self.when))
            elif m.ref is not None:
                r = m.ref
                out.append(ActorRef(r.id, r.name, r.kind, r.country, surface, m.start, m.end))
        return out

    def run(self) -> list[ActorRef]:
        self.dictionary_pass()
        self.demonym_np_pass()
        self.hyphen_pair_pass()
        self.coordination_pass()
        self.ner_pass()
        self.spelling_pass()
        self.acronym_pass()
        self.surname_pass()
        self.find_era()
        self.find_theatre()
        self.role_pass()
        self.descriptor_pass()
        self.state_noun_pass()
        self.ministry_pass()
        self.group_noun_pass()
        self.generic_pass()
        self.group_noun_pass(demonstrative=True)
        self.pair_pass()
        self.pronoun_pass()
        self.first_person_pass()
        return self.refs()


def find_mentions(doc: Doc, ctx: ArticleContext, dictionary: ActorDictionary | None = None) -> list[ActorRef]:
    """Every actor mention in the article, resolved; also stored in ``ctx.actors``."""
    finder = _Finder(doc, ctx, dictionary or get_dictionary())
    refs = finder.run()
    ctx.actors = refs
    ctx.partners = finder.partners
    return refs


def theatre_of(doc: Doc, ctx: ArticleContext) -> str | None:
    """The ISO-3 country the article's events mostly happen in (by locative place names)."""
    f = _Finder(doc, ctx, get_dictionary())
    f.dictionary_pass()
    f.find_theatre()
    return f.theatre


__all__ = ["find_mentions", "fuzzy_lookup", "theatre_of"]
