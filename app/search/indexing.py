"""What an import hands to the search index with each document: its footnote text, built one way
for the worker that analyses it and for the index that stores it, and the analysis itself."""

from app.search.engine import DocumentAnalysis, analyse_fields, footnotes_text

__all__ = ["DocumentAnalysis", "analyse_fields", "footnotes_text"]
