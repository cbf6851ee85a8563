"""forms consent: filled forms, the consent register, and each case's legal basis

Revision ID: 0004_forms_consent
Revises: 0003_case_steps
Create Date: 2026-11-23 18:27:58.248676
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.core.migrations.fts import create_search_index

revision = "0004_forms_consent"
down_revision = "0003_case_steps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consents",
        sa.Column("beneficiary_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("purpose_detail", sa.String(length=300), nullable=True),
        sa.Column("signer_role", sa.String(length=20), nullable=False),
        sa.Column("signer_name", sa.String(length=120), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"], ["beneficiaries.id"], name=op.f("fk_consents_beneficiary_id_beneficiaries")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_consents_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_beneficiary_id"), ["beneficiary_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consents_partition"), ["partition"], unique=False)

    op.create_table(
        "form_answers",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("step_code", sa.String(length=40), nullable=True),
        sa.Column("form_code", sa.String(length=40), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("filled_on", sa.Date(), nullable=False),
        sa.Column("filled_by_worker_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_form_answers_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["filled_by_worker_id"], ["workers.id"], name=op.f("fk_form_answers_filled_by_worker_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_answers")),
    )
    with op.batch_alter_table("form_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_answers_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_form_answers_partition"), ["partition"], unique=False)

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_basis", sa.String(length=30), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("legal_basis")
    create_search_index("cases")  # dropping a column may rebuild the table, and its triggers with it

    with op.batch_alter_table("form_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_answers_partition"))
        batch_op.drop_index(batch_op.f("ix_form_answers_case_id"))

    op.drop_table("form_answers")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_partition"))
        batch_op.drop_index(batch_op.f("ix_consents_case_id"))
        batch_op.drop_index(batch_op.f("ix_consents_beneficiary_id"))

    op.drop_table("consents")
