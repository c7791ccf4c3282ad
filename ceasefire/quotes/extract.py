"""Direct and indirect speech with the speaker resolved to an actor.

:func:`find_quotes` reads a parsed article and returns :class:`Quote` records:

* **direct**: text between speech marks of at least :data:`MIN_DIRECT_WORDS`
  words (shorter ones are scare quotes: “moderates”), over several sentences
  or paragraphs when the marks say so.  The speaker is the subject of the
  innermost speech verb whose complement holds the quotation (“...,” Lavrov
  said / he stressed that “...”), else of the nearest speech verb outside the
  marks in the same sentence or the next/previous one in the paragraph, else
  the speaker of the quotation just before it (news stories string quote
  paragraphs of one speaker together).  A quotation with no speech cue at all
  (a title, a slogan) is left out: it could not be attributed.
* **indirect**: a speech verb with a clausal complement ("X said (that) ...",
  "..., the ministry said", "X told reporters ..."), "according to X, ...",
  "as X said, ...", and accusation-like verbs with an object ("X accused Y of
  ...").  The text is the complement.

Speakers come from ``ctx.actor_for(span)`` (the actors stage resolves names,
roles and pronouns); where it has nothing, a fallback builds an ActorRef from
the named entity ("PER:<slug>"/"ORG:<slug>") and resolves pronouns and role
nouns ("he", "the minister", "the statement") to an earlier speaker.  News
convention beats the actors stage in two places: "he/she/they" right after an
attribution (same or previous sentence) is that speaker ("X said ... He added:"),
and "the official said" after "one former official said" is that official.
The subject is first mapped to whoever it stands for: "hundreds of women say"
-> women, "a statement from X said" -> X, "a spokesman said" with no "for Y"
-> the body named just before.

``benchmarks/quotes_audit.py`` measures all this on hand-judged Guardian articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import ActorRef, Quote
from ..nlp.context import doc_ents, doc_text
from .marks import QuoteSpan, quote_spans

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..nlp.context import ArticleContext

# A quotation needs this many words to be speech; 1-3 words in marks are
# scare quotes or titles (“moderates”, “Free Syrian Army”).  Calibrated on the
# seed pages: every gold direct quote of 4+ words kept, no 3-word scare quote.
MIN_DIRECT_WORDS = 4
# At most this many words between the parts of a split quotation ("Lavrov told reporters in Moscow").
SPLIT_GAP_WORDS = 8
# An indirect complement shorter than this is not a report ("he said so", "denied it");
# the same floor as direct quotes, none of the gold indirect quotes is shorter.
MIN_INDIRECT_WORDS = 4

# Lemmas of verbs that report speech.  "said"/"told"/"says" are listed too because the
# small model sometimes leaves them unlemmatised.
SPEECH_VERBS = frozenset(
    """
say tell add stress note warn insist declare emphasize emphasise explain claim accuse write tweet
announce state report confirm deny argue suggest reply respond comment remark continue conclude
acknowledge admit assert allege ask urge demand reiterate recall recount predict promise vow threaten
complain blame inform disclose reveal indicate estimate believe think consider reason contend
maintain observe point underline underscore caution testify post quote describe charge
said says told posted
""".split()
)
# Verbs that report speech with a noun object rather than a clause ("X accused Y of ...").
OBJECT_SPEECH_VERBS = frozenset("accuse blame deny confirm announce".split())
# Speech verbs only with a clause ("continued: ...", "he believes the US ...");
# "continue to fight", "respond with force" are not speech.
CLAUSE_ONLY = frozenset("continue think consider believe reason maintain observe respond".split())
# "make clear that ...", "make it clear that ..."
LIGHT_SPEECH = {"make": {"clear", "plain"}}
PRONOUNS = frozenset("he she they it we i".split())
PERSON_PRONOUNS = frozenset("he she".split())
FIRST_PERSON = frozenset("i we us me you".split())
# Heads of subject phrases that stand for an earlier speaker ("the minister said").
ROLE_NOUNS = frozenset(
    """
minister spokesman spokeswoman spokesperson prosecutor president official officer statement
ministry center centre agency army military commander general secretary ambassador envoy
analyst source report communique government department office diplomat chief leader premier
""".split()
)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PERSON_ROLES = frozenset(
    """
minister spokesman spokeswoman spokesperson prosecutor president official officer commander general
secretary ambassador envoy analyst diplomat chief leader premier
""".split()
)
# How many speakers back a definite description ("the monitor") may reach: the one
# or two named in the sentences just before (a guess; the actors stage does better).
RECENT_SPEAKERS = 2
# Title words looked at before a name; "Deputy Foreign Ministry Spokesman" is the longest
# run seen in the seed pages (4).
TITLE_WINDOW = 5
PHRASE_DEPS = ("compound", "amod", "det", "poss", "nmod", "nummod", "case")
# Say-type verbs: "..., AP reported" around "Kerry told reporters that ..." is Kerry's speech.
INNER_SAY = frozenset(
    "say tell state add explain write claim announce declare insist stress note warn".split()
)
# Common nouns that name a speaker by themselves ("police said", "officials told").
SPEAKER_NOUNS = ROLE_NOUNS | frozenset(
    """
