"""Build ``states.jsonl``: every UN member state (plus the two observer states,
Kosovo and Taiwan) with its government, armed forces, police, foreign and
defence ministries.

The table below is written out by hand from public facts (short name, ISO
3166-1 alpha-3 code, formal name, adjectives, plural demonym, capital used as
a metonym).  Run ``python -m ceasefire.actors.data.make_states`` after editing
it; the output file is committed.

Columns (``|``-separated):
  ISO3 | short name | formal name | adjectives (``;``, the first names the
  sub-actors) | plural demonym | capital (``-`` prefix: not a metonym, e.g.
  Brussels means the EU) | more aliases for the state (``;``) | un (member,
  observer, other)
"""

from __future__ import annotations

import json
from pathlib import Path

STATES = """\
AFG|Afghanistan|Islamic Republic of Afghanistan|Afghan|Afghans|Kabul||member
ALB|Albania|Republic of Albania|Albanian|Albanians|Tirana||member
DZA|Algeria|People's Democratic Republic of Algeria|Algerian|Algerians|Algiers||member
AND|Andorra|Principality of Andorra|Andorran|Andorrans|Andorra la Vella||member
AGO|Angola|Republic of Angola|Angolan|Angolans|Luanda||member
ATG|Antigua and Barbuda|Antigua and Barbuda|Antiguan|Antiguans|St. John's||member
ARG|Argentina|Argentine Republic|Argentine;Argentinian|Argentines|Buenos Aires||member
ARM|Armenia|Republic of Armenia|Armenian|Armenians|Yerevan||member
AUS|Australia|Commonwealth of Australia|Australian|Australians|Canberra||member
AUT|Austria|Republic of Austria|Austrian|Austrians|Vienna||member
AZE|Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azeri|Azerbaijanis|Baku||member
BHS|Bahamas|Commonwealth of The Bahamas|Bahamian|Bahamians|Nassau|The Bahamas|member
BHR|Bahrain|Kingdom of Bahrain|Bahraini|Bahrainis|Manama||member
BGD|Bangladesh|People's Republic of Bangladesh|Bangladeshi|Bangladeshis|Dhaka||member
BRB|Barbados|Barbados|Barbadian|Barbadians|Bridgetown||member
BLR|Belarus|Republic of Belarus|Belarusian|Belarusians|Minsk|Belorussia|member
BEL|Belgium|Kingdom of Belgium|Belgian|Belgians|-Brussels||member
BLZ|Belize|Belize|Belizean|Belizeans|Belmopan||member
BEN|Benin|Republic of Benin|Beninese|Beninese|Porto-Novo||member
BTN|Bhutan|Kingdom of Bhutan|Bhutanese|Bhutanese|Thimphu||member
BOL|Bolivia|Plurinational State of Bolivia|Bolivian|Bolivians|La Paz||member
BIH|Bosnia and Herzegovina|Bosnia and Herzegovina|Bosnian|Bosnians|Sarajevo|Bosnia;Bosnia-Herzegovina|member
BWA|Botswana|Republic of Botswana|Botswanan|Batswana|Gaborone||member
BRA|Brazil|Federative Republic of Brazil|Brazilian|Brazilians|Brasília||member
BRN|Brunei|Brunei Darussalam|Bruneian|Bruneians|Bandar Seri Begawan||member
BGR|Bulgaria|Republic of Bulgaria|Bulgarian|Bulgarians|Sofia||member
BFA|Burkina Faso|Burkina Faso|Burkinabe;Burkinabé|Burkinabes|Ouagadougou||member
BDI|Burundi|Republic of Burundi|Burundian|Burundians|Gitega||member
CPV|Cabo Verde|Republic of Cabo Verde|Cape Verdean|Cape Verdeans|Praia|Cape Verde|member
KHM|Cambodia|Kingdom of Cambodia|Cambodian;Kampuchean;Khmer|Cambodians|Phnom Penh|Kampuchea|member
CMR|Cameroon|Republic of Cameroon|Cameroonian|Cameroonians|Yaoundé||member
CAN|Canada|Canada|Canadian|Canadians|Ottawa||member
CAF|Central African Republic|Central African Republic|Central African|Central Africans|Bangui|CAR|member
TCD|Chad|Republic of Chad|Chadian|Chadians|N'Djamena||member
CHL|Chile|Republic of Chile|Chilean|Chileans|Santiago||member
CHN|China|People's Republic of China|Chinese|Chinese|Beijing|PRC;Mainland China|member
COL|Colombia|Republic of Colombia|Colombian|Colombians|Bogotá||member
COM|Comoros|Union of the Comoros|Comorian|Comorians|Moroni||member
COG|Republic of the Congo|Republic of the Congo|Congo-Brazzaville|Congo-Brazzaville|Brazzaville|Congo-Brazzaville|member
CRI|Costa Rica|Republic of Costa Rica|Costa Rican|Costa Ricans|San José||member
CIV|Côte d'Ivoire|Republic of Côte d'Ivoire|Ivorian|Ivorians|Yamoussoukro|Ivory Coast;Cote d'Ivoire|member
HRV|Croatia|Republic of Croatia|Croatian;Croat|Croats|Zagreb||member
CUB|Cuba|Republic of Cuba|Cuban|Cubans|Havana||member
CYP|Cyprus|Republic of Cyprus|Cypriot|Cypriots|Nicosia||member
CZE|Czechia|Czech Republic|Czech|Czechs|Prague|Czech Republic|member
PRK|North Korea|Democratic People's Republic of Korea|North Korean|North Koreans|Pyongyang|DPRK|member
COD|Democratic Republic of the Congo|Democratic Republic of the Congo|Congolese|Congolese|Kinshasa|DRC;DR Congo;Congo;Congo-Kinshasa;D.R. Congo|member
DNK|Denmark|Kingdom of Denmark|Danish|Danes|Copenhagen||member
DJI|Djibouti|Republic of Djibouti|Djiboutian|Djiboutians|-Djibouti||member
DMA|Dominica|Commonwealth of Dominica|Dominica|Dominicans of Dominica|Roseau||member
DOM|Dominican Republic|Dominican Republic|Dominican|Dominicans|Santo Domingo||member
ECU|Ecuador|Republic of Ecuador|Ecuadorian|Ecuadorians|Quito||member
EGY|Egypt|Arab Republic of Egypt|Egyptian|Egyptians|Cairo||member
SLV|El Salvador|Republic of El Salvador|Salvadoran|Salvadorans|San Salvador||member
GNQ|Equatorial Guinea|Republic of Equatorial Guinea|Equatoguinean|Equatoguineans|Malabo||member
ERI|Eritrea|State of Eritrea|Eritrean|Eritreans|Asmara||member
EST|Estonia|Republic of Estonia|Estonian|Estonians|Tallinn||member
SWZ|Eswatini|Kingdom of Eswatini|Swazi|Swazis|Mbabane|Swaziland|member
ETH|Ethiopia|Federal Democratic Republic of Ethiopia|Ethiopian|Ethiopians|Addis Ababa||member
FJI|Fiji|Republic of Fiji|Fijian|Fijians|Suva||member
FIN|Finland|Republic of Finland|Finnish|Finns|Helsinki||member
FRA|France|French Republic|French|French|Paris|Elysee;Élysée|member
GAB|Gabon|Gabonese Republic|Gabonese|Gabonese|Libreville||member
GMB|Gambia|Republic of The Gambia|Gambian|Gambians|Banjul|The Gambia|member
GEO|Georgia|Georgia|Georgian|Georgians|Tbilisi||member
DEU|Germany|Federal Republic of Germany|German|Germans|Berlin||member
GHA|Ghana|Republic of Ghana|Ghanaian|Ghanaians|Accra||member
GRC|Greece|Hellenic Republic|Greek|Greeks|Athens||member
GRD|Grenada|Grenada|Grenadian|Grenadians|St. George's||member
GTM|Guatemala|Republic of Guatemala|Guatemalan|Guatemalans|Guatemala City||member
GIN|Guinea|Republic of Guinea|Guinean|Guineans|Conakry|Guinea-Conakry|member
GNB|Guinea-Bissau|Republic of Guinea-Bissau|Bissau-Guinean|Bissau-Guineans|-Bissau||member
GUY|Guyana|Co-operative Republic of Guyana|Guyanese|Guyanese|Georgetown||member
HTI|Haiti|Republic of Haiti|Haitian|Haitians|Port-au-Prince||member
HND|Honduras|Republic of Honduras|Honduran|Hondurans|Tegucigalpa||member
HUN|Hungary|Hungary|Hungarian|Hungarians|Budapest||member
ISL|Iceland|Iceland|Icelandic|Icelanders|Reykjavik||member
IND|India|Republic of India|Indian|Indians|New Delhi||member
IDN|Indonesia|Republic of Indonesia|Indonesian|Indonesians|Jakarta||member
IRN|Iran|Islamic Republic of Iran|Iranian|Iranians|Tehran|Teheran;Islamic Republic|member
IRQ|Iraq|Republic of Iraq|Iraqi|Iraqis|Baghdad||member
IRL|Ireland|Ireland|Irish|Irish|Dublin||member
ISR|Israel|State of Israel|Israeli|Israelis|-Jerusalem||member
ITA|Italy|Italian Republic|Italian|Italians|Rome||member
JAM|Jamaica|Jamaica|Jamaican|Jamaicans|-Kingston||member
JPN|Japan|Japan|Japanese|Japanese|Tokyo||member
JOR|Jordan|Hashemite Kingdom of Jordan|Jordanian|Jordanians|Amman||member
KAZ|Kazakhstan|Republic of Kazakhstan|Kazakh;Kazakhstani|Kazakhs|Astana|Kazakstan|member
KEN|Kenya|Republic of Kenya|Kenyan|Kenyans|Nairobi||member
KIR|Kiribati|Republic of Kiribati|I-Kiribati|I-Kiribati|Tarawa||member
KWT|Kuwait|State of Kuwait|Kuwaiti|Kuwaitis|-Kuwait City||member
KGZ|Kyrgyzstan|Kyrgyz Republic|Kyrgyz|Kyrgyz|Bishkek|Kirghizia|member
LAO|Laos|Lao People's Democratic Republic|Laotian;Lao|Laotians|Vientiane||member
LVA|Latvia|Republic of Latvia|Latvian|Latvians|Riga||member
LBN|Lebanon|Lebanese Republic|Lebanese|Lebanese|Beirut||member
LSO|Lesotho|Kingdom of Lesotho|Basotho|Basotho|Maseru||member
LBR|Liberia|Republic of Liberia|Liberian|Liberians|Monrovia||member
LBY|Libya|State of Libya|Libyan|Libyans|Tripoli||member
LIE|Liechtenstein|Principality of Liechtenstein|Liechtensteiner|Liechtensteiners|Vaduz||member
LTU|Lithuania|Republic of Lithuania|Lithuanian|Lithuanians|Vilnius||member
LUX|Luxembourg|Grand Duchy of Luxembourg|Luxembourgish|Luxembourgers|-Luxembourg||member
MDG|Madagascar|Republic of Madagascar|Malagasy|Malagasy|Antananarivo||member
MWI|Malawi|Republic of Malawi|Malawian|Malawians|Lilongwe||member
MYS|Malaysia|Malaysia|Malaysian|Malaysians|Kuala Lumpur||member
MDV|Maldives|Republic of Maldives|Maldivian|Maldivians|Malé|The Maldives|member
MLI|Mali|Republic of Mali|Malian|Malians|Bamako||member
MLT|Malta|Republic of Malta|Maltese|Maltese|Valletta||member
MHL|Marshall Islands|Republic of the Marshall Islands|Marshallese|Marshallese|Majuro||member
MRT|Mauritania|Islamic Republic of Mauritania|Mauritanian|Mauritanians|Nouakchott||member
MUS|Mauritius|Republic of Mauritius|Mauritian|Mauritians|Port Louis||member
MEX|Mexico|United Mexican States|Mexican|Mexicans|Mexico City||member
FSM|Micronesia|Federated States of Micronesia|Micronesian|Micronesians|Palikir||member
MDA|Moldova|Republic of Moldova|Moldovan|Moldovans|Chișinău||member
MCO|Monaco|Principality of Monaco|Monegasque|Monegasques|-Monaco||member
MNG|Mongolia|Mongolia|Mongolian|Mongolians|Ulaanbaatar|Ulan Bator|member
MNE|Montenegro|Montenegro|Montenegrin|Montenegrins|Podgorica||member
MAR|Morocco|Kingdom of Morocco|Moroccan|Moroccans|Rabat||member
MOZ|Mozambique|Republic of Mozambique|Mozambican|Mozambicans|Maputo||member
MMR|Myanmar|Republic of the Union of Myanmar|Myanmar;Burmese|Burmese|Naypyidaw|Burma;Nay Pyi Taw|member
NAM|Namibia|Republic of Namibia|Namibian|Namibians|Windhoek||member
NRU|Nauru|Republic of Nauru|Nauruan|Nauruans|Yaren||member
NPL|Nepal|Federal Democratic Republic of Nepal|Nepalese;Nepali|Nepalis|Kathmandu||member
NLD|Netherlands|Kingdom of the Netherlands|Dutch|Dutch|-Amsterdam|Holland;The Netherlands|member
NZL|New Zealand|New Zealand|New Zealand|New Zealanders|Wellington||member
NIC|Nicaragua|Republic of Nicaragua|Nicaraguan|Nicaraguans|Managua||member
NER|Niger|Republic of the Niger|Nigerien|Nigeriens|Niamey||member
NGA|Nigeria|Federal Republic of Nigeria|Nigerian|Nigerians|Abuja||member
MKD|North Macedonia|Republic of North Macedonia|North Macedonian;Macedonian|Macedonians|Skopje|Macedonia;FYROM|member
NOR|Norway|Kingdom of Norway|Norwegian|Norwegians|Oslo||member
OMN|Oman|Sultanate of Oman|Omani|Omanis|Muscat||member
PAK|Pakistan|Islamic Republic of Pakistan|Pakistani|Pakistanis|Islamabad||member
PLW|Palau|Republic of Palau|Palauan|Palauans|Ngerulmud||member
PAN|Panama|Republic of Panama|Panamanian|Panamanians|Panama City||member
PNG|Papua New Guinea|Independent State of Papua New Guinea|Papua New Guinean|Papua New Guineans|Port Moresby|PNG|member
PRY|Paraguay|Republic of Paraguay|Paraguayan|Paraguayans|Asunción||member
PER|Peru|Republic of Peru|Peruvian|Peruvians|Lima||member
PHL|Philippines|Republic of the Philippines|Philippine;Filipino|Filipinos|Manila|The Philippines|member
POL|Poland|Republic of Poland|Polish|Poles|Warsaw||member
PRT|Portugal|Portuguese Republic|Portuguese|Portuguese|Lisbon||member
QAT|Qatar|State of Qatar|Qatari|Qataris|Doha||member
KOR|South Korea|Republic of Korea|South Korean|South Koreans|Seoul|ROK|member
ROU|Romania|Romania|Romanian|Romanians|Bucharest||member
RUS|Russia|Russian Federation|Russian|Russians|Moscow|Russian Federation|member
RWA|Rwanda|Republic of Rwanda|Rwandan|Rwandans|Kigali||member
KNA|Saint Kitts and Nevis|Federation of Saint Kitts and Nevis|Kittitian|Kittitians|Basseterre|St Kitts and Nevis|member
LCA|Saint Lucia|Saint Lucia|Saint Lucian|Saint Lucians|Castries|St Lucia|member
VCT|Saint Vincent and the Grenadines|Saint Vincent and the Grenadines|Vincentian|Vincentians|Kingstown|St Vincent and the Grenadines|member
WSM|Samoa|Independent State of Samoa|Samoan|Samoans|Apia||member
SMR|San Marino|Republic of San Marino|Sammarinese|Sammarinese|-San Marino||member
STP|Sao Tome and Principe|Democratic Republic of São Tomé and Príncipe|Santomean|Santomeans|-São Tomé|São Tomé and Príncipe|member
SAU|Saudi Arabia|Kingdom of Saudi Arabia|Saudi|Saudis|Riyadh|KSA|member
SEN|Senegal|Republic of Senegal|Senegalese|Senegalese|Dakar||member
SRB|Serbia|Republic of Serbia|Serbian;Serb|Serbs|Belgrade||member
SYC|Seychelles|Republic of Seychelles|Seychellois|Seychellois|-Victoria||member
SLE|Sierra Leone|Republic of Sierra Leone|Sierra Leonean|Sierra Leoneans|Freetown||member
SGP|Singapore|Republic of Singapore|Singaporean|Singaporeans|-Singapore||member
SVK|Slovakia|Slovak Republic|Slovak|Slovaks|Bratislava||member
SVN|Slovenia|Republic of Slovenia|Slovenian;Slovene|Slovenians|Ljubljana||member
SLB|Solomon Islands|Solomon Islands|Solomon Islander|Solomon Islanders|Honiara||member
SOM|Somalia|Federal Republic of Somalia|Somali|Somalis|Mogadishu||member
ZAF|South Africa|Republic of South Africa|South African|South Africans|Pretoria||member
SSD|South Sudan|Republic of South Sudan|South Sudanese|South Sudanese|Juba||member
ESP|Spain|Kingdom of Spain|Spanish|Spaniards|Madrid||member
LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka|Sri Lankan|Sri Lankans|Colombo||member
SDN|Sudan|Republic of the Sudan|Sudanese|Sudanese|Khartoum|The Sudan|member
SUR|Suriname|Republic of Suriname|Surinamese|Surinamese|Paramaribo||member
SWE|Sweden|Kingdom of Sweden|Swedish|Swedes|Stockholm||member
CHE|Switzerland|Swiss Confederation|Swiss|Swiss|Bern|Confederation Helvetica|member
SYR|Syria|Syrian Arab Republic|Syrian|Syrians|Damascus|Syrian Arab Republic|member
TJK|Tajikistan|Republic of Tajikistan|Tajik|Tajiks|Dushanbe||member
THA|Thailand|Kingdom of Thailand|Thai|Thais|Bangkok||member
TLS|Timor-Leste|Democratic Republic of Timor-Leste|Timorese|Timorese|Dili|East Timor|member
TGO|Togo|Togolese Republic|Togolese|Togolese|Lomé||member
TON|Tonga|Kingdom of Tonga|Tongan|Tongans|Nuku'alofa||member
TTO|Trinidad and Tobago|Republic of Trinidad and Tobago|Trinidadian|Trinidadians|Port of Spain||member
TUN|Tunisia|Republic of Tunisia|Tunisian|Tunisians|Tunis||member
TUR|Turkey|Republic of Türkiye|Turkish|Turks|Ankara|Türkiye;Turkiye|member
TKM|Turkmenistan|Turkmenistan|Turkmen|Turkmens|Ashgabat||member
TUV|Tuvalu|Tuvalu|Tuvaluan|Tuvaluans|Funafuti||member
UGA|Uganda|Republic of Uganda|Ugandan|Ugandans|Kampala||member
UKR|Ukraine|Ukraine|Ukrainian|Ukrainians|Kyiv|The Ukraine|member
ARE|United Arab Emirates|United Arab Emirates|Emirati;UAE|Emiratis|Abu Dhabi|UAE;U.A.E.;The Emirates|member
GBR|United Kingdom|United Kingdom of Great Britain and Northern Ireland|British;UK;U.K.|Britons|London|UK;U.K.;Britain;Great Britain|member
TZA|Tanzania|United Republic of Tanzania|Tanzanian|Tanzanians|Dodoma||member
USA|United States|United States of America|US;American;U.S.;United States|Americans|Washington|US;U.S.;USA;U.S.A.;America|member
URY|Uruguay|Oriental Republic of Uruguay|Uruguayan|Uruguayans|Montevideo||member
UZB|Uzbekistan|Republic of Uzbekistan|Uzbek|Uzbeks|Tashkent||member
VUT|Vanuatu|Republic of Vanuatu|Ni-Vanuatu|Ni-Vanuatu|Port Vila||member
VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan|Venezuelans|Caracas||member
VNM|Vietnam|Socialist Republic of Viet Nam|Vietnamese|Vietnamese|Hanoi|Viet Nam|member
YEM|Yemen|Republic of Yemen|Yemeni|Yemenis|Sanaa||member
ZMB|Zambia|Republic of Zambia|Zambian|Zambians|Lusaka||member
ZWE|Zimbabwe|Republic of Zimbabwe|Zimbabwean|Zimbabweans|Harare||member
PSE|Palestine|State of Palestine|Palestinian|Palestinians|-Ramallah|Palestinian territories|observer
VAT|Holy See|Holy See|Vatican|-|Vatican City|Vatican|observer
XKX|Kosovo|Republic of Kosovo|Kosovar;Kosovan|Kosovars|Pristina||other
TWN|Taiwan|Republic of China|Taiwanese|Taiwanese|Taipei|ROC|other
"""

