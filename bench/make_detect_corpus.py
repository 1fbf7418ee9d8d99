"""Write bench/detect_corpus.jsonl: minutes-style sentences with gold spans of personal data.

Every person, number and address is invented (telephone numbers come from
Ofcom's drama ranges, NHS numbers are random with a computed check digit).
Each line: {"text", "known": registry names, "spans": [{"start", "end", "category"}]}.

The sentences carry the hard cases on purpose: names that are ordinary words
(Grace Bell, Will Baker), titles with surnames, hyphenated and apostrophe
names, possessives, people not in the registry, initials ("J. Okafor"), names
in capitals, with particles ("van der Berg") or accents, first names alone;
and text that must not be flagged: organisations (some named after people),
places ("Hallam", "Lincoln"), places that read like names ("Milton Keynes",
"Castle Douglas"), job titles, programmes, agenda headings in title case
("Any Other Business"), ordinary words ("Will the supplier...", "a grace
period"), NHS-shaped numbers with a wrong check digit, references and figures.

    python bench/make_detect_corpus.py        # deterministic: seed 2026
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from labelled_corpus import Sentence, nhs_check, write_corpus  # bench/ is on the path when this script runs

SENTENCES = 1200
CORPUS = Path(__file__).with_name("detect_corpus.jsonl")

FIRST = """Aisha Amara Arjun Beatrice Bronwen Callum Ciaran Dafydd Delphine Dominika Eilidh Emeka Farida
Fergus Gintare Hamish Ifeoma Imogen Jakub Kasia Keir Lowri Magnus Marek Morag Nkechi Oisin Priya Rhodri
Rosalind Saoirse Tariq Thandiwe Ulrike Wojciech Yusuf Zainab Zofia Ravi Niamh Kwame Agnieszka Tobias
Harriet Declan Ingrid Olusegun Meera Caoimhe""".split()
WORD_FIRST = "Grace Will Mark Faith Hope Rose Joy Bill Frank Jack Holly Amber Ivy Victor Dawn Sunny Pearl Robin Penny Clay".split()
SURNAMES = """Achterberg Okonkwo Brannigan Castellanos Dunmore Eriksen Fairweather Gallacher Haworth Iqbal
Jablonski Kettering Lindqvist Mabuza Nwachukwu Ormerod Pemberton Quarshie Radcliffe Szymanski Tregarthen
Umeh Vasquez Whitlock Yardley Zielinski Ashdown Bramwell Chaudhry Dervish Ekwueme Fotheringham Gorski
Hensley Ingleby Jaworska Kilbride Loughlin Mwangi Nakamura Oduya Prendergast Rahman Sandhu Thistlewood""".split()
WORD_SURNAMES = "Bell Baker Wood Hall Stone Green Cook Marsh Archer Fox King Rich Little Young Moss Bird Field Brook Hill Mason".split()
HYPHENATED = "Lewis-Grant Ashby-Clarke Okafor-Reid Hughes-Mensah Taylor-Kowalski Price-Adeyemi Burton-Nash".split()
APOSTROPHE = "O'Connell O'Neill D'Souza O'Hara D'Arcy O'Sullivan N'Diaye O'Driscoll".split()
TITLES = "Mr Mrs Ms Miss Dr Professor Mx Cllr".split()

ORGANISATIONS = """Pennine Health Assessments Ltd|Calderbrook Clinical Services|the Department for Community Services|
Harper Lane Associates|Northgate Assurance Partners|Bell & Marsh Consulting LLP|Kingsley Wood Logistics Ltd|
the Humber Clinical Commissioning Group|Moorside NHS Foundation Trust|the Office for Service Standards|
Ashworth Baker Facilities plc|West Riding Occupational Health Services|the Independent Case Examiner|
Fairfax Stone Recruitment|the Joint Commercial Board""".replace("\n", "").split("|")
ROLES = """the Head of Workforce Planning|the Contract Director|the Senior Commercial Lead|the Clinical Quality Lead|
the Chief Operating Officer|the Operations Delivery Lead|the Assurance Analyst|the Regional Operations Manager|
the Deputy Director of Commercial|the Partnership Manager|the Contract Support Officer|the Lead Assessor""".replace("\n", "").split("|")
PROGRAMMES = """Project Horizon|the Healthy Futures Programme|Operation Lighthouse|the Clear Start scheme|
Project Kestrel|the Grace Period Pilot|the Assessment Transformation Programme|Project Bellwether""".replace("\n", "").split("|")
PLACES = """Hallam|Kirkgate House, Leeds|St Helens|Doncaster|Lincoln|the Hull centre|Grace Street depot|
Mount Pleasant|Baker House in Sheffield|Wood Lane, Bradford|Victoria Quays|Kingston upon Hull""".replace("\n", "").split("|")

UNKNOWN_PERSON = [
    "{P} confirmed that the revised recruitment forecast would be circulated before the next meeting.",
    "The group thanked {P} for the update on clinical onboarding in the eastern centres.",
    "{P} asked whether the September statement would include the resubmitted mitigation cases.",
    "It was noted that {P} had raised the backlog with {ORG} in August.",
    "{P}'s team will review the 13 rejected cases and report back.",
    "Following the audit, {P} and {P} agreed to meet {ROLE} to discuss report quality.",
    "A complaint from {P} about the cancelled appointment at {PLACE} was discussed.",
    "{T} explained that the appointment scheduling tool would go live in October.",
    "The chair asked {T} to confirm the position on travel expenses.",
    "{T}'s letter of 4 August was noted and a reply will be sent by {ROLE}.",
    "Apologies were received from {P}, who is on leave until the end of the month.",
    "The claimant, {T}, had been turned away unseen twice at {PLACE}.",
    "{P} (supply-chain partner) reported that two assessors had transferred to the supplier.",
    "The group welcomed {P}, who has joined {ORG} as {ROLE_BARE}.",
    "In discussion, {P} noted that sickness absence had fallen to 9.6% in August.",
    "Members agreed that {P} would brief {T} on the outcome of the review.",
    "Action: {P} to share the Lot 4 recovery trajectory with {ROLE} by 6 October.",
    "The case of {T} was escalated after the third rescheduled appointment.",
    "{P} presented the Service Delivery Report on behalf of {ORG}.",
    "Thanks were recorded to {P} for chairing the previous meeting.",
]
KNOWN_PERSON = [
    "{K} opened the meeting and welcomed members to {PLACE}.",
    "{KT} noted that the report quality measure had been red for three months.",
    "{K}'s paper on mitigation evidence was accepted without amendment.",
    "{K} and {KT} will agree the definition of a ready-to-book case.",
    "The group asked {KT} to update the capacity model once the forecast arrives.",
    "On behalf of {ORG}, {K} accepted that recruitment had fallen short of plan.",
    "{KT}'s team has completed the refreshed attendance management course.",
    "Minutes of the last meeting were agreed subject to a correction from {K}.",
]
CONTACT = [
    "Queries about the resubmission should be sent to {EMAIL} or by telephone on {PHONE}.",
    "{P} can be reached on {PHONE} or at {EMAIL}.",
    "The claimant's NHS number ({NHS}) was quoted in the complaint file.",
    "The complaint concerned a claimant with National Insurance number {NI}, living at {PC}.",
    "A letter was sent to the claimant's address in {PC_PLACE} {PC}.",
    "Assessors should call the duty line on {PHONE} when a claimant is turned away.",
    "{T}, NHS number {NHS}, has asked for a home visit.",
    "NI number {NI} was given in error on the booking form and has been removed.",
    "The enquiry line {PHONE} will be staffed until 6pm; the mailbox is {EMAIL}.",
    "The referral for the claimant at {PC} (NHS {NHS}) was received on 2 September.",
    "{K} asked that {EMAIL} be copied into all correspondence about the case.",
    "Please send the signed forms to {EMAIL} and confirm by text to {PHONE}.",
]
NEGATIVE = [
    "{ORG} confirmed that {ROLE} would attend the October meeting.",
    "{ROLE} presented the figures for {PROG}.",
    "Will the supplier confirm the figures for {PROG} by Friday?",
    "A grace period of ten working days was agreed for the resubmission.",
    "The meeting was held at {PLACE}; the next will be at {PLACE}.",
    "{ORG} and {ORG} agreed to share workforce data monthly.",
    "Mark the rejected cases in the log and hope that the backlog clears by December.",
    "The reference number 943 476 5918 on the invoice does not match the order.",
    "Work in progress in Lot 4 was 37,518 cases against 37,176 in July.",
    "Action CPG-2609-03 was carried forward; the new due date is 2026-10-06.",
    "The invoice {BADNHS} was queried by {ROLE}.",
    "Service credits of £34,750 under SL4a were confirmed by {ORG}.",
    "Recruitment at {PLACE} remains below plan; {PROG} will be reviewed in November.",
    "The rota at {PLACE} was changed so that new assessors stay at one centre.",
    "{ROLE} of {ORG} will write to the chair about {PROG}.",
    "Robin Hood Airport parking arrangements were noted by {ROLE}.",
]
# Cases a rule or a small model is likely to get wrong, in both directions.
HARD = [
    "{INITIALLED} to circulate the revised trajectory before the October meeting.",
    "ACTION: {SHOUTED} to confirm the rota for the Hull centre.",
    "{PARTICLE} joined the meeting for the item on report quality.",
    "{ACCENTED} reported that the referral bonus had attracted four applicants.",
    "{FIRST} agreed to check the figures with the Lot 4 team.",
    "The update from {FIRST} on the Hull centre was noted.",
    "The item on {HEADING} was deferred to the next meeting.",
    "{HEADING} was discussed at length and no decision was taken.",
    "The assessment centre in {TWO_WORD_PLACE} will close for refurbishment in January.",
    "{TWO_WORD_PLACE} and {TWO_WORD_PLACE} reported the highest absence in August.",
    "Under {HEADING}, {P} raised the question of parking at {TWO_WORD_PLACE}.",
]
MIX = [(UNKNOWN_PERSON, 0.36), (KNOWN_PERSON, 0.15), (CONTACT, 0.19), (NEGATIVE, 0.15), (HARD, 0.15)]
PARTICLE_NAMES = ["Ludo van der Berg", "Inês de Souza", "Pieter van Dijk", "Marie-Claire de la Cour", "Ahmed bin Rashid",
                  "Giulia di Stefano", "Hendrik ter Horst", "Amélie du Pont"]
ACCENTED_NAMES = ["Zoë Ashdown", "Siân Pemberton", "Seán Ó Briain", "Gráinne Ní Bhriain", "José Núñez", "Łukasz Wróbel",
                  "Chloé Marchetti", "Björn Halvorsen", "Renée Okafor", "Bronwen Llŷr"]
HEADINGS = ["Any Other Business", "Clinical Governance", "Annual Leave", "Business Continuity", "Winter Pressures",
            "Information Governance", "Health and Safety", "Quality Assurance", "Lessons Learned", "Customer Insight"]
TWO_WORD_PLACES = ["Kirkby Stephen", "Market Harborough", "Bishop Auckland", "Chapel Allerton", "Burton Latimer",
                   "Milton Keynes", "Sutton Coldfield", "Castle Douglas", "Stoke Mandeville", "Barnard Castle"]

PC_PLACES = {"LS1 4AP": "Leeds", "M1 1AE": "Manchester", "B33 8TH": "Birmingham", "CR2 6XH": "Croydon",
             "DN55 1PT": "Doncaster", "SW1A 2AA": "London", "EC1A 1BB": "London", "HU1 3DZ": "Hull",
             "LN2 5HH": "Lincoln", "S10 2TN": "Sheffield", "BD7 1DP": "Bradford", "YO10 5DD": "York",
             "NE1 7RU": "Newcastle", "WA10 1HQ": "St Helens", "L3 9PP": "Liverpool", "G2 1DY": "Glasgow"}


def full_name(rng: random.Random) -> str:
    first = rng.choice(WORD_FIRST if rng.random() < 0.3 else FIRST)
    pool = rng.choices([SURNAMES, WORD_SURNAMES, HYPHENATED, APOSTROPHE], weights=[0.45, 0.3, 0.12, 0.13])[0]
    return f"{first} {rng.choice(pool)}"


def titled(rng: random.Random) -> str:
    pool = rng.choices([SURNAMES, WORD_SURNAMES, HYPHENATED, APOSTROPHE], weights=[0.45, 0.3, 0.12, 0.13])[0]
    return f"{rng.choice(TITLES)} {rng.choice(pool)}"


def phone(rng: random.Random) -> str:
    n = rng.randrange(1000)
    return rng.choice([
        f"0113 496 0{n:03d}", f"0161 496 0{n:03d}", f"020 7946 0{n:03d}", f"07700 900{n:03d}",
        f"01632 960{n:03d}", f"+44 20 7946 0{n:03d}", f"+44 (0)113 496 0{n:03d}", f"(0114) 496 0{n:03d}",
        f"07700 900 {n:03d}", f"0808 157 0{n:03d}",
    ])


def ni_number(rng: random.Random) -> str:
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while (prefix := rng.choice(first) + rng.choice(second)) in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
        pass
    digits = [f"{rng.randrange(100):02d}" for _ in range(3)]
    suffix = rng.choice("ABCD")
    return f"{prefix} {' '.join(digits)} {suffix}" if rng.random() < 0.6 else f"{prefix}{''.join(digits)}{suffix}"


def nhs_number(rng: random.Random, valid: bool = True) -> str:
    while True:
        digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
        check = nhs_check(digits)
        if check != 10:
            break
    last = check if valid else (check + rng.randrange(1, 10)) % 10
    text = "".join(map(str, digits + [last]))
    separator = rng.choice([" ", " ", "", "-"])
    return f"{text[:3]}{separator}{text[3:6]}{separator}{text[6:]}"


def email(rng: random.Random) -> str:
    first, last = full_name(rng).lower().replace("'", "").split(" ", 1)
    domain = rng.choice(["dcs.example.gov.uk", "pennine-ha.example.co.uk", "calderbrook.example.co.uk", "example.org"])
    return f"{first}.{last}@{domain}" if rng.random() < 0.7 else f"{first[0]}{last}@{domain}"


def build(template: str, rng: random.Random, registry: list[str]) -> Sentence:
    sentence = Sentence()
    postcode = rng.choice(list(PC_PLACES))
    for piece in re.split(r"(\{[A-Z_]+\})", template):
        slot = piece[1:-1] if piece.startswith("{") else None
        if slot is None:
            sentence.add(piece)
        elif slot == "P":
            sentence.add(full_name(rng), "PERSON")
        elif slot == "T":
            sentence.add(titled(rng), "PERSON")
        elif slot in ("K", "KT"):
            name = rng.choice(registry)
            sentence.add(name if slot == "K" else f"{rng.choice(TITLES)} {name.split()[-1]}", "PERSON")
        elif slot == "INITIALLED":
            first, last = full_name(rng).split(" ", 1)
            sentence.add(f"{first[0]}{rng.choice(['.', ''])} {last}", "PERSON")
        elif slot == "SHOUTED":
            sentence.add(full_name(rng).upper(), "PERSON")
        elif slot == "PARTICLE":
            sentence.add(rng.choice(PARTICLE_NAMES), "PERSON")
        elif slot == "ACCENTED":
            sentence.add(rng.choice(ACCENTED_NAMES), "PERSON")
        elif slot == "FIRST":
            sentence.add(rng.choice(FIRST + WORD_FIRST), "PERSON")
        elif slot == "HEADING":
            sentence.add(rng.choice(HEADINGS))
        elif slot == "TWO_WORD_PLACE":
            sentence.add(rng.choice(TWO_WORD_PLACES))
        elif slot == "EMAIL":
            sentence.add(email(rng), "EMAIL")
        elif slot == "PHONE":
            sentence.add(phone(rng), "PHONE")
        elif slot == "NI":
            sentence.add(ni_number(rng), "NI_NUMBER")
        elif slot == "NHS":
            sentence.add(nhs_number(rng), "NHS_NUMBER")
        elif slot == "BADNHS":
            sentence.add(nhs_number(rng, valid=False))
        elif slot == "PC":
            sentence.add(postcode, "POSTCODE")
        elif slot == "PC_PLACE":
            sentence.add(PC_PLACES[postcode])
        elif slot == "ORG":
            sentence.add(rng.choice(ORGANISATIONS))
        elif slot in ("ROLE", "ROLE_BARE"):
            role = rng.choice(ROLES)
            sentence.add(role if slot == "ROLE" else role.removeprefix("the "))
        elif slot == "PROG":
            sentence.add(rng.choice(PROGRAMMES))
        elif slot == "PLACE":
            sentence.add(rng.choice(PLACES))
        else:
            raise ValueError(f"unknown slot {slot}")
    if sentence.text[0].islower():
        sentence.text = sentence.text[0].upper() + sentence.text[1:]
    return sentence


def main() -> None:
    write_corpus(CORPUS, random.Random(2026), SENTENCES, MIX, full_name, build)


if __name__ == "__main__":
    main()