police media official officials source sources witness witnesses resident residents activist
activists monitor monitors observer observers observatory spokesmen authorities authority
rebels militants insurgents fighters troops forces militia ministry ministries coalition
""".split()
)
# People and groups named by a common noun that speak as themselves ("critics have warned",
# "lawyers for the family said", "several people said", "her family said"): named by their
# own phrase, never taken for an earlier speaker (unlike the role nouns above).
GROUP_NOUNS = frozenset(
    """
lawyer lawyers attorney attorneys critic critics family families relative relatives parent parents
people person man men woman women child children expert experts analyst analysts diplomat diplomats
doctor doctors medic medics nurse nurses survivor survivors villager villagers refugee refugees
local locals leader leaders campaigner campaigners neighbour neighbours neighbor neighbors friend
friends lawmaker lawmakers legislator legislators senator senators mp mps investigator investigators
prosecutors judge judges organiser organisers organizer organizers protester protesters
demonstrator demonstrators worker workers staff agencies groups organisations organizations
charities charity reporter reporters journalist journalists correspondent correspondents mother father
wife husband son daughter brother sister colleague colleagues inspectors mediators negotiators
ministers officers soldiers commanders governments members member supporters opponents voters
students teachers victims detainees prisoners relief envoys diplomats scientists researchers
colonel captain major lieutenant sergeant soldier fighter mayor governor priest imam sheikh cleric
farmer driver teacher student shopkeeper engineer pilot professor researcher scientist
economist historian""".split()
)
# Subjects that only count something ("hundreds of women say ..."): the speaker is what is counted.
QUANTITY_NOUNS = frozenset(
    "one hundreds thousands dozens scores millions tens many some most several majority".split()
)
# Documents that speak for whoever issued them ("a statement from the law firm said").
DOCUMENT_NOUNS = frozenset(
    "statement statements letter report communique message document release tweet post video flyer "
    "leaflet sign banner placard poster note graffiti inscription".split()
)
# Bare "a spokesman said": the body named in the sentence before speaks through him.
SPOKES_NOUNS = frozenset("spokesman spokeswoman spokesperson".split())
# Speech verbs whose passive subject is the hearer ("were told", "was warned").
HEARER_VERBS = frozenset("tell told ask urge inform warn remind advise".split())
RELATIVE_PRONOUNS = frozenset("who which that".split())
# Nouns of speech whose possessor is the speaker ("Lavrov's comments: ...").
SPEECH_NOUNS = frozenset(
    "comment comments words remark remarks statement statements message reply answer".split()
)
ENT_KINDS = {"PERSON": "person", "ORG": "other", "GPE": "state", "NORP": "other", "FAC": "other"}


def _slug(text: str) -> str:
    s = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return s or "unknown"


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


@dataclass
class _Speaker:
    ref: ActorRef
    full: str  # the whole subject phrase, titles included ("Russian Foreign Minister Sergey Lavrov")
    at: int  # character offset of the subject
    head: str = ""  # lemma of the subject's head noun ("official" for "one former official")
    plural: bool = False  # a plural subject ("the lawyers"), which "they" can stand for


@dataclass
class _State:
    doc: Doc
    ctx: ArticleContext
    spans: list[QuoteSpan]
    speakers: list[_Speaker] = field(default_factory=list)


def _is_speech_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS:
        if lemma == "point":
            return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
        if lemma in CLAUSE_ONLY:
            # Only with a clause: "continued: ..." / "he believes the US ..." (not "continue to fight").
            return any(c.dep_ == "ccomp" for c in tok.children) or _clause_is_quote(tok)
        return True
    if lemma in LIGHT_SPEECH:
        return any(
            c.dep_ in ("ccomp", "acomp", "oprd", "dobj") and c.lower_ in LIGHT_SPEECH[lemma]
            for c in tok.children
        )
    return False


def _clause_is_quote(tok: Token) -> bool:
    return any(c.dep_ == "punct" and c.text in ":" for c in tok.children)


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb, climbing through "adding that", "as saying"."""
    tok = verb
    for _ in range(4):
        for c in tok.children:
            if c.dep_ == "nsubjpass" and tok.lemma_.lower() in HEARER_VERBS:
                continue  # "researchers were told not to travel": the hearers, not the speaker
            if c.dep_ in SUBJECT_DEPS and c.pos_ != "SCONJ":
                if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    return tok.head  # "Lavrov, who stated that ..."
                if c.pos_ == "NOUN":
                    # "killing four civilians, the Syrian Observatory said": a named
                    # apposition is the speaker the parser attached to the wrong noun.
                    for a in c.children:
                        if a.dep_ == "appos" and a.ent_type_ in ("ORG", "PERSON"):
                            return a
                return c
        # Passive "was quoted as saying": the agent
        for c in tok.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if tok.dep_ == "acl" and tok.head is not tok and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            if noun.lemma_.lower() in DOCUMENT_NOUNS or noun.lower_ in DOCUMENT_NOUNS:
                if noun.dep_ == "dobj" and noun.head is not noun:
                    tok = noun.head  # "X issued a statement saying ...": whoever issued it
                    continue
            elif tok.tag_ == "VBG" and (noun.dep_ not in ("pobj", "dobj") or noun.pos_ == "PROPN"):
                # "Robinson, who is from Accrington, travelled to Syria, telling his family
                # he had gone ...": the noun the participle hangs on speaks.  Only an active
                # participle: "a soldier accused of ..." is accused, not accusing.
                return noun
        if (
            tok.dep_ == "conj"
            and _is_speech_verb(tok)
            and tok.head.dep_ == "ccomp"
            and not _is_speech_verb(tok.head)
            and _is_speech_verb(tok.head.head)
        ):
            # "His parents deny their son went to Syria and have said he ...": a second
            # report the parser hung on the reported clause belongs to the reporter.
            tok = tok.head.head
            continue
        # Climb from "adding that ...", "as saying ...", not from "as X has written".
        marked = any(c.dep_ == "mark" for c in tok.children)
        if (
            tok.dep_ in ("xcomp", "conj", "pcomp", "prep", "acl") or (tok.dep_ == "advcl" and not marked)
        ) and tok.head is not tok:
            tok = tok.head
            continue
        # "the prosecutor, declining to ..." / relative clause "Lavrov, who stated that"
        if tok.dep_ == "relcl":
            return tok.head
        break
    # A misparsed clause ("As our writer Afra'a Dagher - who is ... - has written, ..."):
    # the first person or organisation named before the verb in its own clause.
    for ent in verb.doc[verb.left_edge.i : verb.i].ents:
        if ent.label_ in ("PERSON", "ORG"):
            return ent.root
    return None


