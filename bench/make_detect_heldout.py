"""Write bench/detect_heldout.jsonl: a held-out corpus for the personal-data detector.

bench/detect_corpus.jsonl was in view while the detector's rules were written,
so its scores are in-sample. This corpus was written separately, without
reading the detector: new sentence templates in the style of UK
contract-performance and steering-group minutes, new invented names (none
shared with bench/make_detect_corpus.py; checked below), and negatives the
first corpus does not carry: organisations and places shaped like people
("Marks & Spencer", "St Thomas' Hospital", "Sheffield Hallam University",
"Lloyds Bank", "the Nightingale wards"), job titles, programmes and reviews
named after people, titled agenda headings, buildings and streets named
after plants and people, NHS-shaped numbers with a wrong check digit and NI
numbers with a never-issued prefix.

Every person, number and address is invented: telephone numbers come from
Ofcom's drama ranges, written in several formats; NI numbers use allocated
prefixes; NHS numbers carry a computed modulus 11 check digit; postcodes are
random in the six UK shapes. Same line format as the first corpus:
{"text", "known": registry names, "spans": [{"start", "end", "category"}]};
every span is checked to hold exactly the value inserted.

    python bench/make_detect_heldout.py       # deterministic: seed 7321
    python bench/detect_benchmark.py bench/detect_heldout.jsonl
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from labelled_corpus import Sentence, nhs_check, write_corpus  # bench/ is on the path when this script runs

SENTENCES = 900
SEED = 7321
CORPUS = Path(__file__).with_name("detect_heldout.jsonl")

FIRST = """Adaeze Bilal Chidi Deepika Eamon Fenella Gwilym Hollie Ibrahim Jolanta Kofi Leocadia Malachy Nadia
Oluwaseun Parveen Quentin Rukhsana Sorcha Teodora Uchenna Vikram Xiaowen Yasmin Zbigniew Anwen Catriona
Dariusz Efua Gurpreet Hiroshi Iolo Jasvinder Khadija Lachlan Mairead Nikhil Oksana Rashida Shona Tomasz
Ugochi Vaishali Wiktoria Yaw Zeynep Bethan Cormac Dorota Emre Folasade Gideon Henrietta Idris Jun""".split()
WORD_FIRST = "Hazel Heather Daisy Iris Rowan Summer Autumn Ruby Guy Sue Chase Patience Charity Carol Sandy Gene Lance Rex Sterling Crystal".split()
SURNAMES = """Abernethy Bajwa Cartwright Dimitriou Entwistle Falconer Grzelak Hargreaves Ilunga Jankowski Kaur
Lomax Mbeki Nowicki Oyelaran Pilkington Quayle Rawcliffe Sutcliffe Tambini Uddin Varga Wetherall Yeboah
Zaman Ackroyd Blenkinsop Chowdhury Dobrev Eze Greenhalgh Holroyd Idowu Kovalenko Lightowler Maguire
Nasser Ogunleye Postlethwaite Ruane Sithole Thackeray Urquhart Villiers Wojcik""".split()
WORD_SURNAMES = """Cross Lane Banks Ford Shepherd Glass Wall Page Sharp Short Lamb Bishop Fisher Hunter Gold Power
Mills Street Wise Best Hart Swan Crane Frost Winter Noble Knight Chambers Booth Small""".split()
HYPHENATED = "Ferreira-Holt Khan-Whitaker Daly-Osei Armitage-Nwosu Wilde-Kaur Lindgren-Shaw Coates-Bajwa Mensah-Lowe".split()
APOSTROPHE = "O'Rourke O'Brien D'Angelo O'Keeffe O'Mahony D'Costa O'Dwyer O'Flaherty".split()
TITLES = "Mr Mrs Ms Miss Mx Dr Dr. Professor Prof. Cllr Councillor".split()
SIR_FIRST = "Desmond Gareth Anand Malcolm Rupert Kwabena".split()
DAME_FIRST = "Felicity Moira Yvonne Priti Eleanor Olufunke".split()
PARTICLE_NAMES = ["Sanne de Vries", "Joost van den Heuvel", "Carlota de la Vega", "Lorenzo della Rocca",
                  "Friederike von Arnim", "Hamid bin Saleh", "Leonor dos Santos", "Anouk ter Beek",
                  "Mateus da Costa", "Nour el-Khoury"]
ACCENTED_NAMES = ["Zoé Lefèvre", "Ciarán Ó Murchú", "Aoife Ní Shé", "Mónica Ibáñez", "Małgorzata Kowalczyk",
                  "Søren Østergaard", "Hélène Bérubé", "Tomás Ó Ceallaigh", "Çağla Yılmaz", "Dagný Jónsdóttir",
                  "Gwenllïan Prys", "Raphaël Dubois"]

# Not people, though several are shaped like them or named after someone.
ORGANISATIONS = """Marks & Spencer|Lloyds Bank|Sheffield Hallam University|Liverpool John Moores University|
the Joseph Rowntree Foundation|the Nuffield Trust|the King's Fund|Anglia Ruskin University|Leeds Beckett University|
Oxford Brookes University|Edge Hill University|Barnardo's|the Florence Nightingale Foundation|
Wakefield Occupational Therapy Partners|Rawdon Clinical Assessments Ltd|Holbeck Health Solutions LLP|
the Crown Commercial Service|Companies House|Royal Mail|Whitcombe & Greaves Solicitors|Sterling Hart Consulting Ltd|
the Commercial Assurance Directorate|the Integrated Care Board|Aire Valley Diagnostics plc""".replace("\n", "").split("|")
HOSPITALS = """St Thomas' Hospital|Alder Hey Children's Hospital|Addenbrooke's Hospital|Great Ormond Street Hospital|
Guy's Hospital|King's College Hospital|the Royal Marsden|St James's University Hospital|the Princess Royal Hospital|
Queen Elizabeth Hospital Birmingham|the Royal Victoria Infirmary|the Nightingale wards|Wythenshawe Hospital|
the Christie""".replace("\n", "").split("|")
ROLES = """the Deputy Chief Nurse|the Caldicott Guardian|the Senior Responsible Owner|the Data Protection Officer|
the Medical Director|the Freedom to Speak Up Guardian|the Head of Estates|the Chief Medical Adviser|
the Commercial Category Manager|the Programme Director|the Lead Clinician|the Accounting Officer|
the Head of Supplier Performance|the Deputy Director of Health Assessments|the Service Owner|
the Interim Head of Finance""".replace("\n", "").split("|")
PROGRAMMES = """Project Nightingale|Operation Bluebell|the Better Care Fund|Project Sterling|the Victoria Programme|
Project Florence|the Digital Front Door programme|the Carter Review|Project Elgar|the Beveridge Programme|
the Rowan Pathway|Project Wilberforce|the Marmot Principles work|Project Ada""".replace("\n", "").split("|")
HEADINGS = """Matters Arising|Declarations of Interest|Risk Register|Service Credits|Data Protection|Estates Update|
Freedom of Information|Safeguarding Update|Performance Review|Contract Variations|Clinical Audit|Forward Look|
Date of Next Meeting|Social Value|Previous Minutes|Continuous Improvement""".replace("\n", "").split("|")
PLACES = """Beverley|Stanley|Shirley|Bradley Stoke|Whitley Bay|Hebden Bridge|Bury St Edmunds|Chester-le-Street|
Stratford-upon-Avon|Newton Aycliffe|St Albans|Port Talbot|Ashby-de-la-Zouch|Kings Lynn|Morley|Maryport|
Sutton-in-Ashfield|Warren Street|Stanley Park|Rowan House|Heather Court|Daisy Bank Road|Victoria House|
Quarry House, Leeds|Wellington Place|Albert Dock|Prince's Dock|Shepherd Street depot|Frost Lane""".replace("\n", "").split("|")
SYSTEMS = ["Microsoft Teams", "Power BI", "the Jackson dashboard", "the Hunter booking system", "SharePoint"]

