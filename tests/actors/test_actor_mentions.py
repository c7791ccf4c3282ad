"""find_mentions over real sentences parsed by the project's spaCy model.

Each row: (text, publication date, [(mention, expected actor id), ...]).  A
row passes when every listed mention is returned with that id; other mentions
may be returned too.  ``None`` as the id means the mention must NOT be
returned as an actor.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ceasefire.actors import find_mentions
from ceasefire.nlp.context import ArticleContext

D = dt.date


def run(nlp, text: str, when: dt.date | None = None):
    doc = nlp(text)
    ctx = ArticleContext(doc=doc, published=when)
    refs = find_mentions(doc, ctx)
    assert ctx.actors == refs
    for r in refs:
        assert text[r.start : r.end] == r.mention
    return refs


def check(refs, expected):
    got = {(r.mention, r.id) for r in refs}
    by_mention = {}
    for r in refs:
        by_mention.setdefault(r.mention, set()).add(r.id)
    for mention, aid in expected:
        if aid is None:
            assert mention not in by_mention, (mention, by_mention.get(mention))
        else:
            assert (mention, aid) in got, (mention, aid, by_mention.get(mention))


CASES = [
    # a wire dateline names where the report was filed, not an actor
    (
        "TRIPOLI, April 8 - Forces loyal to Khalifa Haftar launched an air strike.",
        D(2019, 4, 8),
        [("TRIPOLI", None), ("Forces loyal to Khalifa Haftar", "LNA")],
    ),
    (
        "MOSUL, Iraq, June 29 (Reuters) - Iraqi troops advanced.",
        D(2017, 6, 29),
        [("MOSUL", None), ("Iraq", None), ("Iraqi troops", "IRQ_MIL")],
    ),
    ("Russia, Turkey and Iran - the guarantors - met in Astana.", D(2017, 5, 4), [("Russia", "RUS")]),
    # a group noun right after a named armed group belongs to that group
    (
        "A week after Islamic State militants blew up the mosque, the army advanced.",
        D(2017, 6, 29),
        [("militants", "ISIS")],
    ),
    # aliases, transliterations, metonyms
    (
        "Washington has asked Moscow not to conduct airstrikes against al-Nusra Front, Lavrov said.",
        D(2016, 6, 4),
        [("Washington", "USA_GOV"), ("Moscow", "RUS_GOV"), ("al-Nusra Front", "NUSRA"), ("Lavrov", "LAVROV")],
    ),
    (
        "Fighters of Jabhat Al-Nusra and Ahrar Al Sham attacked the Syrian army near Aleppo.",
        None,
        [("Jabhat Al-Nusra", "NUSRA"), ("Ahrar Al Sham", "AHRAR"), ("Syrian army", "SYR_MIL")],
    ),
    (
        "The “Free Syrian Army”, “Jaish Al Esalm” and Daesh all claim the town.",
        None,
        [("Free Syrian Army", "FSA"), ("Jaish Al Esalm", "JAI"), ("Daesh", "ISIS")],
    ),
    (
        "Hizballah and the Taleban issued statements, Reuters reported.",
        None,
        [("Hizballah", "HEZBOLLAH"), ("Taleban", "TALIBAN"), ("Reuters", "REUTERS")],
    ),
    (
        "The Syrian Observatory for Human Rights said Islamic State fighters withdrew.",
        None,
        [("Syrian Observatory for Human Rights", "SOHR"), ("Islamic State", "ISIS")],
    ),
    # renamings valid in time
    (
        "Russian jets struck al-Nusra Front positions in Idlib.",
        D(2016, 9, 1),
        [("Russian jets", "RUS_AF"), ("al-Nusra Front", "JFS")],
    ),
    ("Russian jets struck al-Nusra Front positions in Idlib.", D(2016, 5, 1), [("al-Nusra Front", "NUSRA")]),
    ("Jabhat al-Nusra fighters shelled the city.", D(2017, 6, 1), [("Jabhat al-Nusra", "HTS")]),
    # possessives and demonyms
    (
        "Russia's defence ministry said the truce was holding.",
        None,
        [("Russia's defence ministry", "RUS_MOD")],
    ),
    ("Assad's forces shelled Douma on Monday.", None, [("Assad's forces", "SYR_MIL")]),
    ("Evidence is mounting that the Russians are preparing to bomb Aleppo.", None, [("Russians", "RUS")]),
    (
        "Iranian troops and Turkish authorities were mentioned.",
        None,
        [("Iranian troops", "IRN_MIL"), ("Turkish authorities", "TUR_GOV")],
    ),
    # role mentions
    ("The Syrian President said the war would continue.", D(2016, 6, 4), [("Syrian President", "ASSAD")]),
    (
        "Russia's foreign minister met Kerry in Geneva.",
        D(2016, 6, 4),
        [("Russia's foreign minister", "LAVROV"), ("Kerry", "KERRY")],
    ),
    (
        "Sergey Lavrov spoke to reporters in Moscow. The minister also stressed that talks must go on.",
        D(2016, 6, 4),
        [("The minister", "LAVROV")],
    ),
    (
        "The UN Secretary-General called for a ceasefire.",
        D(2018, 3, 1),
        [("UN Secretary-General", "GUTERRES")],
    ),
    (
        "Saudi Arabia denied the report. Officials in the kingdom said it was false.",
        D(2018, 11, 15),
        [("the kingdom", "SAU")],
    ),
    (
        "The kingdom said it was responding to a request from President Hadi.",
        D(2015, 3, 26),
        [("Hadi", "HADI")],
    ),
    (
        "The Houthis fired a missile at a US-owned ship, US Central Command said. The Iran-backed group said it "
        "targeted the vessel.",
        D(2024, 1, 15),
        [("US", None), ("The Iran-backed group", "HOUTHI"), ("it", "HOUTHI")],
    ),
    # surnames of persons named earlier, dictionary or not
    (
        "Patrick Henningsen told RT that the plan had failed. Henningsen added that talks were over.",
        None,
        [("Patrick Henningsen", "PER:patrick-henningsen"), ("Henningsen", "PER:patrick-henningsen")],
    ),
    (
        "Sheikh Shaalan al-Shaalan, a spokesman for the prosecutor, spoke on Thursday. Shaalan said five men "
        "face the death penalty.",
        None,
        [("Sheikh Shaalan al-Shaalan", "PER:shaalan-al-shaalan"), ("Shaalan", "PER:shaalan-al-shaalan")],
    ),
    (
        "Prime Minister Mohammed al-Bashir met ministers. Bashir said the cabinet would serve until March.",
        D(2024, 12, 20),
        [("Bashir", "BASHIR_M")],
    ),
    (
        "Omar al-Bashir ruled Sudan for thirty years; al-Bashir was ousted in 2019.",
        None,
        [("al-Bashir", "BASHIR")],
    ),
    (
        "The Tahrir Institute for Middle East Policy (TIMEP) published a report. TIMEP said the strikes "
        "continued.",
        None,
        [("TIMEP", "ORG:tahrir-institute-for-middle-east-policy")],
    ),
    # pronouns
    ("Lavrov arrived in Geneva on Monday. He said the truce would hold.", D(2016, 6, 4), [("He", "LAVROV")]),
    ("Hezbollah said its fighters had captured the hill.", None, [("its", "HEZBOLLAH")]),
    ("Houthi rebels said they would withdraw from Hodeidah.", None, [("they", "HOUTHI")]),
    (
        "The Syrian army entered the town after Syria announced the offensive; they met no resistance.",
        None,
        [("they", "SYR_MIL")],
    ),
    (
        "Lavrov met Kerry in Geneva on Monday. He said the truce would hold.",
        D(2016, 6, 4),
        [("He", "LAVROV")],
    ),
    (
        "The jihadis in Aleppo refused every deal offered by the Arab League. They wanted Assad gone.",
        None,
        [("jihadis", "SYR_MILITANTS"), ("They", "SYR_MILITANTS")],
    ),
    # generic collectives, resolved in the article's theatre
    (
        "Rebels shelled government-held districts of Aleppo, killing five civilians.",
        None,
        [("Rebels", "SYR_OPP"), ("civilians", "SYR_CIV")],
    ),
    ("Police arrested three suspects in Colombo after the blasts.", None, [("Police", "LKA_POL")]),
    (
        "Security forces fired on protesters in Baghdad.",
        None,
        [("Security forces", "IRQ_MIL"), ("protesters", "IRQ_PROTESTERS")],
    ),
    ("Christians attending Easter mass were among the victims.", None, [("Christians", "CHRISTIANS")]),
    ("Theresa May met Vladimir Putin. She said the talks were frank.", D(2018, 1, 1), [("She", "TMAY")]),
    ("Theresa May met Vladimir Putin. He said the talks were frank.", D(2018, 1, 1), [("He", "PUTIN")]),
    (
        "Mr Letts spoke to Hoda Muthana in the camp. He said he wanted to go home.",
        None,
        [("He", "PER:letts")],
    ),
    (
        "Lavrov met Kerry and Obama in Geneva. The Syrian President was not invited.",
        None,
        [("Syrian President", "ASSAD")],
    ),
    (
        "Sergey Lavrov spoke to Russian media on Friday. \u201cThe U.S. knows that we will provide air support "
        "to the Syrian army,\u201d he said.",
        D(2016, 6, 4),
        [("we", "RUS")],
    ),
    (
        "Fighting was heavy near Aleppo, where Russian airstrikes hit a market.",
        None,
        [("Russian airstrikes", "RUS_AF")],
    ),
    (
        "The London based Syrian Observatory for Human Rights reported the deaths.",
        None,
        [("London", None), ("Syrian Observatory for Human Rights", "SOHR")],
    ),
    (
        "Martin Griffiths met Houthi leaders in Sanaa. The UN envoy said talks would resume.",
        D(2019, 6, 1),
        [("UN envoy", "MGRIFFITHS")],
    ),
    ("The UN envoy said talks would resume.", D(2019, 6, 1), [("UN envoy", None)]),
    (
        "\u201cWe will respond to any attack,\u201d the Iranian foreign ministry said on Sunday.",
        None,
        [("We", "IRN_MFA")],
    ),
    # "we" in marks with no attributed speaker: not a person named inside the same quotation
    (
        "Sergey Lavrov spoke on Friday. Asked about Aleppo: \u201cThe Americans know that we will act, and John "
        "Kerry knows it.\u201d",
        D(2016, 6, 4),
        [("we", "RUS")],
    ),
    # first person in a quotation: the speaker's side ("we") or the speaker ("I"), not the last name
    (
        "\u201cI told John Kerry that we will provide air support to the Syrian army,\u201d Lavrov said.",
        D(2016, 6, 4),
        [("I", "LAVROV"), ("we", "RUS")],
    ),
    (
        "\u201cWe will not leave the south while the occupation stays,\u201d Hassan Nasrallah said.",
        D(2019, 6, 1),
        [("We", "HEZBOLLAH")],
    ),
    (
        "Lavrov\u2019s comments were clear:\n\n\u201cThe Americans know our plans.\n\nIn a call with John Kerry "
        "the US said that the rebels would leave. The United States knows that we will act.\u201d\n\nThe bombing went on.",
        D(2016, 6, 4),
        [("our", "RUS"), ("we", "RUS")],
    ),
    # pronoun antecedents: the actor qualifying a subject, never the object's own subject, plural by
    # verb agreement, "the United States" singular, a country named as a place is no antecedent,
    # a phrase put before the main clause points ahead to its subject
    (
        "The US-led coalition airstrike of 17 September struck a key Syrian army position near the air base. "
        "It killed 83 Syrian soldiers.",
        D(2016, 9, 20),
        [("It", "COALITION")],
    ),
    (
        "In Syria the United States supplied these rebel groups with weapons and offered them training.",
        D(2016, 1, 1),
        [("them", "SYR_OPP")],
    ),
    (
        "The Russians also see that Jabhat al-Nusra make use of any pause to launch new attacks. Moreover when "
        "they do so other groups cooperate with them.",
        D(2016, 5, 1),
        [("they", "NUSRA"), ("them", "NUSRA")],
    ),
    (
        "Without stirring a buzz similar to that of their first intervention in Syria, the Russians this week "
        "landed paratroopers in Tartus.",
        D(2016, 5, 1),
        [("their", "RUS")],
    ),
    (
        "A spokesman for the Russian army described the fighting in Syria. It had lost two helicopters there.",
        D(2016, 5, 1),
        [("It", "RUS_MIL")],
    ),
    (
        "The United States armed the rebels in Syria for years. They later lost Aleppo.",
        D(2016, 12, 1),
        [("They", "SYR_OPP")],
    ),
    (
        "In Aleppo they began by murdering two teachers and three children.",
        D(2016, 5, 1),
        [("teachers", "SYR_CIV"), ("children", "SYR_CIV")],
    ),
    (
        "Ahrar al-Sham attacked government positions in Aleppo.",
        D(2016, 5, 1),
        [("government positions", "SYR_MIL")],
    ),
    (
        "Gunmen stormed a village near Aleppo and massacred 19 of its civilian inhabitants.",
        D(2016, 5, 1),
        [("its", None), ("civilian inhabitants", "SYR_CIV")],
    ),
    (
        "The US-led coalition first helped in this area in 2015, when it bombed a Syrian army camp.",
        D(2016, 9, 20),
        [("it", "COALITION")],
    ),
    (
        "The deputy chief ordered that Khashoggi be brought back, Shaalan said. The team killed him after the "
        "talks failed.",
        D(2018, 11, 15),
        [("him", "KHASHOGGI")],
    ),
    (
        "The evacuation of jihadi fighters from Aleppo ended, as did civilian deaths in Aleppo caused by Russian "
        "bombing.",
        D(2016, 12, 20),
        [("jihadi fighters", "SYR_MILITANTS"), ("civilian deaths", "SYR_CIV")],
    ),
    # a definite description by the noun that introduced a person named earlier
    (
        "Eleven were charged in the killing of journalist Jamal Khashoggi. The Saudis say the Washington Post "
        "columnist was killed after a fight.",
        D(2018, 11, 15),
        [("Washington Post columnist", "KHASHOGGI"), ("Washington Post", None)],
    ),
    (
        "Geopolitical analyst Patrick Henningsen told RT the plan failed. The analyst added that talks were over.",
        None,
        [("The analyst", "PER:patrick-henningsen")],
    ),
    (
        "The journalist Jamal Khashoggi was killed. The analyst had criticised the prince.",
        D(2018, 11, 15),
        [("The analyst", None)],
    ),
    (
        "Public prosecutor Sheikh Shaalan al-Shaalan spoke on Thursday. Saud al-Qahtani, an aide to the prince, "
        "had a role. The former adviser was under investigation, the prosecutor said.",
        D(2018, 11, 15),
        [("The former adviser", "QAHTANI"), ("the prosecutor", "PER:shaalan-al-shaalan")],
    ),
    (
        "Eleven were charged in the killing of Jamal Khashoggi, the prosecutor said. The prosecutor added more.",
        D(2018, 11, 15),
        [("The prosecutor", None)],
    ),
    # an editor's brackets name the pronoun's referent
    (
        "\u201cThey [the US] are telling us not to hit al-Nusra Front,\u201d Lavrov said.",
        D(2016, 6, 4),
        [("They", "USA"), ("us", "RUS")],
    ),
    ("Rebels said we [the Syrian army] had withdrawn.", D(2016, 6, 4), [("we", "SYR_MIL")]),
    # an irregular-force adjective before what they do or hold is a mention of them
    (
        "News of a major rebel offensive in Aleppo's Kurdish districts has spread.",
        D(2016, 6, 4),
        [("rebel", "SYR_OPP")],
    ),
    (
        "The population of Aleppo suffered under a four year Jihadi siege.",
        D(2016, 12, 20),
        [("Jihadi", "SYR_MILITANTS")],
    ),
    ("Troops entered rebel-held districts of Aleppo.", D(2016, 12, 20), [("rebel", None)]),
    (
        "Jabhat al-Nusra fighters held Idlib. Al-Nusra Front shelled Aleppo. Jabhat al-Nusra said it would go on. "
        "Russian jets hit Syrian armed factions in Aleppo.",
        D(2016, 5, 1),
        [("armed factions", "SYR_OPP")],
    ),
    # a country coordinated with a composed name shares its head noun
    (
        "If the Syrian and Russian military posture is defensive, the war goes on.",
        D(2016, 5, 1),
        [("Syrian", "SYR_MIL"), ("Russian military", "RUS_MIL")],
    ),
    (
        "US and British forces entered the town.",
        D(2016, 5, 1),
        [("US", "USA_MIL"), ("British forces", "GBR_MIL")],
    ),
    ("Talks between Russia and Syrian opposition groups failed.", D(2016, 5, 1), [("Russia", "RUS")]),
    # demonym + head noun, coordination, misspelt country names
    (
        "A camp was attacked by Burundian militiamen armed with machetes.",
        None,
        [("Burundian militiamen", "BDI_REBELS")],
    ),
    (
        "Senior Hungarian and Romanian officials agreed on Wednesday.",
        None,
        [("Hungarian", "HUN_GOV"), ("Romanian officials", "ROU_GOV")],
    ),
    ("Two Iraqi youths were killed near Samarra.", None, [("Iraqi youths", "IRQ_CIV")]),
    ("Bangladesh rejected an Indian proposal on trade.", None, [("Indian", "IND_GOV")]),
    ("Afghan rebel leaders said they would meet the mediator.", None, [("Afghan rebel leaders", "TALIBAN")]),
    ("Troops returned to Afganistan last year.", None, [("Afganistan", "AFG")]),
    ("U.S.-backed forces said they had taken Raqqa.", None, [("U.S", None)]),
    (
        "The Nigerien president met the Chadian Defence Minister.",
        D(2030, 1, 1),
        [("Nigerien president", "NER_GOV"), ("Chadian Defence Minister", "TCD_MOD")],
    ),
    (
        "Moscow said it targeted Islamic State, but the United States and its allies disagreed.",
        None,
        [("its", "USA")],
    ),
    # things that are not actors
    (
        "Talks were held in Moscow on Monday, and Damascus said it would attend.",
        None,
        [("Moscow", "RUS"), ("Damascus", "SYR_GOV")],
    ),
    (
        "Aid went to Australia. Government officials said so.",
        None,
        [("Australia. Government officials", None)],
    ),
    ("Arab fighters and Kurdish fighters clashed.", None, [("Arab", None)]),
    ("Let us hope it works, he told us.", None, [("us", None)]),
    ("They roasted a turkey for dinner.", None, [("turkey", None)]),
    (
        "Iran wants to retake the village of Khan Tuman, where it suffered a setback.",
        None,
        [("Khan Tuman", None)],
    ),
    (
        "ISIS broke through to the road leading through the Therdah Mountain.",
        None,
        [("Therdah Mountain", None)],
    ),
    ("The military conflict dragged on.", None, [("military", None)]),
    (
        "The Russian air force resumed bombing. Lavrov made it clear on Monday that Russia blames the US.",
        D(2016, 9, 26),
        [("it", None)],
    ),
    # a demonstrative + plural group noun refers back to the last armed group (named or generic)
    (
        "Turkey has backed rebel groups in northern Syria since 2016. Ankara paid these groups, "
        "trained them and directed their offensive against the Kurds.",
        D(2018, 1, 20),
        [("these groups", "SYR_OPP"), ("them", "SYR_OPP"), ("their", "SYR_OPP")],
    ),
    (
        "Houthi fighters seized the port of Hodeidah in Yemen. Those fighters then shelled the airport.",
        D(2018, 6, 13),
        [("Those fighters", "HOUTHI")],
    ),
    # ... nor that state's forces named earlier; "militant factions" are several groups: the rebels
    (
        "US warplanes patrol the skies of eastern Syria. The United States has armed militant factions, "
        "trained them and planned their raids.",
        D(2016, 5, 1),
        [("militant factions", "SYR_OPP"), ("them", "SYR_OPP"), ("their", "SYR_OPP")],
    ),
    (
        "Islamic State fighters held Raqqa. Islamic State lost Tabqa. Islamic State also lost Manbij "
        "in Syria. Russia blamed militant factions for the attack.",
        D(2017, 5, 1),
        [("militant factions", "SYR_OPP")],
    ),
    # "our partners" in a quotation are the other side of the talks, never the speaker's own
    (
        'Russian Foreign Minister Sergei Lavrov spoke on Monday. "The United States knows what we will do. '
        'We expect that our partners will keep their word," Lavrov said.',
        D(2016, 10, 1),
        [("We", "RUS"), ("our partners", "USA")],
    ),
    (
        '"We told Washington that our partners must stop the raids," Iranian Foreign Minister Javad Zarif said.',
        D(2017, 3, 1),
        [("our partners", "USA_GOV"), ("our", None)],
    ),
    # the possessor of what is done to someone ("its eradication") is not the one demanding it,
    # and more likely the earlier object than the earlier subject; "its" is never a plural force
    (
        "Washington asked Moscow to spare Hayat Tahrir al-Sham in Syria from Russian air strikes, "
        "although UN Security Council resolutions demand its elimination.",
        D(2018, 9, 1),
        [("its", "HTS")],
    ),
    (
        "Hamas fighters attacked Israel from Gaza. The Israeli government demanded their disarmament.",
        D(2014, 7, 20),
        [("their", "HAMAS")],
    ),
    ("The army launched its offensive in Syria.", D(2016, 1, 1), [("its", "SYR_MIL")]),
    # an object pronoun is not its clause's subject even when the parser hangs "they" on "have"
    (
        "Peace plans were offered to the Syrian opposition many times, but they have always in the end spurned them.",
        D(2016, 10, 1),
        [("they", "SYR_OPP"), ("them", None)],
    ),
    # an impersonal passive with a clause is no actor: "It should be noted that ..."
    (
        "The United States armed the rebels in Syria. It should be noted that this has been a clear policy.",
        D(2016, 10, 1),
        [("It", None)],
    ),
    (
        "The Syrian army shelled Aleppo. It was reported that rebels had advanced.",
        D(2016, 10, 1),
        [("It", None)],
    ),
    # "their" with two persons named in its sentence and no group there: the pair, the first for both
    (
        "The Russians stopped bombing.\n\nLavrov also stated that in one of their numerous telephone calls "
        "he asked his US counterpart, John Kerry, to explain the pause.",
        D(2016, 10, 1),
        [("their", "LAVROV")],
    ),
    (
        "Russian jets bombed Idlib. Lavrov said that in one of their calls he asked his counterpart, John Kerry, "
        "why the coalition had stopped targeting the terrorists.",
        D(2016, 10, 1),
        [("their", "LAVROV")],
    ),
    (
        "Russian troops entered the town. In their meeting, Putin told Erdogan that the deal stood.",
        D(2019, 10, 22),
        [("their", "PUTIN")],
    ),
    (
        "Putin met Erdogan. The rebels in Syria said their fighters would stay.",
        D(2019, 10, 22),
        [("their", "SYR_OPP")],
    ),
    # "the two ministers", "both groups", "both" as a subject: the pair last named, the first for both
    (
        "Putin spoke by telephone with Turkish President Recep Tayyip Erdogan on Friday. "
        "The two leaders discussed the situation in Idlib.",
        D(2019, 8, 30),
        [("The two leaders", "PUTIN")],
    ),
    (
        "Hamas and Islamic Jihad rejected the truce. Egypt's mediators warned both groups. Both fired rockets at Israel.",
        D(2019, 5, 5),
        [("both groups", "HAMAS"), ("Both", "HAMAS")],
    ),
    ("Both sides agreed to a ceasefire.", D(2019, 5, 5), [("Both", None)]),
    # "their" is not the singular subject of its own clause, but it can be a plural one
    ("In Syria, the rebels said their offensive would continue.", D(2016, 8, 1), [("their", "SYR_OPP")]),
    (
        "Syrian troops clashed with other armed opposition groups in Idlib.",
        D(2019, 5, 1),
        [("armed opposition groups", "SYR_OPP")],
    ),
    # each side of a hyphenated pair of countries before a noun is that state
    (
        "The deal set up a joint US-Russian centre and Turkish-Russian patrols.",
        D(2016, 9, 1),
        [("US", "USA"), ("Russian", "RUS"), ("Turkish", "TUR")],
    ),
    ("The Russia-Turkey deal collapsed.", D(2019, 1, 1), [("Russia", "RUS"), ("Turkey", "TUR")]),
    # a ministry named without its country: the last such ministry named, else the one of the
    # country whose group runs it, else the theatre's
    (
        "The Russian Foreign Ministry denied it. The foreign ministry said the strikes hit militants.",
        D(2019, 3, 1),
        [("The foreign ministry", "RUS_MFA")],
    ),
    (
        "Israeli air strikes killed 20 people in Rafah, the Hamas-run health ministry said.",
        D(2024, 2, 10),
        [("Hamas-run health ministry", "PSE_HEALTH")],
    ),
    (
        "Houthi rebels seized the ship, the Houthi-controlled interior ministry said.",
        D(2024, 2, 10),
        [("the Houthi-controlled interior ministry", "YEM_INT")],
    ),
    (
        "Gunmen killed four policemen in Kabul, the interior ministry said.",
        D(2024, 2, 10),
        [("the interior ministry", "AFG_INT")],
    ),
    (
        "Turkish health officials said 12 people were hurt.",
        D(2024, 2, 10),
        [("Turkish health officials", "TUR_HEALTH")],
    ),
    # an organisation's seat is not where things happen: "the government" is the scene's
    (
        "The London based Syrian Observatory for Human Rights said the government bombed Idlib.",
        D(2019, 3, 1),
        [("government", "SYR_GOV")],
    ),
    (
        "Government forces shelled Idlib, the Britain-based monitor said.",
        D(2019, 3, 1),
        [("Government forces", "SYR_MIL")],
    ),
    ("Police in London arrested two men, the government said.", D(2019, 3, 1), [("government", "GBR_GOV")]),
    # volunteers are a country's fighters only among forces or fighting
    (
        "Russian paratroopers landed to support 3,000 Russian volunteers.",
        D(2016, 9, 1),
        [("Russian volunteers", "RUS_MIL")],
    ),
    (
        "Hundreds of British volunteers helped refugees in Calais.",
        D(2016, 9, 1),
        [("British volunteers", None)],
    ),
    # ... but not a compound name that is not a pair of countries
    ("The Franco-German brigade trained in Spain.", D(2019, 1, 1), [("Franco", None)]),
]


@pytest.mark.parametrize(("text", "when", "expected"), CASES)
def test_find_mentions(nlp, text, when, expected):
    check(run(nlp, text, when), expected)


def test_unknown_entities_keep_a_stable_generated_id(nlp):
    a = run(nlp, "John Smithson, the head of the Example Peace Institute, said the talks failed.")
    b = run(nlp, "Yesterday John Smithson said nothing at all.")
    ida = {r.id for r in a if r.mention == "John Smithson"}
    idb = {r.id for r in b if r.mention == "John Smithson"}
    assert ida == idb == {"PER:john-smithson"}
    kinds = {r.mention: r.kind for r in a}
    assert kinds["John Smithson"] == "person"
    assert kinds.get("Example Peace Institute", "ngo") == "ngo"


def test_offsets_and_order(nlp):
    text = "Moscow and Washington agreed; Damascus did not."
    refs = run(nlp, text)
    assert [r.mention for r in refs][:3] == ["Moscow", "Washington", "Damascus"]
    assert [r.start for r in refs] == sorted(r.start for r in refs)
