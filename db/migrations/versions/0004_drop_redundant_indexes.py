"""drop two indexes that unique constraints already give

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 19:20:00

`citation_links (citation_id, target_document_id)` and `footnotes (document_id,
number)` are unique, and SQLite looks a row up by the first column of such an
index as well as by an index of that column alone. The single-column copies
only cost writes: each link an import makes touched one more random page.
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('citation_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citation_links_citation_id'))
    with op.batch_alter_table('footnotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_footnotes_document_id'))


def downgrade() -> None:
    with op.batch_alter_table('footnotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_footnotes_document_id'), ['document_id'], unique=False)
    with op.batch_alter_table('citation_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citation_links_citation_id'), ['citation_id'], unique=False)
