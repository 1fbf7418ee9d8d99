"""Write bench/detect_real_heldout.jsonl: the held-out part of the real-prose corpus.

Written before the detector was changed for real prose, and not read while it was: six documents
in the shapes of published UK public-sector text (NHS trust board minutes, a council scrutiny
committee's minutes, an FOI response letter, a care-home inspection report, an integrated care
board's quality committee minutes with an initials column, a school inspection letter), each
written three times with new invented people (`bench/real_prose.py`, labelling rules in
bench/REAL_PROSE_LABELLING.md). Names, wording, places and organisations are invented; no
sentence is copied from a real document.

    python bench/make_real_prose_heldout.py      # deterministic: seed 4417
"""

from __future__ import annotations

import random
from pathlib import Path

from real_prose import Names, write  # bench/ is on the path when this script runs

SEED = 4417
CORPUS = Path(__file__).with_name("detect_real_heldout.jsonl")

FEMALE = """Ailsa Bronagh Ceridwen Delyth Elspeth Folasade Greer Hafsa Ishbel Jocasta Kerensa Lowri Marit
Niamh Orla Philippa Rhiannon Saoirse Tamsin Una Verity Wenona Yewande Zofia Aoife Blessing Clodagh Dilys
Esme Farzana Gwenllian Henrietta Ines Jemima"""
MALE = """Alasdair Barnaby Cormac Dewi Emeka Fergal Gethin Hamish Idris Jago Kwabena Lorcan Mungo Ned
Osian Pádraig Rhodri Seamus Tobias Ulrich Vaughan Wilf Yannick Zak Aled Benedict Crispin Declan Ewan
Faisal Gideon Hywel Iestyn Joachim"""
SURNAMES = """Hallworth McAleese Pike Dunne Kearney Rowntree Abernethy Blenkinsop Cartwright-Oyelaran Dimmock
Ekwueme Fairbrother Gilchrist Hebblethwaite Inglis Jagger Kilbride Loughlin Mottram Nuttall Ogunleye
Pilkington Quigley Ravenscroft Stobbart Thistlethwaite Urquhart Varley Wetherall Yeadon Zaheer Ackroyd
Bamford Crowther Duckworth Entwistle Fitzsimmons Greenhalgh Haworth Illingworth Jessop Kettlewell
Lumb McGuigan Nwachukwu O'Rourke Priestley Ramsbottom Sowerby Tattersall Uttley Vickerman Whitworth
Arkwright Brearley Cheetham Dobson Eccles Fothergill Grimshaw Holroyd Ibbotson Jowett Kershaw Lister
Mellor Naylor Oldroyd Pickles Rhodes Shackleton Thackray Wainwright Whiteley Sutcliffe Ormerod
de_Souza van_Tonder Mac_Giolla D'Souza Ní_Bhriain"""

POOLS = {
    "org": ["Northgate Community Care", "Harbourside Housing", "Brightwater Partnership", "Meadowfield Homes",
            "Castleview Pharmacy", "Tidewell", "Kestrel Logistics", "Greenacre Support", "Pennington Clinical",
            "Riverbend Therapies"],
    "prog": ["Recovery Rooms", "Clear Path", "Home First", "Time to Talk", "Stepping Stones", "Warm Homes Fund",
             "Healthy Start", "Better Care Fund", "Safe Haven", "Open Door"],
    "road": ["Ashcombe Drive", "Marine Parade", "Mill Lane", "Chapel Street", "Foxglove Close", "Kingfisher Way",
             "Wellington Terrace", "Priory Road"],
    "ward": ["Larkspur Ward", "Bluebell Ward", "Heron Ward", "Willow Unit", "Ash Ward", "Maple Ward"],
    "room": ["Committee Room 2", "the Board Room", "the Jubilee Room", "the Council Chamber", "Room G14"],
    "place": ["Northfield", "Eastmoor", "Hallbrook", "Westcliff", "Kingsmead", "Thornbury Vale"],
}

