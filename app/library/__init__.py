"""The library of documents: listing and filtering (`listing`), metadata edits, removal, stored text,
tags, and the links between documents that cite each other (`linking`)."""
