"""Dossier's Qt-free core: readers, parser, archive, search, annotations, export, command line."""

__version__ = "0.1.0"  # the release; setup.cfg reads it from here
