"""Write bench/detect_real_dev.jsonl: the development part of the real-prose corpus.

Ten documents in the shapes of published UK public-sector text, each written four times with new
invented people (`bench/real_prose.py`; labelling rules in bench/REAL_PROSE_LABELLING.md): a town
council's minutes, a foundation trust's council of governors, an FOI internal review letter, an
audit committee with names in capitals, a health and wellbeing board, a housing regulator's
inspection report, a police and crime panel, a mental health trust's informal notes (lower-case
surnames), a performance report, and a children's services inspection letter. Names, wording,
places and organisations are invented; no sentence is copied. The detector's rules and its
confidence calibration were tuned on this part; bench/detect_real_heldout.jsonl was not read.

    python bench/make_real_prose_dev.py      # deterministic: seed 2718
"""

from __future__ import annotations

import random
from pathlib import Path

from real_prose import Names, write  # bench/ is on the path when this script runs

SEED = 2718
CORPUS = Path(__file__).with_name("detect_real_dev.jsonl")

FEMALE = """Joanna Rachel Aisling Beatrix Carys Dorota Eilidh Fionnuala Gráinne Harriet Imogen Juno Keeley
Leonie Morwenna Nkechi Olwen Perpetua Rosheen Sunita Thea Ursula Violet Winifred Ayesha Bethan Cressida
Delphine Emer Frances Georgina Hermione Isolde Jessamy Kirsty Lavinia"""
MALE = """Aidan Bartholomew Caradog Dermot Eoin Fraser Gareth Horatio Ifor Jonty Kieran Leighton Magnus
Neville Oisin Peregrine Ruaridh Sebastian Tiernan Umar Vivian Wystan Xavier Yusuf Anselm Bryn Cathal
Dominic Elwyn Finlay Godfrey Hugo Ieuan Jolyon Kenelm"""
SURNAMES = """Patel Hooper Pike Dunne Kearney Aldridge Bellingham Cottrell Delahunty Ellery Farraday Gatenby
Hetherington Ingleby Jephson Kitching Lamplugh Mainwaring Nettleship Ollerenshaw Postlethwaite Quarmby
Riddiough Smales Tunstall Underwood Verity Wagstaff Yelland Attwood Blackledge Coxon Dearden Eastwood
Fawcett Gledhill Heseltine Ironside Jubb Kenworthy Leadbeater Midgley Norcliffe Oddie Pybus Rushworth
Scargill Tetley Umpleby Walsh Ashworth Birtwistle Clegg Drinkwater Emmott Frankland Garside Horsfall
Jagger Kay Lockwood Moorhouse Noble Oates Pollard Redfearn Slingsby Topham Waddington Wilde Young
Ó_Súilleabháin de_la_Cruz van_Rooyen O'Hagan McCartan Okonjo-Baptiste Fitzgerald-Oduya"""

POOLS = {
    "org": ["Northfield Care", "Brightpath Links", "Lantern", "Oakridge Community Interest Company",
            "Hearthstone Living", "Tandem", "Beacon Advocacy", "Riverside Lettings", "Compass Carers",
            "Harbour Lights Hospice"],
    "prog": ["Knowledge Hub", "Connect Well", "Pathways to Work", "Fresh Start", "Safe at Home", "Bridge the Gap",
             "Keeping Well", "Making Every Contact Count", "Home Ready", "First Steps"],
    "road": ["Hawthorn Avenue", "Quarry Hill", "Station Approach", "Beech Crescent", "Victoria Street",
             "Tannery Lane", "Sandpiper Court", "Orchard Rise"],
    "ward": ["Cedar Ward", "Rowan Ward", "Poppy Unit", "Kestrel Ward", "Primrose Ward", "Oak Ward"],
    "room": ["the Mayor's Parlour", "Meeting Room 3", "the Assembly Hall", "the Council Chamber",
             "Conference Room B"],
    "place": ["Ravensworth", "Lowfield", "Brackenbury", "Southmere", "Hollins Cross", "Whitmoor"],
}