UNKNOWN_PERSON = [
    "{P} took an action to circulate the revised mobilisation plan to members.",
    "{P} reported that 46 assessors were in training and 12 would sign off in November.",
    "Members noted the concerns raised by {P} about the length of the telephone queue.",
    "{P} updated the group on the move of the {PLACE} centre to new premises.",
    "{T} reminded the group that the contract variation had not yet been signed.",
    "The chair invited {T} to present the quarterly customer experience report.",
    "{P}, representing {ORG}, said the supplier would meet the November target.",
    "{P} and {T} will jointly review the case-file sample before the next meeting.",
    "The group agreed that {T} would write to {ORG} setting out the concerns.",
    "An apology was recorded from {T}, who was attending {HOSP} for a clinic.",
    "{P} confirmed that the complaint from the claimant at {PLACE} had been upheld.",
    "The secretariat will forward the revised terms of reference to {P}.",
    "A claimant, {P}, had written to the Minister about the delay to her assessment.",
    "{T} stood in for {ROLE} and presented the finance update.",
    "{P}'s note on sickness absence was taken as read.",
    "{P} left the meeting after item 4.",
    "Present: {P} (Chair), {P}, {T} and {ROLE}.",
    "{T} declared an interest as a trustee of {ORG}.",
    "It was agreed that {P} would attend the deep-dive at {HOSP} on 14 November.",
    "The panel heard from {SIR}, who had reviewed the assurance framework for {ORG}.",
    "{DAME} thanked the secretariat for the papers, which had arrived on time.",
    "Notes taken by {P}, Secretariat.",
    "In response to a question from {T}, {ROLE} said the audit would close in March.",
    "Comments on the draft should be sent to {P} by close of play on Friday.",
]
KNOWN_PERSON = [
    "{K} chaired the meeting in the absence of {ROLE}.",
    "{KT} asked whether the backlog figures had been validated by {ORG}.",
    "{K}'s summary of the recovery plan was accepted by members.",
    "It was noted that {KT} had met {ORG} on 3 October.",
    "ACTION: {KCAPS} to provide a breakdown of cancelled appointments by centre.",
    "{KT}'s team is updating the risk register following the audit.",
    "{K} agreed to take the item on {HEADING} at the next meeting.",
    "The minutes were approved, with {KT} asking that her comments be recorded.",
    "{K} and {P} will meet {ROLE} to agree the escalation route.",
]
CONTACT = [
    "{P} can be contacted at {EMAIL} or on {PHONE}.",
    "The out-of-hours number for {ROLE} is {PHONE}.",
    "Enquiries about the tender should go to {EMAIL}.",
    "The claimant (NHS No. {NHS}) was seen at {HOSP} on 9 October.",
    "Her NHS number, {NHS}, was entered twice on the referral.",
    "Correspondence for the claimant should go to 14 Mill Lane, {PC}.",
    "The home visit to {PC} was rebooked for the following week.",
    "The claimant's National Insurance number ({NI}) appeared in the subject line of an email.",
    "The case with NINo {NI} has been referred back to the decision maker.",
    "{T} asked to be telephoned on {PHONE} rather than emailed.",
    "The secretariat mailbox {EMAIL} will close at the end of March; use {EMAIL} instead.",
    "Details: {NI}, NHS {NHS}, postcode {PC}.",
    "A personal telephone number, {PHONE}, was included in the paper in error and will be removed.",
    "The sender, {EMAIL}, has been asked not to include claimant details in emails.",
    "The assessment was moved to the centre nearest {PC} at the claimant's request.",
    "Call {PHONE} or write to the Complaints Team, PO Box 9112, {PC}.",
    "The referral quoted NHS number {NHS} but gave the wrong date of birth.",
    "{P} (NHS {NHS}) attended the rescheduled appointment on 21 October.",
]
NEGATIVE = [
    "{ROLE} confirmed that the estates survey of {HOSP} was complete.",
    "The pilot at {HOSP} will run alongside {PROG} until March.",
    "Staff from {ORG} joined the meeting on {SYSTEM}.",
    "{ORG} has agreed to host the regional assessor induction.",
    "The group discussed the findings of {PROG} and agreed no further action.",
    "Under {HEADING}, {ROLE} reported no new issues.",
    "{HEADING}: none were raised.",
    "The site at {PLACE} passed its fire inspection in September.",
    "Assessments at {PLACE} and {PLACE} were suspended during the power outage.",
    "The purchase order {BADNHS} was raised in error and has been cancelled.",
    "Ticket {BADNHS} on the IT service desk relates to the scheduling fault.",
    "Example text on the form guidance, {BADNI}, will be replaced with a blank field.",
    "Frost damage closed the car park at {PLACE} for two days.",
    "A sharp rise in rescheduled appointments was reported in Lot 2.",
    "Will members please send any comments on the draft to the secretariat.",
    "Service credits totalling £18,420 were applied for September.",
    "The contract reference is DCS/2025/0417 and the call-off value is £4.2m.",
    "Turnaround for paper-based assessments averaged 27.4 working days against a target of 25.",
    "{ROLE} of {ORG} will bring the revised data-sharing agreement to {HEADING}.",
    "Vouchers from {ORG} were offered as a retention incentive for new assessors.",
    "The Hunter booking system will be replaced in the spring.",
    "Patience was urged while the new telephony platform beds in.",
    "Heather and gorse fires near the {PLACE} centre caused one day of closures.",
]
HARD = [
    "{INITIALLED} will pick up the actions from the previous meeting.",
    "Action {REF}: {SHOUTED} to confirm the staffing position at {PLACE}.",
    "{PARTICLE} gave an overview of the audit methodology.",
    "The item was introduced by {ACCENTED}.",
    "{FIRST} said the October figures would be late.",
    "Thanks to {FIRST} for pulling the data together at short notice.",
    "{WORDNAME} raised the question of travel costs for claimants in rural areas.",
    "The group thanked {WORDNAME} for her work on the revised guidance.",
    "{HOSP} and {ORG} will share the clinical workforce data.",
    "{PLACE} reported the lowest sickness rate in the region.",
    "{INITIALLED} and {PARTICLE} will review the Lot 1 trajectory.",
    "{KFIRST} agreed to draft the covering letter.",
    "{SIRSHORT} asked that the point be minuted.",
    "{ACCENTED}'s report was welcomed by {ROLE}.",
]
MIX = [(UNKNOWN_PERSON, 0.31), (KNOWN_PERSON, 0.15), (CONTACT, 0.22), (NEGATIVE, 0.17), (HARD, 0.15)]