def _phrase(tok: Token) -> Span:
    """The name phrase of a subject token: its left modifiers, the token and flat names."""
    doc = tok.doc
    left = tok.i
    for c in sorted(tok.lefts, key=lambda t: -t.i):
        if c.right_edge.i != left - 1:
            break
        if c.dep_ in PHRASE_DEPS or (c.dep_ == "punct" and c.text in "-[]()"):
            left = c.left_edge.i
        else:
            break
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "appos") and c.i == right + 1 and c.pos_ == "PROPN":
            right = c.i
    return doc[left : right + 1]


def _fallback_ref(state: _State, subj: Token) -> tuple[ActorRef | None, str]:
    """An ActorRef for a subject the actors stage left unresolved."""
    doc = state.doc
    phrase = _phrase(subj)
    full = phrase.text
    low = subj.lower_
    if subj.pos_ == "PRON" or low in PRONOUNS:
        if low in PERSON_PRONOUNS:
            for sp in reversed(state.speakers):
                if sp.ref.kind == "person":
                    return sp.ref, sp.full
            for ent in reversed(
                [e for e in doc_ents(doc) if e.end_char <= subj.idx and e.label_ == "PERSON"]
            ):
                return _ent_ref(ent), ent.text
        # "it", "they", "we", "I": too ambiguous without the actors stage.
        return None, full
    # A named entity that holds the subject's head.
    ents = [e for e in doc_ents(doc) if e.start <= subj.i < e.end and e.label_ in ENT_KINDS]
    if ents:
        return _ent_ref(ents[0]), full
    head = subj.lemma_.lower()
    # A role noun standing for a named actor ("the minister" -> "Foreign Minister Sergey Lavrov").
    if (
        subj.pos_ != "PROPN"
        and not _plural_common(subj)  # "the officials" are not one titled person
        and (head in ROLE_NOUNS or subj.lower_ in ROLE_NOUNS)
        and _bare(phrase)
    ):
        named = _titled_entity(doc, subj, head)
        if named is not None:
            return named
        if head in ("statement", "report", "communique") and state.speakers:
            sp = state.speakers[-1]
            return sp.ref, sp.full
    # "the Britain-based monitor said" after "the Syrian Observatory said": a definite
    # description of a speaker just named, of the same sort (a person or a body).
    if (
        subj.pos_ == "NOUN"
        and not _plural_common(subj)  # "the officials" are not one earlier speaker
        and (head in SPEAKER_NOUNS or subj.lower_ in SPEAKER_NOUNS)
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children)
        and not _names_itself(phrase)
    ):
        want_person = head in PERSON_ROLES
        for sp in reversed(state.speakers[-RECENT_SPEAKERS:]):
            if (sp.ref.kind == "person") == want_person:
                return sp.ref, sp.full
    # "The Foreign Office would not comment. A spokesman said: ..." -> the body just named.
    if subj.lower_ in SPOKES_NOUNS and _bare(phrase) and not any(c.dep_ == "prep" for c in subj.children):
        body = _body_before(state, subj)
        if body is not None:
            return body, full
    # Otherwise the phrase itself names the speaker ("police", "the Saudi Public Prosecutor").
    # Any other noun that says or tells something is someone when it is introduced as one
    # ("said a driver", "one nurse told us"); "the author added" is the person who spoke
    # just before; "history warns", "the title says", "no symbol says" are no speakers.
    says = False
    if subj.pos_ == "NOUN" and subj.dep_ in SUBJECT_DEPS and subj.head.lemma_.lower() in INNER_SAY:
        dets = {c.lower_ for c in subj.children if c.dep_ in ("det", "nummod")}
        if dets & {"the", "this"} and not _plural_common(subj) and state.speakers:
            last = state.speakers[-1]
            if (
                last.ref.kind == "person"
                and last.at < subj.idx
                and _same_or_next_paragraph(doc_text(state.doc), last.at, subj.idx)
                and subj.lower_ not in GROUP_NOUNS  # "the driver said" is someone new
            ):
                return last.ref, last.full
        says = bool(dets & {"a", "an", "one", "another"}) or any(c.dep_ == "nummod" for c in subj.children)
    if subj.pos_ == "PROPN" or (
        subj.pos_ == "NOUN"
        and (head in SPEAKER_NOUNS or subj.lower_ in SPEAKER_NOUNS or subj.lower_ in GROUP_NOUNS or says)
    ):
        # ("whose traders said": the relative word is no part of the name)
        name = re.sub(r"^(?:the|a|an|The|A|An|whose|Whose)\s+", "", full).strip()
        if name:
            kind = "person" if subj.ent_type_ == "PERSON" else "other"
            prefix = "PER" if kind == "person" else "ORG"
            return ActorRef(
                id=f"{prefix}:{_slug(name)}",
                name=name,
                kind=kind,
                mention=full,
                start=phrase.start_char,
                end=phrase.end_char,
            ), full
    return None, full