TOWN = """
RAVENSWORTH TOWN COUNCIL

Minutes of the Planning and Environment Committee held in {room} on Monday 9 September at 7.00 pm

Present: Councillors {1.init} (Chairman), {2.init}, {3.init}, {4.init} and {5.init}

Officers: {6.full} (Town Clerk), {7.full} (Deputy Clerk)

Also present: Ward Councillor {8.full} and two members of the public

P/112 APOLOGIES FOR ABSENCE

Apologies were received and accepted from Councillors {9.sur} and {10.sur}.

P/113 DECLARATIONS OF INTEREST

Councillor {2.sur} declared an interest in application 24/0611 as a neighbour of the site on {road}.

P/114 MINUTES

RESOLVED that the minutes of the meeting held on 12 August be approved and signed by the Chairman.

P/115 PLANNING APPLICATIONS

24/0598 {11.tfull}, 14 {road}: single-storey rear extension. No objection.

24/0611 {org}: change of use of the former bank on {road} to a community cafe. Councillors {3.sur} and {4.sur} spoke in support. The committee raised no objection but asked that the opening hours be limited.

P/116 THE RT HON {12.caps} MP

The Clerk reported a reply from the Rt Hon {12.full} MP about the closure of the post office in {place}. {12.tsur} had raised the matter with the Post Office and would write again in October.

P/117 CORRESPONDENCE

A letter from {13.tfull} about litter on {road} was noted. {6.first} would ask the district council to add an extra bin.

The meeting closed at 8.20 pm.

Chairman .......................... Date ..................
"""

GOVERNORS = """
Lowfield Teaching Hospitals NHS Foundation Trust

COUNCIL OF GOVERNORS
Minutes of the meeting held on 3 June in the Education Centre

Present: {1.tfull} (Trust Chair, presiding), {2.tinit} (Lead Governor), {3.tinit} (Public Governor, {place}), {4.tinit} (Public Governor, {place}), {5.tinit} (Staff Governor), {6.tinit} (Appointed Governor, {org})

In attendance: {7.tinit}, Chief Executive; {8.tinit}, Director of Finance; {9.tinit2}, Company Secretary; {10.full}, Corporate Governance Officer (minutes)

Apologies: {11.tinit}, {12.tinit}, {13.tinit}

CoG 24/17 Chair's welcome

The Chair welcomed everyone, and in particular {14.tfull}, newly elected Public Governor for {place}, to her first meeting.

CoG 24/18 Lead Governor's report

{2.tsur} reported on the Governors' visit to {ward} and {ward}. Governors had spoken with Sister {15.full} and with patients, who praised the food. {3.tsur} asked when the Patient Advice and Liaison Service would return to the main entrance.

CoG 24/19 Performance and finance

{8.tsur} explained the year-end position: a surplus of 0.3m. {4.tsur} asked about the Cost Improvement Programme. The Director of Finance confirmed that 82 per cent had been delivered recurrently.

CoG 24/20 Appointment of Non-Executive Director

The Council APPROVED the recommendation of the Nominations Committee to appoint {16.tfull} as a Non-Executive Director for three years. {16.first} {16.sur} has worked in local government finance for twenty years.

CoG 24/21 Any other business

{5.tsur} thanked the Staff Side Representative, {17.full}, for organising the {prog} sessions. There was no other business.
"""

REVIEW = """
Southmere District Council
Legal and Democratic Services
Town Hall, {road}, Southmere

Ref: IR 0193 (FOI 2412)
5 July

Dear {1.full},

Internal review of your request for information

I write in reply to your email of 11 June, asking for an internal review of our response to your request about the {prog} contract. I am the Monitoring Officer and I was not involved in the original response.

Your original request

You asked for the contract between the Council and {org}, and for the names of the officers on the evaluation panel.

My review

I have read the request, the response sent by {2.full} on 30 May, and the papers held by the Procurement Team. I agree that the contract should be released, with the prices in Schedule 4 withheld under section 43(2). I do not agree that all the names of the panel should have been withheld. {3.tinit}, Assistant Director of Housing, chaired the panel and is a senior officer whose role is public; her name is now released. The names of the two junior officers remain withheld under section 40(2).

Enclosed are Schedule 1 and Annex C, redacted as above.

If you remain dissatisfied, you may apply to the Information Commissioner.

Yours sincerely

{4.caps}
Monitoring Officer

Contact: {5.full} Committee Officer, Legal and Democratic Services, telephone 01632 960 177
"""

