"""find_quotes: direct and indirect speech with speakers, on parsed sentences."""

from __future__ import annotations

import pytest

from ceasefire.models import ActorRef
from ceasefire.nlp.context import ArticleContext
from ceasefire.quotes import find_quotes

# (text, [(fragment of the quote, kind, speaker name)]) -- every quote found must be listed.
CASES = [
    # Multi-sentence direct quote, pronoun speaker resolved to the person named before.
    (
        "Sergey Lavrov spoke in Moscow on Friday. “It is important to provide humanitarian access. "
        "But terrorism is our common threat,” he said.",
        [("terrorism is our common threat", "direct", "Sergey Lavrov")],
    ),
    # Split around the attribution: two quotes, one speaker.
    (
        "“We warned them,” Lavrov said, “and they did not listen to us at all.”",
        [("We warned them", "direct", "Lavrov"), ("they did not listen to us", "direct", "Lavrov")],
    ),
    # Inverted attribution.
    (
        "“The truce has failed completely,” said Lavrov.",
        [("The truce has failed completely", "direct", "Lavrov")],
    ),
    # Pronoun speaker in the next sentence.
    (
        "Mark Toner spoke to reporters in Washington. “We need to distinguish between these groups,” he said.",
        [("We need to distinguish between these groups", "direct", "Mark Toner")],
    ),
    # Attribution before the quote.
    (
        "Kerry told reporters: “We will try to strengthen the enforcement of this cessation.”",
        [("strengthen the enforcement", "direct", "Kerry")],
    ),
    # Colon lead-in without a speech verb.
    (
        "Lavrov’s comments could not be clearer: “We warned the Americans about this in advance.”",
        [("We warned the Americans", "direct", "Lavrov")],
    ),
    # According to.
    (
        "According to the Syrian Observatory for Human Rights, at least 20 civilians were killed in the strikes.",
        [("at least 20 civilians were killed", "indirect", "Syrian Observatory for Human Rights")],
    ),
    # Indirect with "that" and without it.
    (
        "Lavrov said that the US had asked Moscow not to strike al-Nusra Front positions.",
        [("the US had asked Moscow not to strike", "indirect", "Lavrov")],
    ),
    (
        "Colonel John Dorrian confirmed the raid had taken place in eastern Syria.",
        [("the raid had taken place", "indirect", "John Dorrian")],
    ),
    # Attribution after the reported clause.
    (
        "At least 207 people were killed in the blasts, Reuters reported, citing police.",
        [("At least 207 people were killed", "indirect", "Reuters")],
    ),
    # "as X said, ..."
    (
        "As Putin said in his speech, these people are cruel but they are not dumb.",
        [("these people are cruel but they are not dumb", "indirect", "Putin")],
    ),
    (
        "As our correspondent Jane Doe – who lives in Damascus – has written, the fighters change "
        "their names every few months.",
        [("the fighters change their names", "indirect", "Jane Doe")],
    ),
    # An attribution in the middle of the reported clause; short marked words stay inside it.
    (
        "As for the crown prince, the prosecutor said had “no knowledge” of the mission.",
        [("“no knowledge” of the mission", "indirect", "prosecutor")],
    ),
    # A role noun resolved to the titled name before it.
    (
        "Russian Foreign Minister Sergey Lavrov met Kerry in Geneva. "
        "The minister also stressed that opposition groups should leave terrorist positions.",
        [("opposition groups should leave terrorist positions", "indirect", "Sergey Lavrov")],
    ),
    # A report of a report is the inner speaker's.
    (
        "Kerry told journalists that he had discussed the violence in Syria with Lavrov, AP reported.",
        [("he had discussed the violence in Syria", "indirect", "Kerry")],
    ),
    # A named apposition the parser hung on the wrong noun; a definite description
    # ("the Britain-based monitor") of the speaker just named.
    (
        "Government forces shelled the town overnight, killing at least four civilians, "
        "the Syrian Observatory for Human Rights said. The Britain-based monitor said artillery fire "
        "hit a market and two homes.",
        [
            ("Government forces shelled the town", "indirect", "Syrian Observatory for Human Rights"),
            ("artillery fire hit a market", "indirect", "Syrian Observatory for Human Rights"),
        ],
    ),
    # "respond" is speech only with a clause; the marked words belong to Akar's statement.
    (
        "Turkish Defence Minister Hulusi Akar said Ankara would respond “in the strongest terms” "
        "to any attack on its posts.",
        [("Ankara would respond", "indirect", "Hulusi Akar")],
    ),
    # The reporter's question is not the speaker's words.
    (
        "Asked whether the truce would hold, Lavrov said: “It depends on the Americans and their allies.”",
        [("It depends on the Americans", "direct", "Lavrov")],
    ),
    (
        "The Pentagon accused Russia of violating the ceasefire agreement in Syria.",
        [("Russia of violating the ceasefire", "indirect", "Pentagon")],
    ),
    (
        "“We are ready to talk to anyone,” the spokesman for the Houthi movement, Mohammed Abdulsalam, "
        "told Reuters.",
        [("We are ready to talk to anyone", "direct", "Mohammed Abdulsalam")],
    ),
    # Single curly quotes and guillemets as speech marks; straight quotes; a quotation
    # with no cue of its own continues the previous speaker's.
    (
        "‘We will not leave our homes,’ said Umm Ahmad, a resident of Douma.",
        [("We will not leave our homes", "direct", "Umm Ahmad")],
    ),
    (
        "Commander Ali Hassan said: «Our forces will hold the line until the end.»",
        [("Our forces will hold the line", "direct", "Ali Hassan")],
    ),
    (
        '"We have nothing left," said one resident. "The shelling never stops at night."',
        [
            ("We have nothing left", "direct", "one resident"),
            ("The shelling never stops", "direct", "one resident"),
        ],
    ),
    # A short marked phrase stays inside the indirect report.
    (
        'Lavrov said the US "knows very well" where the terrorists are.',
        [('the US "knows very well" where the terrorists are', "indirect", "Lavrov")],
    ),
    # People and groups named by a common noun speak as themselves; a clause subject the
    # parser took for the verb's object stays in the report.
    (
        "Critics have warned the plan to close the crossing could leave thousands without food.",
        [("the plan to close the crossing could leave thousands", "indirect", "Critics")],
    ),
    (
        "Lawyers for the family said the detainees had been held without charge for months.",
        [("the detainees had been held without charge", "indirect", "Lawyers")],
    ),
    # What a quantity counts speaks; the head of "current and former officials".
    (
        "Dozens of residents say the militia took their land after the fighting ended.",
        [("the militia took their land", "indirect", "residents")],
    ),
    (
        "Current and former US officials have said the administration wants to keep its troops in the north.",
        [("the administration wants to keep its troops", "indirect", "former US officials")],
    ),
    # An active participle hung on a name: the name speaks; a passive one does not.
    (
        "Jones, who is from Leeds in Yorkshire, originally travelled to Syria in July 2015, telling his "
        "family he had gone to join the army.",
        [("he had gone to join the army", "indirect", "Jones")],
    ),
    ("A soldier accused of killing two prisoners had his case dropped last year.", []),
    # "were told": the hearers are not the speaker.
    ("The engineers were told that the road would stay closed for a week.", []),
    # "when asked about X:" is the reporter's question, not part of the speaker's words.
    (
        "Speaking from prison, Saleh said he regretted nothing. He said when asked about the bombing: "
        "“At the time, I thought it was the right thing. We were being bombed every day.”",
        [("At the time, I thought it was the right thing", "direct", "Saleh")],
    ),
    # Any noun that says something is a speaker; a quotation that follows continues it,
    # not the next sentence's report (which has words of its own).
    (
        "“The roads are closed,” said a driver, who asked not to be named. “Nobody can bring flour "
        "into the town any more.” Aid workers disputed the figures, saying the real numbers were "
        "much higher.",
        [
            ("The roads are closed", "direct", "driver"),
            ("Nobody can bring flour", "direct", "driver"),
            ("the real numbers were much higher", "indirect", "Aid workers"),
        ],
    ),
    # A document speaks for whoever issued it.
    (
        "A statement from Amnesty International said the camp held more than 9,000 people.",
        [("the camp held more than 9,000 people", "indirect", "Amnesty International")],
    ),
    # A bare "a spokesman" speaks for the body named just before.
    (
        "The Foreign Office declined to give details. A spokesman said: “We are in contact with the "
        "family of the man.”",
        [("We are in contact with the family", "direct", "Foreign Office")],
    ),
    # "the official" after "one senior official said": the same person.
    (
        "One senior official said the talks had stalled over money. “This is a negotiation about "
        "money and nothing else,” the official said.",
        [
            ("the talks had stalled over money", "indirect", "One senior official"),
            ("This is a negotiation about money", "direct", "One senior official"),
        ],
    ),
    # A second report the parser hung on the reported clause is the reporter's (one
    # quote: the second sits inside the first with the same speaker); a dangling "and"
    # is cut off a report.
    (
        "His parents deny their son went to Syria to join Isis and have said he was tortured by his captors.",
        [("their son went to Syria to join Isis", "indirect", "His parents")],
    ),
    (
        "His parents deny their son went to Syria to fight and have said he was tortured by his captors.",
        [
            ("their son went to Syria to fight", "indirect", "His parents"),
            ("he was tortured by his captors", "indirect", "His parents"),
        ],
    ),
    # "a spokesman for X": X speaks.
    (
        "“The strikes hit a weapons depot,” a spokesman for the Pentagon said.",
        [("The strikes hit a weapons depot", "direct", "Pentagon")],
    ),
    # British single marks around a plural possessive, and over two paragraphs.
    (
        "‘The rebels’ positions were hit hard overnight,’ the colonel said. ‘We don’t expect them to "
        "hold out.’",
        [
            ("The rebels’ positions were hit hard overnight", "direct", "colonel"),
            ("We don’t expect them to hold out", "direct", "colonel"),
        ],
    ),
    (
        "Sara Ahmed, a nurse at the hospital, said: ‘We have no power at all in the wards.\n\n‘The "
        "generators stopped yesterday and we cannot operate on anyone.’",
        [("We have no power at all in the wards.\n\n‘The generators stopped", "direct", "Sara Ahmed")],
    ),
    # "one of the officials": the officials, not a person titled "official" before.
    (
        "David Green, a former state department official, said the talks had failed. “The instructions "
        "were very clear,” one of the officials quoted by the newspaper said.",
        [
            ("the talks had failed", "indirect", "David Green"),
            ("The instructions were very clear", "direct", "officials"),
        ],
    ),
    # A subject inside the marks is the parser's slip; "recount" reports speech.
    (
        "Amira Saleh sat on a bed. “They came for us at night, all of them,” she recounts.",
        [("They came for us at night", "direct", "Amira Saleh")],
    ),
    # Someone asked by officials to do something speaks for herself after the colon.
    (
        "Maria Lopez has been asked by officials in Aleppo to find homes for the orphans: “There are "
        "more than 900 children here and nowhere to put them.”",
        [("There are more than 900 children here", "direct", "Maria Lopez")],
    ),
    # A leaflet's words are not the last speaker's.
    (
        "“We are staying in our homes,” said Omar Haddad, a teacher. A leaflet dropped on the town read: "
        "“Leave your homes now or you will be killed with the fighters.”",
        [("We are staying in our homes", "direct", "Omar Haddad")],
    ),
    # "The official" right after an unnamed source's report is that source; a named
    # official stays himself.
    (
        "A source close to the Iraqi leadership said Washington had been lobbying Baghdad for months. "
        "The official denied that any payment had been requested.",
        [
            ("Washington had been lobbying Baghdad", "indirect", "source"),
            ("any payment had been requested", "indirect", "source"),
        ],
    ),
    (
        "A source close to the talks said the two sides were far apart. The minister, Ali Hassan, "
        "denied that any payment had been requested.",
        [
            ("the two sides were far apart", "indirect", "source"),
            ("any payment had been requested", "indirect", "Ali Hassan"),
        ],
    ),
    # A noun speaks when introduced as someone ("said a driver", above); "the author
    # added" is whoever spoke just before; metaphors are no speakers.
    (
        "Maria Costa said the book had taken ten years to write. “Every chapter was checked by two "
        "lawyers,” the author added.",
        [
            ("the book had taken ten years to write", "indirect", "Maria Costa"),
            ("Every chapter was checked by two lawyers", "direct", "Maria Costa"),
        ],
    ),
    ("History warns that a crisis will reshape the social order.", []),
    ("Like the title says, there are already six-figure bids for the domain.", []),
    # "X, whose spokesman said": X speaks.
    (
        "The ruling did not placate China, whose foreign ministry spokesman said the detention was "
        "a violation of international law.",
        [("the detention was a violation of international law", "indirect", "China")],
    ),
    (
        "Protesters marched on the embassy of Iran, whose ambassador said the visit had been cancelled.",
        [("the visit had been cancelled", "indirect", "Iran")],
    ),
    # Straight single speech marks.
    (
        "'We will not leave our homes,' said Umm Ahmad, a resident of Douma.",
        [("We will not leave our homes", "direct", "Umm Ahmad")],
    ),
    # Scare quotes and titles are not quotes.
    ("The so-called “moderates” fought alongside the “Free Syrian Army” near the city.", []),
    ("“Is Bernie Stealing Trump’s No More Wars Issue?” by Patrick J. Buchanan", []),
    # No speech at all.
    ("Russian jets struck rebel positions near Aleppo on Saturday.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_find_quotes(nlp, text, expected):
    doc = nlp(text)
    quotes = find_quotes(doc, ArticleContext(doc=doc))
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    assert len(quotes) == len(expected), got
    for fragment, kind, speaker in expected:
        assert any(fragment in t and k == kind and s == speaker for t, k, s in got), (fragment, got)
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text


def test_speaker_from_actor_stage(nlp):
    """With ctx.actors filled (as the actors stage does), the speaker is that canonical actor."""
    text = "Sergey Lavrov arrived in Geneva. He said the army would withdraw from the town by Friday."
    doc = nlp(text)
    he = text.index("He said")
    lavrov = ActorRef(
        id="LAVROV", name="Sergey Lavrov", kind="person", country="RUS", mention="He", start=he, end=he + 2
    )
    ctx = ArticleContext(doc=doc, actors=[lavrov])
    quotes = find_quotes(doc, ctx)
    assert [(q.kind, q.speaker.id if q.speaker else None) for q in quotes] == [("indirect", "LAVROV")]
    assert quotes[0].text.startswith("the army would withdraw")


def test_fallback_ids(nlp):
    doc = nlp("Colonel John Dorrian confirmed the raid had taken place in eastern Syria.")
    (q,) = find_quotes(doc, ArticleContext(doc=doc))
    assert q.speaker is not None
    assert (q.speaker.id, q.speaker.kind) == ("PER:john-dorrian", "person")


def test_needs_parse():
    import spacy

    doc = spacy.blank("en")("He said that it was over.")
    with pytest.raises(ValueError, match="dependency parse"):
        find_quotes(doc, ArticleContext(doc=doc))


def test_actor_on_a_modifier_is_not_the_speaker(nlp):
    text = (
        "Four civilians were killed, the Syrian Observatory for Human Rights said. "
        "The Britain-based monitor said artillery fire hit a market and two homes."
    )
    doc = nlp(text)
    s = text.index("Syrian Observatory")
    b = text.index("Britain")
    sohr = ActorRef(
        id="SOHR",
        name="Syrian Observatory for Human Rights",
        kind="ngo",
        mention="Syrian Observatory for Human Rights",
        start=s,
        end=s + 35,
    )
    gbr = ActorRef(
        id="GBR", name="United Kingdom", kind="state", country="GBR", mention="Britain", start=b, end=b + 7
    )
    quotes = find_quotes(doc, ArticleContext(doc=doc, actors=[sohr, gbr]))
    assert [(q.speaker.id if q.speaker else None) for q in quotes] == ["SOHR", "SOHR"]


PRONOUN_CASES = [
    # (text, pronoun, ActorRef the actors stage gave it, expected speaker id or None)
    (
        "The ministry issued a statement. It said the convoy had been attacked near the town.",
        "It",
        ActorRef(id="RUS_MOD", name="Russian Ministry of Defence", kind="military"),
        "RUS_MOD",
    ),
    (
        "Aleppo was quiet. It noted that this truce is still stirring tension in the region.",
        "It",
        ActorRef(id="GPE:aleppo", name="Aleppo", kind="other"),
        None,
    ),
    (
        "Syria was discussed. It said the talks would resume in Geneva next month.",
        "It",
        ActorRef(id="SYR", name="Syria", kind="state"),
        None,
    ),
    (
        "We believe that the ceasefire has given the opposition enough time to leave.",
        "We",
        ActorRef(id="USA", name="United States", kind="state"),
        None,
    ),
    (
        "He said the army would withdraw from the town by Friday.",
        "He",
        ActorRef(id="LAVROV", name="Sergey Lavrov", kind="person"),
        "LAVROV",
    ),
]


@pytest.mark.parametrize("text,pronoun,ref,expected", PRONOUN_CASES)
def test_pronoun_speakers_from_actor_stage(nlp, text, pronoun, ref, expected):
    doc = nlp(text)
    i = text.index(pronoun + " ")
    ref.mention, ref.start, ref.end = pronoun, i, i + len(pronoun)
    quotes = find_quotes(doc, ArticleContext(doc=doc, actors=[ref]))
    assert [q.speaker.id for q in quotes if q.speaker] == ([expected] if expected else [])


# The speaker of the attribution just before beats the actors stage's antecedent for a
# pronoun ("He added:", "they said") and for a definite role noun ("the official said").
# (text, word the actors stage resolved, the ActorRef it gave, expected speaker name)
RECENT_SPEAKER_CASES = [
    (
        "Ben Carter, a lawyer in London, said the case would go to appeal. He added: “The court has "
        "ignored the evidence in this case.”",
        "He",
        ActorRef(id="ROBINSON", name="Joe Robinson", kind="person"),
        "Ben Carter",
    ),
    (
        "The lawyers for the woman said their client had never supported the group. “She wants a fair "
        "trial for her son,” they said.",
        "they",
        ActorRef(id="GBR_GOV", name="British government", kind="government"),
        "lawyers",
    ),
    (
        "One former official said the price demanded was far too high. “In my experience that is a "
        "polite refusal,” the official said.",
        "official said",
        ActorRef(id="MCGURK", name="Brett McGurk", kind="person"),
        "One former official",
    ),
    # Two sentences later, with no attribution in between, the actors stage decides.
    (
        "Ben Carter, a lawyer in London, said the case would go to appeal. The hearing lasted two days. "
        "The judge left early. He said the ruling would come next week.",
        "He said",
        ActorRef(id="ROBINSON", name="Joe Robinson", kind="person"),
        "Joe Robinson",
    ),
]


@pytest.mark.parametrize("text,word,ref,expected", RECENT_SPEAKER_CASES)
def test_recent_speaker_beats_actor_stage(nlp, text, word, ref, expected):
    doc = nlp(text)
    i = text.rindex(word)
    w = word.split()[0]
    ref.mention, ref.start, ref.end = w, i, i + len(w)
    quotes = find_quotes(doc, ArticleContext(doc=doc, actors=[ref]))
    assert quotes, "no quote found"
    last = max(quotes, key=lambda q: q.start)
    assert last.speaker is not None and last.speaker.name == expected, [
        (q.text, q.speaker.name if q.speaker else None) for q in quotes
    ]


# The exact text of a report: where it starts and ends matters, not only who said it.
EXACT_TEXT_CASES = [
    # An attribution closing the sentence is not part of the report, nor is what hangs on it.
    (
        "The army will withdraw from the border within a week, a senior official said, speaking on "
        "condition of anonymity because he was not authorised to speak to the media.",
        "The army will withdraw from the border within a week",
    ),
    # One in the middle stays (the report reads on both sides of it).
    (
        "The convoy, the ministry said, was hit by two rockets near the town.",
        "The convoy, the ministry said, was hit by two rockets near the town.",
    ),
    # A dangling conjunction where a coordinated report was cut off.
    (
        "His parents deny their son went to Syria to fight and have said he was tortured by his captors.",
        "their son went to Syria to fight",
    ),
]


@pytest.mark.parametrize("text,expected", EXACT_TEXT_CASES)
def test_exact_report_text(nlp, text, expected):
    doc = nlp(text)
    quotes = find_quotes(doc, ArticleContext(doc=doc))
    assert expected in [q.text for q in quotes], [q.text for q in quotes]
