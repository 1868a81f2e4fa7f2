"""authors, source URL and language of a document

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 08:20:00

Three nullable columns, empty for the documents already stored (an import leaves
them empty too; they are filled in Edit Metadata or `dossier edit`). SQLite adds
a nullable column without copying the table, so the upgrade is quick on a large
archive.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('authors', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('source_url', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('language', sa.String(length=35), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('language')
        batch_op.drop_column('source_url')
        batch_op.drop_column('authors')