BOARD = """
ASHDALE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST
MINUTES OF THE PUBLIC BOARD OF DIRECTORS MEETING
Held on Thursday 12 March in {room}, Ashdale General Hospital

PRESENT:
{1.tfull} Chair
{2.tinit} Chief Executive
{3.tinit} Director of Finance
{4.tinit2} Medical Director
{5.tinit} Chief Nurse
{6.tfull} Non-Executive Director
{7.tinit} Non-Executive Director

IN ATTENDANCE:
{8.tinit} Trust Secretary (minutes)
{9.tinit} Director of Estates and Facilities
{10.tinit} Public Governor
{11.full} Staff Side Representative

APOLOGIES:
{12.tinit}, Director of People; {13.tinit}, Non-Executive Director

BD/24/031 WELCOME AND DECLARATIONS OF INTEREST

The Chair welcomed members and observers to the meeting, in particular {14.tfull}, who was attending as the newly elected Public Governor for {place}. There were no new declarations of interest. {7.tsur} reminded the Board that she remained a trustee of {org}.

BD/24/032 MINUTES OF THE PREVIOUS MEETING AND ACTION LOG

The minutes were approved as an accurate record subject to one amendment at Minute No 24/019, where the name of the Deputy Chief Operating Officer should read {15.tinit}. Action BD/23/114 (Annex F) was closed.

BD/24/033 PATIENT STORY

{5.tsur} introduced the story of a patient cared for on {ward}, who had asked that it be shared. The patient's daughter described how Nurse {16.full} and the team had arranged for the family to stay overnight. {1.first} thanked the ward team and asked that the Board's thanks be passed on.

BD/24/034 CHIEF EXECUTIVE'S REPORT

{2.tsur} presented the report. The {prog} pilot had reduced delayed discharges on {ward} by a fifth. The Care Quality Commission had rated the maternity service Requires Improvement, and a plan owned by the Chief Nurse would come to the Quality Committee in May. The Board NOTED the report.

BD/24/035 FINANCE REPORT MONTH 10

{3.tsur} reported a deficit of 2.1m against a planned 1.4m. Agency spend remained high in the HP FTE lines and in Rework Cases in outpatients. {6.first} {6.sur} asked whether the No Pay position had been validated; {3.tinit} confirmed it had, with Internal Audit.

ITEMS FOR DECISION

The Board APPROVED the revised Standing Financial Instructions and the Internal Audit Charter.

Signed: {1.caps}, CHAIR          Date: 9 April
"""

SCRUTINY = """
Eastmoor Borough Council

Adult Social Care and Health Scrutiny Committee

Minutes of the meeting held at the Town Hall, {road}, on Tuesday 4 February at 6.30 pm

Present: Councillor {1.full} (Chair); Councillors {2.init}, {3.init}, {4.init} and {5.init}

Also present: Councillor {6.full} (Cabinet Member for Adult Social Care); {7.full}, Director of Adult Services; {8.tinit}, Head of Commissioning; {9.full}, Democratic Services Officer

45. APOLOGIES FOR ABSENCE

Apologies were received from Councillors {10.sur} and {11.sur}. Councillor {12.full} attended as a substitute.

46. DECLARATIONS OF INTEREST

Councillor {3.sur} declared a non-pecuniary interest in item 48 as her mother lives in a care home on {road}. Councillor {4.sur} declared that he is a Ward Councillor for {place}.

47. PUBLIC QUESTIONS

{13.tfull} of {road}, {place}, asked why the day centre at {org} had closed without consultation. The Cabinet Member replied that the service had moved to the Knowledge Hub at the library and that she would write to {13.tsur} with the figures.

48. CARE HOME QUALITY UPDATE

{7.full} introduced the report. Of 41 homes in the borough, 6 were rated Requires Improvement and one Inadequate. Councillors {2.sur} and {5.sur} asked about the closure of {org}, and were told that all 23 residents had moved safely. {8.tsur} explained that the Trusted Assessor scheme and the {prog} programme had shortened waits for assessment. Members thanked the Carer representative, {14.first}, for her statement.

RESOLVED: That the report be noted and a further update be brought to the committee in July.

49. WORK PROGRAMME

The committee agreed to add Universal Credit and its effect on care charges, and the State Pension Age changes, to the work programme.

The meeting ended at 8.05 pm.

Contact: {9.full} Democratic Services Officer, telephone 01632 960 418
"""

FOI = """
Information Governance Team
Westcliff City Council
Civic Centre, {road}

Our ref: FOI/2024/0871
Date: 14 May

Dear {1.full},

Freedom of Information Act 2000: request for information

Thank you for your request received on 18 April, in which you asked for the names of the officers who approved the closure of the {prog} service, and for the minutes of the meeting at which it was decided.

You asked for:
1. The minutes of the Housing Management Team meeting of 6 March.
2. The names and job titles of those present.

Response

We hold the information. A copy of the minutes is attached. The names of senior officers (Head of Service and above) are released: the decision was taken by {2.tinit}, Director of Housing, on the advice of {3.full}, Head of Tenancy Services. The names of junior staff have been withheld under section 40(2), because they would not expect their names to be published. The Work Coaches seconded from {org} are not named in the minutes.

Annex A lists the documents released. Where the minutes mention a tenant of {road}, the name has been removed.

If you are unhappy with this response you may ask for an internal review by writing to the Information Governance Manager, {4.full}, at the address above, within 40 working days. If you remain dissatisfied you may complain to the Information Commissioner.

Yours sincerely,

{5.full}
Information Governance Officer
"""

