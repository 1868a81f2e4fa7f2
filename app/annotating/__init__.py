"""Annotations: creating, editing and listing them (`annotations`) and keeping them anchored to their
text when a document changes (`anchoring`)."""