def _body_before(state: _State, subj: Token) -> ActorRef | None:
    """The last body (not a person) named from the sentence before up to subj."""
    lo = _sentence_before_start(subj)
    best: ActorRef | None = None
    for a in state.ctx.actors:
        if a.start is None or a.kind == "person" or not (lo <= a.start < subj.idx):
            continue
        if best is None or (best.start is not None and a.start > best.start):
            best = a
    if best is not None:
        return best
    ents = [
        e for e in doc_ents(state.doc) if e.label_ == "ORG" and lo <= e.start_char and e.end_char <= subj.idx
    ]
    return _ent_ref(ents[-1]) if ents else None


def _names_itself(phrase: Span) -> bool:
    """Whether a description carries a name ("the Russian foreign ministry"), not only a
    locator ("the Britain-based monitor", "the US-led coalition")."""
    doc = phrase.doc
    for t in phrase:
        if t.dep_ == "det" or not t.text[:1].isupper():
            continue
        nxt = doc[t.i + 1 : t.i + 3]
        if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in ("based", "led", "backed", "born"):
            continue
        return True
    return False


def _bare(phrase: Span) -> bool:
    """A phrase of a determiner and a noun ("the minister"), nothing that names anyone."""
    return all(t.pos_ in ("DET", "NOUN", "ADJ") for t in phrase) and not any(t.ent_type_ for t in phrase)


def _title_before(doc: Doc, ent: Span) -> list[Token]:
    """The title words right before a name ("Foreign Minister" in "Foreign Minister Sergey Lavrov")."""
    out: list[Token] = []
    k = ent.start - 1
    while k >= max(ent.start - TITLE_WINDOW, ent.sent.start):
        t = doc[k]
        if t.pos_ not in ("PROPN", "NOUN", "ADJ") or (t.ent_type_ == "PERSON" and t.ent_iob_ != "O"):
            break
        out.append(t)
        k -= 1
    return out