AUDIT = """
AUDIT AND RISK COMMITTEE

MINUTES OF MEETING HELD ON 26 APRIL

PRESENT
{1.caps} (CHAIR)
{2.caps}
{3.caps}

IN ATTENDANCE
{4.tcaps} - DIRECTOR OF RESOURCES
{5.tcaps} - HEAD OF INTERNAL AUDIT
{6.caps} - EXTERNAL AUDIT, {org}

1. APOLOGIES AND DECLARATIONS

Apologies had been received from {7.tfull}. No interests were declared.

2. INTERNAL AUDIT PROGRESS REPORT

{5.tsur} presented the report. Seven of the eleven reviews in the plan were complete. The review of payroll had given limited assurance, because starters and leavers were not checked against the establishment each month. {2.first} asked whether the Staff Side had been consulted; {4.tsur} said that they had.

3. EXTERNAL AUDIT PLAN

{6.full} introduced the plan. The fee had risen by 9 per cent. Significant risks were the valuation of land and buildings and the pension liability.

4. RISK REGISTER

The committee reviewed the corporate risks. Risk CR07 (cyber security) remained red. The Head of ICT would attend in July.

5. ITEMS FOR INFORMATION

Anti-fraud update; Counter Fraud Annual Report; Gifts and Hospitality Register.

ACTIONS
{4.init} - payroll action plan by June
{5.init} - follow-up review of payroll
"""

HWB = """
Whitmoor Health and Wellbeing Board

Minutes of the meeting held on 14 November

Members present: Cllr {1.full} (Chair, Leader of the Council), {2.tinit}, Director of Public Health, {3.tinit}, Director of Children's Services, {4.tinit}, Director of Finance, Whitmoor Place, {5.tinit}, Healthwatch Whitmoor

Officers present: {6.tinit}, Strategy Manager, and {7.tinit}, Democratic Services

31. Apologies

Apologies were received from {8.tinit}, {9.tinit} and Councillor {10.sur}.

32. Joint Local Health and Wellbeing Strategy

{2.tsur} presented the refreshed strategy. Healthy life expectancy in the most deprived wards was nine years lower than in the least deprived. Members welcomed the {prog} programme delivered with {org}. {5.tsur} said that residents had asked for services to be closer to home, for example in the community hub on {road}.

33. Better Care Fund

{4.tinit} reported that the Better Care Fund plan had been signed off. The Disabled Facilities Grant was fully committed.

34. Pharmaceutical Needs Assessment

The Board agreed that the draft be published for consultation. {6.first} would lead the work.

35. Date of next meeting

Thursday 13 February, at {room}.

Signed by the Chair: {1.tfull}
"""

HOUSING = """
Regulatory judgement and inspection report

Landlord: {org} Housing Association
Date: 18 September

Consumer standards grading: C2
Governance: G1
Viability: V2

Summary

We have concluded that {org} meets the governance requirements. However, there are weaknesses in how it meets the Safety and Quality Standard, in particular on damp and mould in older homes on {road} and {road}.

How we reached our conclusion

We inspected the landlord between 2 and 5 July. We met the chief executive, {1.tfull}, the chair of the board, {2.tfull}, the director of assets, {3.tinit}, and the tenant representatives on the Customer Voice panel. Tenants in {place} told us repairs were often cancelled at short notice.

The landlord's own data shows that 412 homes lack a current electrical safety certificate. {1.tsur} told us a contractor had been appointed and that all certificates will be renewed by March. The board receives monthly reports from the Head of Compliance, {4.full}.

Complaints

The Housing Ombudsman made two findings of severe maladministration in the past year. One tenant, {5.tfull}, waited nine months for a repair to a leaking roof.

Contact

Please address questions to {6.full}, Regulatory Lead, at the address on our website.
"""

