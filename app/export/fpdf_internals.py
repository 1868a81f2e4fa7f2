"""The one place that relies on fpdf2's private internals, checked against the version tested.

Under another fpdf2 version the override below steps aside (fpdf2's own behaviour
returns: mixed Hebrew and Arabic in one run is shaped as one script) and
`tests/app/export/test_pdf_scripts.py` fails until this module is checked again.
"""

from __future__ import annotations

from collections.abc import Sequence

import fpdf
from fpdf.line_break import Fragment

TESTED_FPDF = "2.8."
INTERNALS_IN_USE = fpdf.__version__.startswith(TESTED_FPDF)


class ScriptPerFragment:
    """Mixin for FPDF: each right-to-left fragment is shaped as its own script."""

    def _preload_bidirectional_text(self, text: str, markdown: bool) -> Sequence[Fragment]:
        """Name each shaped fragment's script (a private fpdf2 method).

        The line breaker merges neighbouring fragments of one style, so Hebrew then Arabic in
        one right-to-left run became one HarfBuzz buffer shaped as Hebrew, the Arabic unjoined;
        fragments with different scripts differ in style and each is shaped as what it is.
        """
        fragments = super()._preload_bidirectional_text(text, markdown)  # type: ignore[misc]
        if INTERNALS_IN_USE and self.text_shaping:  # type: ignore[attr-defined]
            import uharfbuzz  # loaded by fpdf2 already, as shaping is on

            for fragment in fragments:
                params = fragment.graphics_state.text_shaping
                if params is not None and params.get("script") is None:
                    buffer = uharfbuzz.Buffer()
                    buffer.add_str(fragment.string)
                    buffer.guess_segment_properties()
                    params["script"] = buffer.script
        return fragments