def _titled_entity(doc: Doc, subj: Token, role: str) -> tuple[ActorRef, str] | None:
    """The named actor whose title holds the role noun, nearest before, else nearest after."""
    best: tuple[int, Span, str] | None = None
    for ent in doc_ents(doc):
        if ent.label_ not in ("PERSON", "ORG") or ent.start <= subj.i < ent.end:
            continue
        titled = _phrase(ent.root)
        # The title is right before the name or in an apposition after it.
        near = list(titled) + _title_before(doc, ent)
        # "Colonel John Dorrian, the spokesman for ...": the apposition's head noun.
        near += [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
        own = _phrase(subj)
        words = {w for t in near if not (own.start <= t.i < own.end) for w in (t.lemma_.lower(), t.lower_)}
        if role not in words:
            continue
        # Before the subject ranks first (distance), after it only when nothing came before.
        dist = subj.i - ent.end if ent.end <= subj.i else 10**6 + ent.start - subj.i
        if best is None or dist < best[0]:
            best = (dist, ent, titled.text)
    if best is None:
        return None
    return _ent_ref(best[1]), best[2]


def _ent_ref(ent: Span) -> ActorRef:
    kind = ENT_KINDS.get(ent.label_, "other")
    prefix = "PER" if kind == "person" else "ORG"
    name = re.sub(r"^(?:the|The)\s+", "", ent.text)
    name = re.sub(r"[’']s$", "", name)
    return ActorRef(
        id=f"{prefix}:{_slug(name)}",
        name=name,
        kind=kind,
        mention=ent.text,
        start=ent.start_char,
        end=ent.end_char,
    )


def _plural_common(tok: Token) -> bool:
    """A plural common noun ("officials"); not a name the tagger took for one ("Renas")."""
    return tok.tag_ == "NNS" and tok.text[:1].islower() and tok.ent_type_ != "PERSON"


def _speaking_token(subj: Token) -> Token:
    """The word that names who speaks, when the subject only leads to it.

    "Current and former US officials said" (the parser heads the subject on the
    adjective) -> officials; "hundreds of women say" -> women; "a statement from
    the law firm said" / "the firm's statement said" -> the firm.
    """
    low = subj.lower_
    whose = [c for c in subj.children if c.dep_ == "poss" and c.lower_ == "whose"]
    if whose:
        # "China, whose foreign ministry spokesman said ...": China (the parser may not
        # make a relative clause of it; then the noun right before "whose").
        if subj.head.dep_ == "relcl" and subj.head.head.pos_ in ("NOUN", "PROPN"):
            return subj.head.head
        k = whose[0].i - 1
        while k >= 0 and subj.doc[k].is_punct:
            k -= 1
        if k >= 0 and subj.doc[k].pos_ in ("NOUN", "PROPN"):
            return subj.doc[k]
    if subj.pos_ == "ADJ":
        for c in subj.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                return c
    if low in QUANTITY_NOUNS or subj.lemma_.lower() in QUANTITY_NOUNS:
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
                        return o
    if low in SPOKES_NOUNS:
        # "a spokesman for the Pentagon said": the body he speaks for.
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
                        return o
    if low in DOCUMENT_NOUNS or subj.lemma_.lower() in DOCUMENT_NOUNS:
        for c in subj.children:
            if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"):
                return c
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
                        return o
    return subj


def _sentence_before_start(tok: Token) -> int:
    """Character offset where the sentence before tok's sentence starts (tok's own if first)."""
    sent = tok.sent
    if sent.start == 0:
        return sent.start_char
    return tok.doc[sent.start - 1].sent.start_char


def _recent_speaker(state: _State, subj: Token) -> _Speaker | None:
    """The speaker a pronoun or a definite role noun continues, by news convention.

    "Ben Keith said ... He added: “...”" and "the lawyers said ... “...,” they said":
    a he/she/they subject right after an attribution (same or previous sentence)
    is that speaker, whatever else the sentence mentions.  "One former official
    said ... “...,” the official said": a bare "the <noun>" with the head noun of
    one of the last speakers is that speaker.
    """
    if not state.speakers:
        return None
    last = state.speakers[-1]
    if last.at >= subj.idx:
        return None
    low = subj.lower_
    if low in PERSON_PRONOUNS or low == "they":
        if last.at < _sentence_before_start(subj):
            return None
        if low == "they":
            return last if last.plural else None
        return last if last.ref.kind == "person" and not last.plural else None
    if (
        subj.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        and _bare(_phrase(subj))
    ):
        lemma = subj.lemma_.lower()
        for sp in reversed(state.speakers[-RECENT_SPEAKERS:]):
            if sp.head == lemma and sp.at < subj.idx:
                return sp
        # "A source close to the talks said ... The official denied ...": a person role
        # right after an unnamed single speaker (a source, an official) is that speaker.
        if (
            lemma in PERSON_ROLES
            and last.head in SPEAKER_NOUNS
            and last.ref.id.startswith(("ORG:", "PER:"))
            and not last.plural
            and last.at >= _sentence_before_start(subj)
        ):
            return last
    return None


def _speaker_for(state: _State, subj: Token) -> ActorRef | None:
    subj = _speaking_token(subj)
    phrase = _phrase(subj)
    ref = None
    recent = _recent_speaker(state, subj)
    if recent is not None:
        ref = recent.ref
    elif state.ctx.actors:
        # The actor on the head word ("Lavrov" in "Russian Foreign Minister Lavrov"); one on a
        # modifier only ("Britain" in "the Britain-based monitor") is not the speaker.
        ref = state.ctx.actor_at(subj.idx, subj.idx + len(subj))
        if ref is not None and not _trust_pronoun(subj, ref):
            return None
        if ref is not None and ref.kind == "person" and _plural_common(subj):
            ref = None  # "the officials" are not one person named earlier
    full = phrase.text
    if ref is None:
        ref, full = _fallback_ref(state, subj)
    if ref is not None:
        plural = (
            _plural_common(subj)
            or (subj.tag_ == "NNPS" and subj.ent_type_ != "PERSON")
            or any(c.dep_ == "conj" for c in subj.children)
        )
        if recent is not None:
            full, plural = recent.full, recent.plural
        state.speakers.append(_Speaker(ref, full, subj.idx, subj.lemma_.lower(), plural))
    return ref


def _trust_pronoun(subj: Token, ref: ActorRef) -> bool:
    """Whether to take the actors stage's antecedent for a pronoun subject.

    "we"/"I" outside speech marks are the author, or a speaker whose quotation
    runs on without marks; "it"/"they" are kept only when resolved to a known
    canonical actor that speaks as a body (a ministry, an army, a group), not
    to a bare name guessed from the text or a country.
    """
    low = subj.lower_
    if low in FIRST_PERSON:
        return False
    if low in ("it", "they"):
        return ":" not in ref.id and ref.kind != "state"
    return True


def _in_quote(state: _State, start: int, end: int) -> QuoteSpan | None:
    for q in state.spans:
        if q.start - 1 <= start and end <= q.end + 1:
            return q
    return None


def _subtree_chars(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, commas, colons and unpaired marks off a character range."""
    text = doc_text(doc)
    junk = " \t\n,;:\u2013\u2014-"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    # A conjunction left dangling where a coordinated report was cut off ("... to fight and").
    m = re.search(r"[\s,]+(?:and|but|or)$", text[start:end])
    if m:
        end = start + m.start()
    # Leading "that" of a complement clause.
    m = re.match(r"that\s+", text[start:end])
    if m:
        start += m.end()
    return start, end


def _asked(tok: Token) -> bool:
    """A passive "asked" ("when asked about X", "asked whether ..."): the reporter's question."""
    if tok.lemma_.lower() != "ask" or tok.tag_ != "VBN":
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
    return passive or not perfect  # "had asked" is the subject asking


def _verbs_in(sent: Span, state: _State) -> list[Token]:
    return [
        t
        for t in sent
        if _is_speech_verb(t)
        and not _asked(t)
        and not _quoted_by(t)
        and _in_quote(state, t.idx, t.idx + len(t)) is None
    ]


def _quoted_by(tok: Token) -> bool:
    """ "one of the officials quoted by AP said": the quoting outlet does not speak."""
    return tok.lemma_.lower() == "quote" and tok.tag_ == "VBN" and tok.dep_ == "acl"


def _same_or_next_paragraph(text: str, a: int, b: int) -> bool:
    return text[a:b].count("\n") <= 2 and (b - a) < 600


def _verb_for_quote(state: _State, qs: QuoteSpan) -> Token | None:
    """The speech verb that introduces a quotation."""
    doc = state.doc
    first = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    sents = []
    for s in doc.sents:
        if s.end_char > qs.start - 1 and s.start_char < qs.end + 1:
            sents.append(s)
    if not sents:
        return None
    verbs: list[Token] = []
    for s in sents:
        verbs.extend(_verbs_in(s, state))
    # Also "according to X" around the quotation.
    for s in sents:
        for t in s:
            if (
                t.lower_ == "according"
                and any(c.lower_ == "to" for c in t.children)
                and _in_quote(state, t.idx, t.idx + 1) is None
            ):
                verbs.append(t)
    # 1. The innermost verb whose subtree holds the quotation.
    holding = [v for v in verbs if _holds(v, qs)]
    if holding:
        return min(
            holding, key=lambda v: (len(list((v.head if v.lower_ == "according" else v).subtree)), v.i)
        )
    # 2. The nearest verb outside the marks in the same sentences.
    if verbs:
        return min(verbs, key=lambda v: min(abs(v.idx - qs.end), abs(v.idx - qs.start)))
    # 3. The sentence after (“...” \n He said.) or before ("He said:"), in the same paragraph.
    text = doc_text(doc)
    all_sents = list(doc.sents)
    idx = [i for i, s in enumerate(all_sents) if s.start_char == sents[0].start_char][0]
    last = idx + len(sents) - 1
    for j in (last + 1, idx - 1):
        if 0 <= j < len(all_sents):
            s = all_sents[j]
            between = (
                text[qs.end : s.start_char]
                if j > last
                else text[s.start_char + len(s.text.rstrip()) : qs.start]
            )
            if "\n" in between:
                continue  # another paragraph
            vs = _verbs_in(s, state)
            if j > last:
                # The sentence after speaks for the quotation only as a bare attribution
                # ("He said.", "Lavrov told reporters on Friday."); one with words of its
                # own ("Officials disputed the readout, saying ...") starts a new report.
                vs = [v for v in vs if _bare_attribution(v, state)]
            if j < idx:
                # The sentence before must lead into the quotation ("Lavrov said:").
                vs = [
                    v
                    for v in vs
                    if not any(c.dep_ == "ccomp" for c in v.children) or s.text.rstrip().endswith(":")
                ]
            if vs:
                return vs[0] if j > last else vs[-1]
    return None


def _bare_attribution(verb: Token, state: _State) -> bool:
    """A speech verb that reports nothing of its own outside the marks: no clause (but a
    quotation: "“...” “...,” she says."), no object but the hearer."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "csubj", "parataxis"):
            if c.dep_ == "ccomp" and _in_quote(state, c.idx, c.idx + len(c)) is not None:
                continue
            return False
        if c.dep_ == "dobj" and verb.lemma_.lower() != "tell":
            return False
    if verb.dep_ in ("conj", "advcl", "xcomp", "acl", "relcl", "ccomp"):
        return False  # "..., saying it did not ...", "who asked not to be named"
    return True


def _colon_lead(state: _State, qs: QuoteSpan) -> Token | None:
    """The speaker named in a clause that ends with a colon just before a quotation.

    "Lavrov's comments could not be clearer: “...”" -> Lavrov;
    "the warning was repeated by Putin himself: “...”" -> Putin.
    """
    doc = state.doc
    text = doc_text(doc)
    k = qs.start - 2  # skip the opening mark
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    lead = doc[sent.start : colon[0].i]
    if len(lead) == 0:
        return None
    verbs = _verbs_in(lead, state)
    if verbs:  # "Lavrov said:"
        subj = _subject(verbs[-1])
        if subj is not None:
            return subj
    root = lead.root
    for c in root.children:
        if c.dep_ in SUBJECT_DEPS:
            if c.lemma_.lower() in SPEECH_NOUNS or c.lower_ in SPEECH_NOUNS:
                for p in c.children:
                    if p.dep_ == "poss":
                        return p
            if c.lemma_.lower() in DOCUMENT_NOUNS and not any(p.dep_ == "poss" for p in c.children):
                # "A flyer distributed to the families read: “...”": the flyer's words,
                # not the last speaker's (it stays unattributed unless it names its author).
                return c
    people = [e for e in lead.ents if e.label_ in ("PERSON", "ORG")]
    if people:
        return people[-1].root
    for c in root.children:
        if c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN":
            return c
    return None


def _holds(verb: Token, qs: QuoteSpan) -> bool:
    if verb.lower_ == "according":
        head = verb.head
        lo, hi = _subtree_chars(head)
        return lo <= qs.start and qs.end <= hi
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            continue
        lo, hi = _subtree_chars(c)
        if lo <= qs.start + 1 and qs.end - 1 <= hi:
            return True
    return False


def _according_object(tok: Token) -> Token | None:
    for to in tok.children:
        if to.lower_ == "to":
            for o in to.children:
                if o.dep_ == "pobj":
                    return o
    return None


@dataclass
class _Candidate:
    """A quotation found but not yet attributed; ``at`` orders attribution."""

    kind: str
    start: int
    end: int
    at: int
    subj: Token | None


def _indirect(state: _State) -> list[_Candidate]:
    doc = state.doc
    text = doc_text(doc)
    out: list[_Candidate] = []
    speech = _speech_spans(state)
    for tok in doc:
        if _in_quote(state, tok.idx, tok.idx + len(tok)) is not None:
            continue
        rng: tuple[int, int] | None = None
        subj: Token | None = None
        if tok.lower_ == "according" and tok.dep_ in ("prep", "advcl", "advmod"):
            subj = _according_object(tok)
            rng = _minus(tok.head, tok)
        elif _is_speech_verb(tok) and not _asked(tok):
            # ("Asked whether the truce would hold, Lavrov said ...": the question is not his;
            # nor is it part of his words in "he said when asked about X: ...".)
            comps = [c for c in tok.children if c.dep_ == "ccomp" and not _asked(c)]
            if tok.lemma_ == "make":
                # "made (it) clear that ...": the clause hangs from "clear".
                comps = [
                    g
                    for c in tok.children
                    if c.lower_ in LIGHT_SPEECH["make"]
                    for g in c.children
                    if g.dep_ == "ccomp"
                    or (
                        g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
                    )
                ] or [c for c in comps if c.lower_ not in LIGHT_SPEECH["make"]]
            # A report of a report ("..., AP reported" around "Kerry told journalists that ...")
            # is left to the inner speech verb.
            if (
                len(comps) == 1
                and comps[0].lemma_ in INNER_SAY
                and any(c.dep_ in SUBJECT_DEPS for c in comps[0].children)
            ):
                continue
            if any(
                q.start <= c.idx < q.end and ":" in text[_subtree_chars(c)[0] : q.start]
                for c in comps
                for q in speech
            ):
                # The reported clause is a quotation's own verb ("he said when asked
                # about X: “At the time, I thought ...”"): the direct record carries it.
                continue
            if comps:
                lo = min(_subtree_chars(c)[0] for c in comps)
                hi = max(_subtree_chars(c)[1] for c in comps)
                # "Critics warned the decision to suspend X could put Y at risk": the parser
                # took the clause's subject for the verb's object; a subjectless clause
                # right after an object gets it back.
                first = min(comps, key=lambda c: c.i)
                objs = [c for c in tok.children if c.dep_ == "dobj" and c.i < first.i]
                if objs and not any(g.dep_ in SUBJECT_DEPS for g in first.children) and tok.lemma_ != "tell":
                    lo = min(lo, objs[0].left_edge.idx)
                rng = (lo, hi)
            elif tok.dep_ == "parataxis":
                # "A, the prosecutor said, B": all of it; an attribution that closes the
                # sentence ("A, an official said, speaking on condition of anonymity")
                # is cut off with whatever hangs on it.
                lo, hi = _subtree_chars(tok.head)
                tlo, thi = _subtree_chars(tok)
                rng = (lo, tlo) if thi >= hi and tlo > lo else (lo, hi)
            elif (
                tok.dep_ != "ROOT"
                and tok.head is not tok
                and (
                    tok.left_edge.lower_ == "as"
                    or any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
                )
            ):
                rng = _minus(tok.head, tok)  # "as Lavrov explains, the US has ..."
            elif tok.lemma_ in OBJECT_SPEECH_VERBS and any(c.dep_ == "dobj" for c in tok.children):
                after = [c for c in tok.rights if c.dep_ not in ("punct", "cc", "conj", "advcl")]
                if after:
                    rng = (after[0].left_edge.idx, _subtree_chars(after[-1])[1])
            if rng is not None:
                subj = _subject(tok)
        if rng is None or subj is None:
            continue
        start, end = _trim(doc, *rng)
        if _words(text[start:end]) < MIN_INDIRECT_WORDS:
            continue
        # Mostly a direct quotation: the direct record carries it.
        covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in speech)
        if covered >= 0.6 * (end - start):
            continue
        out.append(_Candidate("indirect", start, end, subj.idx, subj))
    return out


def _speech_spans(state: _State) -> list[QuoteSpan]:
    """Quotations long enough to be speech.

    Parts of a quotation split around its attribution (“We warned them,” he said,
    “and they did not listen.”) count together against :data:`MIN_DIRECT_WORDS`.
    """
    text = doc_text(state.doc)
    spans = state.spans
    keep: list[QuoteSpan] = []
    group: list[QuoteSpan] = []

    def flush() -> None:
        if group and sum(_words(q.text(text)) for q in group) >= MIN_DIRECT_WORDS:
            keep.extend(group)
        group.clear()

    for qs in spans:
        if group:
            prev = group[-1]
            gap = text[prev.end : qs.start]
            split = (
                text[prev.end - 1 : prev.end] == ","
                and _words(gap) <= SPLIT_GAP_WORDS
                and "\n" not in gap
                and "." not in gap
            )
            if not split:
                flush()
        group.append(qs)
    flush()
    return keep


def _direct(state: _State) -> list[_Candidate]:
    text = doc_text(state.doc)
    out: list[_Candidate] = []
    for qs in _speech_spans(state):
        start, end = qs.start, qs.end
        while end > start and text[end - 1] in ",":
            end -= 1
        lead = _colon_lead(state, qs)
        if lead is not None:
            out.append(_Candidate("direct", start, end, lead.idx, lead))
            continue
        verb = _verb_for_quote(state, qs)
        if verb is None:
            out.append(_Candidate("direct", start, end, start, None))
            continue
        subj = _subject(verb) if verb.lower_ != "according" else _according_object(verb)
        if subj is not None and _in_quote(state, subj.idx, subj.idx + len(subj)) is not None:
            # A "subject" inside the marks ("“..., all of them,” she recounts") is the
            # parser's slip: the verb's subject outside the marks speaks, else the name
            # next to the verb ("“... [the stronghold] Raqqa,” Phillips, now at X, said").
            outside = [
                c
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS and _in_quote(state, c.idx, c.idx + len(c)) is None
            ]
            subj = outside[0] if outside else _name_outside(state, verb, qs)
        if subj is None:
            continue
        out.append(_Candidate("direct", start, end, min(subj.idx, start), subj))
    return out


def _name_outside(state: _State, verb: Token, qs: QuoteSpan) -> Token | None:
    """The person or organisation named outside the marks for a quotation's verb: the first
    one between the closing mark and the verb ("“...,” Phillips, now at Columbia, said"),
    else the one nearest the verb in its sentence."""
    names = [
        e
        for e in verb.sent.ents
        if e.label_ in ("PERSON", "ORG") and _in_quote(state, e.start_char, e.end_char) is None
    ]
    between = [e for e in names if qs.end <= e.start_char and e.end <= verb.i]
    if between:
        return between[0].root
    if not names:
        return None
    return min(names, key=lambda e: min(abs(e.start - verb.i), abs(e.end - 1 - verb.i))).root


def _minus(head: Token, cut: Token) -> tuple[int, int]:
    """The characters of head's subtree without the attribution phrases at its edges.

    The cut phrase ("as Lavrov explains", "according to X") and any other
    "according to" phrase of the same clause are removed where they sit at
    the start or the end of the clause.
    """
    lo, hi = _subtree_chars(head)
    cuts = sorted(
        [_subtree_chars(c) for c in head.children if c.lower_ == "according"] + [_subtree_chars(cut)]
    )
    for clo, chi in cuts:
        if clo - lo <= hi - chi:
            lo = max(lo, chi)
        else:
            hi = min(hi, clo)
    return lo, hi


def find_quotes(doc: Doc, ctx: ArticleContext) -> list[Quote]:
    """Direct and indirect quotations of an article, in text order, speakers resolved."""
    if not doc.has_annotation("DEP"):
        raise ValueError("find_quotes needs a dependency parse: run a spaCy pipeline with a parser")
    state = _State(doc=doc, ctx=ctx, spans=quote_spans(doc_text(doc)))
    cands = _direct(state) + _indirect(state)
    # Attribute in text order so that "he said" and "the minister said" fall back on
    # speakers named earlier, never later.
    out: list[Quote] = []
    last_direct: Quote | None = None
    for c in sorted(cands, key=lambda c: (c.at, c.start)):
        if c.subj is not None:
            speaker = _speaker_for(state, c.subj)
        elif (
            last_direct is not None
            and last_direct.speaker is not None
            and _same_or_next_paragraph(doc_text(doc), last_direct.end, c.start)
        ):
            # A quotation with no cue of its own continues the previous speaker's.
            speaker = last_direct.speaker
        else:
            continue
        if speaker is None:
            continue
        q = Quote(speaker=speaker, text=doc_text(doc)[c.start : c.end], kind=c.kind, start=c.start, end=c.end)
        out.append(q)
        if c.kind == "direct":
            last_direct = q
    return _dedupe(sorted(out, key=lambda q: (q.start, q.end)))


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop a quote whose span repeats another or sits inside one of the same speaker."""
    kept: list[Quote] = []
    for q in quotes:
        dup = False
        for k in kept:
            same_span = (k.start, k.end) == (q.start, q.end)
            same_speaker = k.speaker is not None and q.speaker is not None and k.speaker.id == q.speaker.id
            inside = (k.start <= q.start and q.end <= k.end) or (q.start <= k.start and k.end <= q.end)
            if same_span or (inside and same_speaker):
                dup = True
                break
        if not dup:
            kept.append(q)
    return kept