# Sub-actors generated for every state: id suffix, kind, name pattern over the
# naming adjective.  Curated entries in actors.tsv with the same id replace these.
SUBACTORS = (
    ("GOV", "government", "{adj} government"),
    ("MIL", "military", "{adj} Armed Forces"),
    ("POL", "police", "{adj} police"),
    ("MFA", "government", "{adj} Ministry of Foreign Affairs"),
    ("MOD", "government", "{adj} Ministry of Defence"),
    # the ministries that speak most in conflict news after these two: arrests and police
    # (interior), casualty figures (health)
    ("INT", "government", "{adj} Ministry of the Interior"),
    ("HEALTH", "government", "{adj} Ministry of Health"),
)


def rows() -> list[dict]:
    out: list[dict] = []
    for line in STATES.splitlines():
        iso, name, formal, adjs, people, capital, more, un = line.split("|")
        adj_list = [a for a in adjs.split(";") if a]
        aliases = [a for a in more.split(";") if a]
        if formal != name and formal not in aliases:
            aliases.append(formal)
        metonym = capital and not capital.startswith("-")
        out.append(
            {
                "id": iso,
                "name": name,
                "kind": "state",
                "country": iso,
                "aliases": aliases,
                "formal": formal,
                "adjectives": adj_list,
                "people": people if people != "-" else None,
                "capital": capital.lstrip("-") or None,
                "capital_metonym": bool(metonym),
                "un": un,
            }
        )
        adj = adj_list[0] if adj_list else name
        for suffix, kind, pattern in SUBACTORS:
            out.append(
                {
                    "id": f"{iso}_{suffix}",
                    "name": pattern.format(adj=adj),
                    "kind": kind,
                    "country": iso,
                    "aliases": [],
                    "parent": iso,
                    "role": suffix,
                }
            )
    return out


def main() -> None:
    data = rows()
    n_members = sum(1 for r in data if r.get("un") == "member")
    if n_members != 193:
        raise ValueError(f"expected 193 UN member states, table has {n_members}")
    path = Path(__file__).with_name("states.jsonl")
    with path.open("w", encoding="utf-8") as fh:
        for r in data:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(data)} actors to {path}")


if __name__ == "__main__":
    main()