# Ofcom's ranges reserved for drama: (prefix, local part before the last three digits).
DRAMA_RANGES = [("0113", "496 0"), ("0114", "496 0"), ("0115", "496 0"), ("0116", "496 0"), ("0117", "496 0"),
                ("0118", "496 0"), ("0121", "496 0"), ("0131", "496 0"), ("0141", "496 0"), ("0151", "496 0"),
                ("0161", "496 0"), ("020", "7946 0"), ("029", "2018 0"), ("028", "9649 6"), ("01632", "960"),
                ("07700", "900"), ("0808", "157 0"), ("0306", "999 0")]
POSTCODE_AREAS = ["LS", "M", "B", "S", "HU", "DN", "WF", "HX", "NG", "L", "CF", "EH", "BT", "SW", "W", "EC", "N", "E",
                  "BD", "YO", "NE", "LE", "G", "SE", "WC", "HD", "OL", "TS", "PR", "CV"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
TOWNS = ["Leeds", "Wakefield", "Halifax", "Nottingham", "Cardiff", "Belfast", "Edinburgh", "Hull"]


def surname(rng: random.Random) -> str:
    pool = rng.choices([SURNAMES, WORD_SURNAMES, HYPHENATED, APOSTROPHE], weights=[0.45, 0.3, 0.12, 0.13])[0]
    return rng.choice(pool)


def full_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(PARTICLE_NAMES)
    if roll < 0.12:
        return rng.choice(ACCENTED_NAMES)
    first = rng.choice(WORD_FIRST if rng.random() < 0.25 else FIRST)
    return f"{first} {surname(rng)}"


def titled(rng: random.Random, name: str | None = None) -> str:
    title = rng.choice(TITLES)
    if name is None:
        return f"{title} {surname(rng)}" if rng.random() < 0.75 else f"{title} {full_name(rng)}"
    if name in PARTICLE_NAMES or len(name.split()) > 2:  # "Dr van den Heuvel", "Mr Ó Murchú"
        return f"{title} {name.split(' ', 1)[1]}"
    return f"{title} {name.split()[-1]}"


def phone(rng: random.Random) -> str:
    prefix, local = rng.choice(DRAMA_RANGES)
    number = f"{prefix} {local}{rng.randrange(1000):03d}"
    digits = number.replace(" ", "")
    national = digits[1:]
    style = rng.randrange(8)
    if style == 0:
        return digits                                       # 01134960123
    if style == 1:
        return f"+44 {number[1:]}"                          # +44 113 496 0123
    if style == 2:
        return f"+44 (0){number[1:]}"                       # +44 (0)113 496 0123
    if style == 3:
        return f"({prefix}) {number[len(prefix) + 1:]}"     # (0113) 496 0123
    if style == 4:
        return number.replace(" ", "-")                     # 0113-496-0123
    if style == 5:
        return f"+44{national}"                             # +441134960123
    return number                                          # 0113 496 0123


def ni_number(rng: random.Random, valid: bool = True) -> str:
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    if valid:
        while (prefix := rng.choice(first) + rng.choice(second)) in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
            pass
    else:  # never issued: a D, F, I, Q, U or V, an O second, or an excluded pair
        prefix = rng.choice(["QQ", "DF", "FY", "VA", "UI", "AO", "GB", "NK", "TN", "ZZ"])
    digits = f"{rng.randrange(1_000_000):06d}"
    suffix = rng.choice("ABCD")
    return rng.choice([
        f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}",
        f"{prefix}{digits}{suffix}",
        f"{prefix} {digits} {suffix}",
        f"{prefix}{digits[:2]} {digits[2:4]} {digits[4:]}{suffix}",
    ])


