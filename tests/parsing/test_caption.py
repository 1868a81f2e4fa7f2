"""Court papers: case names from captions, the court as publisher, kinds of legal documents."""

from __future__ import annotations

from app.parsing.caption import soften_capitals

from .util import parse_text

OPINION_BODY = (
    "Before this Court is Plaintiff's amended complaint filed pursuant to 42 U.S.C. § 1983. Having reviewed the "
    "submissions filed in connection with the motion, the motion to dismiss is GRANTED IN PART and DENIED IN PART.\n\n"
    "The Court accepts the factual allegations in the amended complaint as true and draws all inferences in favour "
    "of the plaintiff, as it must at this stage of the proceedings.\n\n"
    "IT IS SO ORDERED.\n\nBRIAN R. MARTINOTTI\n\nUNITED STATES DISTRICT JUDGE\n"
)


def test_a_caption_with_a_column_of_colons() -> None:
    doc = parse_text(
        "NOT FOR PUBLICATION\n\nUNITED STATES DISTRICT COURT\n\nDISTRICT OF NEW JERSEY ______________\n\n:\n\n"
        "RASOOL McCRIMMON, :\n\n:\n\nPlaintiff, : Civ. No. 3:18-cv-16281\n\n:\n\nv. :\n\n:\n\n"
        "STEVE JOHNSON, et al., : OPINION\n\n:\n\nDefendants. :\n\n" + OPINION_BODY
    )
    assert doc.kind == "court-decision"
    assert doc.title == "Rasool McCrimmon v. Steve Johnson, et al."
    assert doc.publisher == "United States District Court, District of New Jersey"


def test_in_re_with_a_bracket_column() -> None:
    doc = parse_text(
        "United States Court of Appeals\n\nFor the Seventh Circuit Chicago, Illinois 60604\n\nJuly 13, 2017\n\n"
        "No. 17-2400\n\nIN RE: ] Appeal from the United\n\nFEDEX GROUND PACKAGE SYSTEM, ] States District Court\n\n"
        "INC. EMPLOYMENT PRACTICES ] the Northern District\n\nLITIGATION ] of Indiana\n\n] Division.\n\n"
        "O R D E R\n\nThe court, on its own initiative, ORDERS the parties to this appeal to file a Statement, "
        "addressing whether this appeal should be consolidated with another appeal pending before it.\n"
    )
    assert doc.kind == "court-decision"
    assert doc.title == "In re: Fedex Ground Package System, INC. Employment Practices Litigation"
    assert doc.publisher == "United States Court of Appeals for the Seventh Circuit"
    assert doc.date == "2017-07-13"


def test_a_party_and_its_role_on_one_line() -> None:
    doc = parse_text(
        "IN THE SUPREME COURT OF RURITANIA 2022-RSC-1\n\nNo. 363A14-4\n\nFiled 11 February 2022\n\n"
        "GIFT SURPLUS, LLC, and SANDHILL AMUSEMENTS, INC., Plaintiffs,\n\nv.\n\n"
        "STATE OF RURITANIA, ex rel. ROY COOPER, GOVERNOR, in his official capacity.\n\n"
        "On discretionary review of a unanimous decision of the Court of Appeals.\n\n" + OPINION_BODY
    )
    assert doc.title == "Gift Surplus, LLC v. State of Ruritania"
    assert doc.publisher == "Supreme Court of Ruritania"
    assert doc.date == "2022-02-11"


def test_a_filing_is_signed_by_a_firm() -> None:
    doc = parse_text(
        "IN THE UNITED STATES DISTRICT COURT\n\nFOR THE DISTRICT OF COLORADO\n\nCivil Action No. 1:21-cv-01061\n\n"
        "BERKSHIRE LIFE INSURANCE COMPANY OF AMERICA,\n\nPlaintiff,\n\nv.\n\nANNA SCHUBERT,\n\nDefendant.\n\n"
        "COMPLAINT TO CONFIRM RESCISSION OF INSURANCE POLICIES\n\n"
        "Plaintiff Berkshire Life Insurance Company of America, through its attorneys, Franz Hardy of Gordon Rees "
        "Scully Mansukhani, LLP, states as follows for its Complaint against Defendant Anna Schubert:\n"
    )
    assert doc.kind == "legal-filing"
    assert doc.title == "Berkshire Life Insurance Company of America v. Anna Schubert"
    assert doc.publisher == "Gordon Rees Scully Mansukhani, LLP"


def test_a_letter_is_known_by_its_re_line() -> None:
    doc = parse_text(
        "OFFICE OF THE CLERK\n\nUNITED STATES COURT OF APPEALS\n\n601 MARKET STREET\n\nAugust 3, 2017\n\n"
        "RE: Christopher Mielo, et al v. Steak N Shake Operations Inc\n\nCase Number: 17-2678\n\n"
        "To All Parties:\n\nEnclosed is case opening information regarding the above-captioned appeal. All inquiries "
        "should be directed to your Case Manager in writing or by calling the Clerk's Office.\n\n"
        "Very truly yours,\n\nMarcia M. Waldron,\n\nClerk\n\ncc: R. Bruce Carlson\n"
    )
    assert doc.kind == "letter"
    assert doc.title == "RE: Christopher Mielo, et al v. Steak N Shake Operations Inc"
    assert doc.publisher == "United States Court of Appeals"


def test_a_paper_about_tribunals_is_not_a_decision() -> None:
    doc = parse_text(
        "The Impact of External Administrative Law Review: Tribunals\n\nLinda Pearson*\n\n"
        "External review of administrative decisions on the merits by a tribunal is an accepted part of the "
        "administrative law landscape, and the applicants before it are many.\n\n"
        "The Administrative Appeals Tribunal was the first of these bodies, and its decision making has been studied.\n"
    )
    assert doc.kind != "court-decision"


def test_a_policy_brief_says_so() -> None:
    doc = parse_text("POLICY BRIEF\n\nClean Air for Tehran\n\n" + OPINION_BODY.split("IT IS")[0])
    assert doc.kind == "policy-brief"


def test_capitals_softened_for_reading() -> None:
    assert soften_capitals("BERKSHIRE LIFE INSURANCE COMPANY OF AMERICA") == "Berkshire Life Insurance Company of America"
    assert soften_capitals("Vanessa St. Pierre") == "Vanessa St. Pierre"
    assert soften_capitals("GIFT SURPLUS, LLC") == "Gift Surplus, LLC"
