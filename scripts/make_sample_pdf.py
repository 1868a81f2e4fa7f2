"""Regenerate resources/samples/northern-belt-clearance-report.pdf (a report excerpt with a text layer).

Uses fpdf2's core Helvetica font, which only covers latin-1, so the text
below sticks to latin-1 characters (straight quotes, hyphens) and the PDF
needs no embedded font. The creation date is fixed so the output is stable.

    python scripts/make_sample_pdf.py [OUTPUT]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from fpdf import FPDF

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "samples" / "northern-belt-clearance-report.pdf"

TITLE = "Clearing the Northern Belt: Survey and Clearance in Serevia, 2019-2022"
PUBLISHER = "Field Survey Group"

BODY: list[tuple[str, str]] = [
    ("title", TITLE),
    ("para", "Field Survey Group - Report excerpt - March 2023"),
    ("heading", "Summary"),
    ("para", "Between 2019 and 2022 the Field Survey Group surveyed 63 suspected hazardous areas in the "
             "northern belt of Serevia and cancelled 41 of them after non-technical survey, releasing "
             "2.7 square kilometres without clearance.[1] The remaining 22 areas were confirmed as "
             "hazardous and handed over for clearance."),
    ("para", "Manual clearance teams removed 214 antipersonnel mines, most of them PMA-2 blast mines, "
             "together with 388 items of unexploded ordnance. Mechanical ground preparation was used on "
             "slopes below 25 degrees, which reduced the time needed per square metre by about 40%.[2]"),
    ("heading", "Methodology"),
    ("para", "Survey teams interviewed 312 residents in 19 villages, using the same questionnaire as the "
             "national mine action centre so that results could be entered directly into the national "
             "database.[3] Each suspected area was visited at least twice, in different seasons."),
    ("para", "Where residents reported recent incidents, teams consulted the casualty records held by "
             "the regional hospital in Tarvos, with the consent of the victims and their families.[4]"),
    ("heading", "Recommendations"),
    ("para", "The national authorities should fence the remaining confirmed hazardous areas before the "
             "next harvest season, and fund two additional clearance teams so that Serevia can meet its "
             "extended deadline of 1 March 2025."),
]

NOTES: list[str] = [
    "[1] Serevia Mine Action Centre, \"Annual Report 2021\" (Tarvos: SMAC, 2022), p. 14.",
    "[2] Field Survey Group, \"Mechanical Ground Preparation Trial, Dolna Reka\", internal report, "
    "November 2021.",
    "[3] Ibid.",
    "[4] Interviews with staff of Tarvos Regional Hospital, 14-16 June 2022; and Jana Holm, "
    "Coordinator, Mine-Free Serevia Coalition, Tarvos, 17 June 2022.",
]


def build_pdf() -> FPDF:
    """The sample report as an FPDF document (paragraphs separated by vertical gaps)."""
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(PUBLISHER)
    pdf.set_creation_date(dt.datetime(2023, 3, 15, 9, 0, tzinfo=dt.UTC))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    styles = {"title": ("B", 15), "heading": ("B", 12), "para": ("", 10.5)}
    for kind, text in BODY:
        style, size = styles[kind]
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 9)
    for note in NOTES:
        pdf.multi_cell(0, 4.5, note, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    return pdf


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    build_pdf().output(str(output))
    print(f"wrote {output} ({output.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