def nhs_number(rng: random.Random, valid: bool = True) -> str:
    while True:
        digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
        check = nhs_check(digits)
        if valid and check != 10:
            last = check
            break
        if not valid:
            last = rng.choice([d for d in range(10) if d != check])
            break
    text = "".join(map(str, digits + [last]))
    assert (nhs_check([int(c) for c in text[:9]]) == int(text[9])) == valid
    separator = rng.choice([" ", " ", "", "-"])
    return f"{text[:3]}{separator}{text[3:6]}{separator}{text[6:]}"


def postcode(rng: random.Random) -> str:
    area = rng.choice(POSTCODE_AREAS)
    shape = rng.randrange(4)
    if shape == 0:
        outward = f"{area}{rng.randrange(1, 10)}"
    elif shape == 1:
        outward = f"{area}{rng.randrange(10, 30)}"
    elif area in ("W", "EC", "SW", "E", "N", "WC", "SE"):
        outward = f"{area}{rng.randrange(1, 10)}{rng.choice('ABCEHJKMNPRVWXY')}"  # W1A, EC2M, SW1P
    else:
        outward = f"{area}{rng.randrange(1, 10)}"
    inward = f"{rng.randrange(10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return f"{outward}{inward}" if rng.random() < 0.15 else f"{outward} {inward}"


