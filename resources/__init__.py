"""Files Dossier ships beside its code: sample documents, fonts, the desktop entry and icons, translations.

A package so that an installed Dossier (a wheel, pipx) finds them wherever it runs from;
`RESOURCES_DIR` is the one way the code locates them.
"""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