INSPECTION = """
INSPECTION REPORT

Kingfisher House Care Home
{road}, {place}

Provider: {org} Limited
Registered manager: {1.full}
Date of inspection: 2 and 3 October

Overall rating: Requires Improvement

Is the service safe? Requires Improvement
Is the service effective? Good
Is the service caring? Good
Is the service well-led? Requires Improvement

About the service

Kingfisher House is a residential care home providing personal care to up to 38 people, some of whom live with dementia. Care is given across two floors, {ward} and {ward}.

People's experience of using this service

People told us they felt safe. One relative said, "Staff like {2.first} know my dad really well." Another told us the night staff were often agency workers who did not know people's needs.

The inspection was carried out by {3.full}, inspector, with an Expert by Experience. We spoke with the registered manager, the deputy manager {4.full}, the provider's nominated individual {5.tinit}, and eleven members of staff, including the cook and the activities coordinator.

Medicines were not always managed safely. On the first day we found that the medication records for one person had not been signed for three days. The registered manager, {1.sur}, acted immediately and arranged supervision for the staff concerned.

The provider had introduced the {prog} approach to reduce falls. Falls had fallen from 14 in May to 6 in August. The Head of Quality, {6.tinit}, audits the home every quarter.

Follow up

We will request an action plan from the provider. Please contact {3.full} on 0300 061 0247 with any questions.
"""

QUALITY = """
NHS Hallbrook Integrated Care Board
Quality and Performance Committee

Minutes of the meeting held on MS Teams, Wednesday 17 January, 2.00 pm

Members present
{1.full} (Chair), Non-Executive Member ({1.initials})
{2.full}, Chief Nursing Officer ({2.initials})
{3.full}, Chief Medical Officer ({3.initials})
{4.full}, Director of Performance ({4.initials})
{5.full}, Lay Member for Patient Engagement ({5.initials})

In attendance
{6.full}, Head of Safeguarding ({6.initials})
{7.full}, Corporate Governance Manager (minutes)

Apologies
{8.full}, Director of Primary Care

1. Welcome and apologies

The Chair welcomed members. Apologies were noted as above.

2. Matters arising and action log

Action 112 (falls audit) closed. {4.first} confirmed the ambulance handover data had been shared with the Local Maternity and Neonatal System. Action 118 remains open: owner {3.initials}.

3. Quality and performance report

{2.tfull} presented the report. Two never events had been reported at Hallbrook General in December, both on {ward}, and were being investigated. The Committee noted the rise in Hospital Onset infections. {5.sur} asked how patients on the waiting list were being kept informed. {4.full} said that the {prog} service would write to every patient waiting more than 52 weeks.

4. Mental health services

{6.tinit} reported that out-of-area placements had fallen to 9. The Recovery College at {org} had opened a second site on {road}. The Committee asked for the Crisis Resolution and Home Treatment data in March.

Decision: The Committee noted the report and took limited assurance.

5. Any other business

There was none. Date of next meeting: 21 February.

Actions: {2.initials} to circulate the never events briefing; {6.initials} to bring the out-of-area trajectory.
"""

SCHOOL = """
Ofsted
Piccadilly Gate
Store Street
Manchester

21 November

{1.tfull}
Headteacher
Thornbury Vale Primary School
{road}
{place}

Dear {1.tsur}

Monitoring inspection of Thornbury Vale Primary School

This letter sets out the findings of the monitoring inspection of your school that took place on 7 November, on behalf of His Majesty's Chief Inspector of Education, Children's Services and Skills. The school was judged Requires Improvement at its last inspection.

During the inspection, I met you, your deputy headteacher {2.full}, the special educational needs coordinator {3.tinitdot}, and the chair of the governing body, {4.tfull}. I also spoke by telephone with {5.full}, the local authority adviser from {org}.

Leaders have acted on the areas for improvement. Reading is now taught through the {prog} scheme from Reception onwards, and pupils who fall behind get help the same day. In Year 2, pupils read books matched to the sounds they know. {2.first} has led training for every member of staff.

Attendance remains too low for disadvantaged pupils. The attendance lead, {6.tinit}, now meets each family whose child misses more than a day a fortnight.

I am copying this letter to the chair of the board of trustees, the Regional Director and the director of children's services for Westcliff. This letter will be published on the Ofsted website.

Yours sincerely

{7.full}
His Majesty's Inspector
"""

DOCUMENTS = [("NHS trust board minutes", BOARD), ("council scrutiny committee minutes", SCRUTINY),
             ("FOI response letter", FOI), ("care home inspection report", INSPECTION),
             ("ICB quality committee minutes", QUALITY), ("school inspection letter", SCHOOL)]


def main() -> None:
    rng = random.Random(SEED)
    write(CORPUS, DOCUMENTS, Names(FEMALE, MALE, SURNAMES, rng), POOLS, rng, copies=3)


if __name__ == "__main__":
    main()