PANEL = """
Brackenbury Police and Crime Panel

Minutes of a meeting held on Friday 19 January, 10.00 am

Present: Councillor {1.full} (Chair), Councillors {2.sur}, {3.sur}, {4.sur} and {5.sur}, and {6.full} and {7.full} (Independent Co-opted Members)

In attendance: {8.tfull} (Police and Crime Commissioner), {9.tfull} (Chief Executive, Office of the PCC), {10.full} (Panel Support Officer)

1. Apologies

Apologies were received from Councillor {11.full}.

2. Proposed precept

The Commissioner presented the proposed precept, an increase of 13 pounds for a Band D property. Councillors {2.sur} and {4.sur} asked how many neighbourhood officers would be funded. {8.tsur} said 40 more Police Community Support Officers would be recruited.

3. Commissioner's honours

The Panel noted that {12.tfull}, a volunteer with the Community Speedwatch scheme in {place}, had received the British Empire Medal from Her Majesty the King's representative, the Lord-Lieutenant.

4. Complaints

{10.first} reported that no complaints had been received about the Commissioner since the last meeting.

The Panel resolved to support the precept.

Chair: {1.caps}
"""

NOTES = """
Cedar Ward multidisciplinary team meeting - notes

Attendees: {1.lower} (consultant), {2.lower} (ward manager), {3.first} (OT), {4.first} (physio), {5.lower} (social worker)

Nurse {6.full} opened the meeting and confirmed the bed state: 18 of 20 beds occupied, 2 delayed discharges.

Patient A: {3.first} has completed the kitchen assessment. Home visit to {road} booked for Tuesday with {5.first}.

Patient B: waiting for a place at {org}. {2.first} to chase the placement team.

{1.sur} asked that the ward use the {prog} checklist for all discharges this month. Agreed.

AOB: Staff Side rep {7.lower} to attend next week about rotas.

Notes taken by {8.full}, Ward Clerk
"""

PERFORMANCE = """
Integrated Performance Report - Month 8

Operational performance

Four-hour standard: 71.8 per cent against the 76 per cent target. Ambulance handovers over 60 minutes: 214 (Month 7: 251). The Urgent Treatment Centre at {place} opened on 2 November.

Elective recovery: 104-week waits are zero; 78-week waits stand at 12, in Trauma and Orthopaedics. The Referral to Treatment waiting list is 48,120.

Workforce

Vacancy rate 7.9 per cent. Bank and agency spend remains above plan in HP FTE, mostly in Theatres and on {ward}. Sickness absence is 5.2 per cent; stress and anxiety remain the leading cause.

Finance

Year-to-date deficit of 6.4m, 1.1m adverse to plan. No Pay costs are 0.4m over budget. Rework Cases in Outpatients and Clinical Coding add to the pressure.

Quality

Two Serious Incidents were declared. The Friends and Family Test score for inpatients was 94 per cent.

Executive lead: {1.tinit}, Chief Operating Officer

Report author: {2.full}, Head of Performance and Information
"""

CHILDREN = """
Ms {1.full}
Director of Children's Services
Lowfield Metropolitan Borough Council

27 February

Dear {1.first}

Focused visit to Lowfield children's services

This letter summarises the findings of the focused visit to Lowfield children's services on 30 and 31 January. His Majesty's Inspectors for this visit were {2.full} and {3.full}.

Areas covered by the visit

Inspectors looked at the arrangements for children in need and those subject to a child protection plan. They spoke to social workers, team managers and the principal social worker, {4.full}.

What needs to improve

The quality of supervision is too variable. Some plans do not say what needs to change for the child. The {prog} service has reduced the number of children coming into care, but its work is not yet measured.

Leaders, including the Lead Member, Councillor {5.full}, know the service well. The Assistant Director, {6.tinit}, has brought stability to the front door.

Ofsted will take the findings of this focused visit into account at the next inspection.

Yours sincerely

{2.full}
His Majesty's Inspector
"""

DOCUMENTS = [("town council committee minutes", TOWN), ("council of governors minutes", GOVERNORS),
             ("FOI internal review letter", REVIEW), ("audit committee minutes in capitals", AUDIT),
             ("health and wellbeing board minutes", HWB), ("housing regulator inspection report", HOUSING),
             ("police and crime panel minutes", PANEL), ("ward meeting notes", NOTES),
             ("integrated performance report", PERFORMANCE), ("children's services inspection letter", CHILDREN)]


def main() -> None:
    rng = random.Random(SEED)
    write(CORPUS, DOCUMENTS, Names(FEMALE, MALE, SURNAMES, rng), POOLS, rng, copies=4)


if __name__ == "__main__":
    main()