def email(rng: random.Random) -> str:
    first, last = rng.choice(FIRST + WORD_FIRST).lower(), surname(rng).lower().replace("'", "")
    domain = rng.choice(["example.com", "example.org", "example.net", "dwp-contracts.example.gov.uk",
                         "rawdon-clinical.example.co.uk", "nhs.example.net", "holbeck.example.co.uk"])
    local = rng.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last}{rng.randrange(1, 99)}",
                        f"{first}_{last}", f"{last}.{first[0]}", "cpg.secretariat", "contracts.team",
                        f"{first.capitalize()}.{last.title()}"])
    return f"{local}@{domain}"


def build(template: str, rng: random.Random, registry: list[str]) -> Sentence:
    sentence = Sentence()
    for piece in re.split(r"(\{[A-Z_]+\})", template):
        slot = piece[1:-1] if piece.startswith("{") else None
        if slot is None:
            sentence.add(piece)
        elif slot == "P":
            sentence.add(full_name(rng), "PERSON")
        elif slot == "T":
            sentence.add(titled(rng), "PERSON")
        elif slot == "SIR":
            sentence.add(f"Sir {rng.choice(SIR_FIRST)} {surname(rng)}", "PERSON")
        elif slot == "SIRSHORT":
            sentence.add(rng.choice([f"Sir {rng.choice(SIR_FIRST)}", f"Dame {rng.choice(DAME_FIRST)}"]), "PERSON")
        elif slot == "DAME":
            sentence.add(f"Dame {rng.choice(DAME_FIRST)} {surname(rng)}", "PERSON")
        elif slot == "K":
            sentence.add(rng.choice(registry), "PERSON")
        elif slot == "KT":
            sentence.add(titled(rng, rng.choice(registry)), "PERSON")
        elif slot == "KCAPS":
            sentence.add(rng.choice(registry).upper(), "PERSON")
        elif slot == "KFIRST":
            sentence.add(rng.choice(registry).split()[0], "PERSON")
        elif slot == "INITIALLED":
            first, last = rng.choice(FIRST + WORD_FIRST), surname(rng)
            sentence.add(rng.choice([f"{first[0]}. {last}", f"{first[0]} {last}", f"{first[0]}.{rng.choice(FIRST)[0]}. {last}"]),
                         "PERSON")
        elif slot == "SHOUTED":
            sentence.add(full_name(rng).upper(), "PERSON")
        elif slot == "PARTICLE":
            sentence.add(rng.choice(PARTICLE_NAMES), "PERSON")
        elif slot == "ACCENTED":
            sentence.add(rng.choice(ACCENTED_NAMES), "PERSON")
        elif slot == "FIRST":
            sentence.add(rng.choice(FIRST), "PERSON")
        elif slot == "WORDNAME":
            sentence.add(f"{rng.choice(WORD_FIRST)} {rng.choice(WORD_SURNAMES)}", "PERSON")
        elif slot == "EMAIL":
            sentence.add(email(rng), "EMAIL")
        elif slot == "PHONE":
            sentence.add(phone(rng), "PHONE")
        elif slot == "NI":
            sentence.add(ni_number(rng), "NI_NUMBER")
        elif slot == "BADNI":
            sentence.add(ni_number(rng, valid=False))
        elif slot == "NHS":
            sentence.add(nhs_number(rng), "NHS_NUMBER")
        elif slot == "BADNHS":
            sentence.add(nhs_number(rng, valid=False))
        elif slot == "PC":
            sentence.add(postcode(rng), "POSTCODE")
        elif slot == "ORG":
            sentence.add(rng.choice(ORGANISATIONS))
        elif slot == "HOSP":
            sentence.add(rng.choice(HOSPITALS))
        elif slot == "ROLE":
            sentence.add(rng.choice(ROLES))
        elif slot == "PROG":
            sentence.add(rng.choice(PROGRAMMES))
        elif slot == "HEADING":
            sentence.add(rng.choice(HEADINGS))
        elif slot == "PLACE":
            sentence.add(rng.choice(PLACES))
        elif slot == "SYSTEM":
            sentence.add(rng.choice(SYSTEMS))
        elif slot == "REF":
            sentence.add(f"SG-{rng.randrange(2501, 2612)}-{rng.randrange(1, 20):02d}")
        else:
            raise ValueError(f"unknown slot {slot}")
    if sentence.text[0].islower() and not (sentence.spans and sentence.spans[0]["start"] == 0):
        sentence.text = sentence.text[0].upper() + sentence.text[1:]
    return sentence


def check_independent() -> None:
    """No invented name is shared with the in-sample corpus's lists."""
    import make_detect_corpus as first  # bench/ is on the path when this script runs

    old = {*first.FIRST, *first.WORD_FIRST, *first.SURNAMES, *first.WORD_SURNAMES, *first.HYPHENATED,
           *first.APOSTROPHE, *(word for name in first.PARTICLE_NAMES + first.ACCENTED_NAMES for word in name.split())}
    new = {*FIRST, *WORD_FIRST, *SURNAMES, *WORD_SURNAMES, *HYPHENATED, *APOSTROPHE, *SIR_FIRST, *DAME_FIRST,
           *(word for name in PARTICLE_NAMES + ACCENTED_NAMES for word in name.split() if word[0].isupper())}
    shared = sorted(new & old - {"Ó", "Ní"})
    assert not shared, f"names shared with the in-sample corpus: {shared}"


def main() -> None:
    check_independent()
    write_corpus(CORPUS, random.Random(SEED), SENTENCES, MIX, full_name, build)


if __name__ == "__main__":
    main()
