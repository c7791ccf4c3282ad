"""One person is one actor: the refs the quotes stage and the coder make get the actors stage's
or the dictionary's actor for their name (ceasefire.actors.identity), on the production path."""

from __future__ import annotations

import datetime as dt

import pytest

from ceasefire.models import ActorRef, Article, Event, ExtractRecord, Quote
from ceasefire.nlp.context import ArticleContext


@pytest.fixture(scope="module")
def annotator():
    from ceasefire.nlp import Annotator

    return Annotator()


def annotate(annotator, text: str, published: str = "2018-04-01") -> ExtractRecord:
    rec = ExtractRecord("a" * 64, "t.txt", Article(0, "primary", "T", text, published=published))
    assert annotator.annotate([rec]) == {}
    return rec


def all_refs(rec: ExtractRecord) -> list[ActorRef]:
    refs = list(rec.actors) + [q.speaker for q in rec.quotes if q.speaker]
    for e in rec.events:
        refs += [r for r in (e.source, e.target, e.claimant) if r]
        refs += [r for c in e.casualties for r in (c.actor, c.claimant) if r]
    return refs


def test_a_speaker_inside_a_government_mention_is_the_dictionary_person(annotator):
    # "Bashar al-Assad" is inside the one mention "regime of Bashar al-Assad" (the Syrian
    # government); the quote finder takes "he" for him and used to mint PER:bashar-al-assad
    text = (
        "Few in the opposition think the regime of Bashar al-Assad will have a say. "
        '"The deal will be made between the big powers," he said.'
    )
    rec = annotate(annotator, text)
    speakers = {q.speaker.id for q in rec.quotes if q.speaker}
    assert speakers == {"ASSAD"}, speakers
    assert not [r for r in all_refs(rec) if r.id.startswith("PER:")]


def test_unify_refs_keeps_mention_and_offsets(nlp):
    from ceasefire.actors import find_mentions, unify_refs

    text = "Syria's envoy Bashar Jaafari spoke. Theresa May said nothing. Afraa Dagher wept."
    doc = nlp(text)
    ctx = ArticleContext(doc=doc, published=dt.date(2018, 4, 1))
    find_mentions(doc, ctx)
    i = text.index("Bashar Jaafari")
    j = text.index("Theresa May")
    k = text.index("Afraa Dagher")
    jaafari = ActorRef("PER:bashar-jaafari", "Bashar Jaafari", "person", None, "Bashar Jaafari", i, i + 14)
    may = ActorRef("ORG:theresa-may", "Theresa May", "other", None, "May", j + 8, j + 11)  # not at a mention
    unknown = ActorRef("PER:afraa-dagher", "Afraa Dagher", "person", None, "Afraa Dagher", k, k + 12)
    q = Quote(speaker=jaafari, text="x", kind="direct", start=0, end=1)
    e = Event("ACCUSE", text, 0, len(text), source=may, target=unknown, claimant=jaafari)
    unify_refs(ctx, [q], [e])
    assert q.speaker is not None and q.speaker.id == "JAAFARI_B"
    assert (q.speaker.mention, q.speaker.start, q.speaker.end) == ("Bashar Jaafari", i, i + 14)
    assert e.source is not None and (e.source.id, e.source.kind, e.source.mention) == (
        "TMAY",
        "person",
        "May",
    )
    assert e.claimant is not None and e.claimant.id == "JAAFARI_B"
    assert e.target == unknown  # a name the dictionary does not know keeps its generated id


def test_one_name_is_one_generated_actor_in_an_article(annotator):
    # the tagger reads an unknown name as a person in one place and an organisation in another
    text = (
        "Priti Patel, the aid secretary, visited the camp on Monday. Priti Patel said the camp needed help. "
        "Later Priti Patel met officials in Amman."
    )
    rec = annotate(annotator, text)
    ids = {r.id for r in rec.actors if r.mention == "Priti Patel"}
    assert len(ids) == 1, ids
