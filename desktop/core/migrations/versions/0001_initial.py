"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23 16:34:56.950926
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.core.migrations.fts import SEARCH_TABLES, create_search_index, drop_search_index

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_units",
        sa.Column("code", sa.String(length=5), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("division_type", sa.String(length=40), nullable=False),
        sa.Column("parent_code", sa.String(length=2), nullable=True),
        sa.Column("folded", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_admin_units")),
    )
    with op.batch_alter_table("admin_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_admin_units_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "beneficiaries",
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("gender", sa.String(length=8), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("national_id", sa.String(length=12), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("commune_code", sa.String(length=5), nullable=True),
        sa.Column("guardian_name", sa.String(length=120), nullable=True),
        sa.Column("target_groups", sa.String(length=400), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficiaries")),
    )
    with op.batch_alter_table("beneficiaries", schema=None) as batch_op:
        batch_op.create_index("ix_beneficiaries_live_sort", ["deleted", "sort_key", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_beneficiaries_national_id"), ["national_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_beneficiaries_partition"), ["partition"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_record_id"), ["record_id"], unique=False)

    op.create_table(
        "code_items",
        sa.Column("list_name", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_vi", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("list_name", "code", name=op.f("pk_code_items")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column("last_version", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_table(
        "reference_versions",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_reference_versions")),
    )
    op.create_table(
        "training_courses",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=40), nullable=True),
        sa.Column("organiser", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("hours", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_courses")),
    )
    with op.batch_alter_table("training_courses", schema=None) as batch_op:
        batch_op.create_index("ix_training_courses_live_start", ["deleted", "start_date", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_courses_partition"), ["partition"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "workers",
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("gender", sa.String(length=8), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("national_id", sa.String(length=12), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("workplace_type", sa.String(length=40), nullable=True),
        sa.Column("position", sa.String(length=120), nullable=True),
        sa.Column("education_level", sa.String(length=40), nullable=True),
        sa.Column("major", sa.String(length=120), nullable=True),
        sa.Column("sw_qualification", sa.String(length=40), nullable=True),
        sa.Column("title_grade", sa.String(length=8), nullable=True),
        sa.Column("title_code", sa.String(length=20), nullable=True),
        sa.Column("practice_cert_no", sa.String(length=40), nullable=True),
        sa.Column("practice_cert_expiry", sa.Date(), nullable=True),
        sa.Column("contract_no", sa.String(length=40), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workers")),
    )
    with op.batch_alter_table("workers", schema=None) as batch_op:
        batch_op.create_index("ix_workers_live_sort", ["deleted", "sort_key", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_workers_national_id"), ["national_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_workers_partition"), ["partition"], unique=False)

    op.create_table(
        "cases",
        sa.Column("case_no", sa.String(length=30), nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=False),
        sa.Column("process_type", sa.String(length=20), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closure_reason", sa.String(length=40), nullable=True),
        sa.Column("assigned_worker_id", sa.String(length=36), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_worker_id"], ["workers.id"], name=op.f("fk_cases_assigned_worker_id_workers")
        ),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"], ["beneficiaries.id"], name=op.f("fk_cases_beneficiary_id_beneficiaries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_assigned_worker_id"), ["assigned_worker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_beneficiary_id"), ["beneficiary_id"], unique=False)
        batch_op.create_index("ix_cases_live_case_no", ["deleted", "case_no", "id"], unique=False)
        batch_op.create_index("ix_cases_live_opened", ["deleted", "opened_on", "id"], unique=False)
        batch_op.create_index("ix_cases_live_sort", ["deleted", "sort_key", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_partition"), ["partition"], unique=False)

    op.create_table(
        "training_attendances",
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("certificate_no", sa.String(length=40), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["course_id"],
            ["training_courses.id"],
            name=op.f("fk_training_attendances_course_id_training_courses"),
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["workers.id"], name=op.f("fk_training_attendances_worker_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_attendances")),
    )
    with op.batch_alter_table("training_attendances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_attendances_course_id"), ["course_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_attendances_partition"), ["partition"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_attendances_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "service_records",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("service_type", sa.String(length=30), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_service_records_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["workers.id"], name=op.f("fk_service_records_worker_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_records")),
    )
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_records_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_service_records_partition"), ["partition"], unique=False)
        batch_op.create_index(batch_op.f("ix_service_records_worker_id"), ["worker_id"], unique=False)
    for table in SEARCH_TABLES:
        create_search_index(table)


def downgrade() -> None:
    for table in SEARCH_TABLES:
        drop_search_index(table)
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_records_worker_id"))
        batch_op.drop_index(batch_op.f("ix_service_records_partition"))
        batch_op.drop_index(batch_op.f("ix_service_records_case_id"))

    op.drop_table("service_records")
    with op.batch_alter_table("training_attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_attendances_worker_id"))
        batch_op.drop_index(batch_op.f("ix_training_attendances_partition"))
        batch_op.drop_index(batch_op.f("ix_training_attendances_course_id"))

    op.drop_table("training_attendances")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_partition"))
        batch_op.drop_index("ix_cases_live_sort")
        batch_op.drop_index("ix_cases_live_opened")
        batch_op.drop_index("ix_cases_live_case_no")
        batch_op.drop_index(batch_op.f("ix_cases_beneficiary_id"))
        batch_op.drop_index(batch_op.f("ix_cases_assigned_worker_id"))

    op.drop_table("cases")
    with op.batch_alter_table("workers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workers_partition"))
        batch_op.drop_index(batch_op.f("ix_workers_national_id"))
        batch_op.drop_index("ix_workers_live_sort")

    op.drop_table("workers")
    op.drop_table("users")
    with op.batch_alter_table("training_courses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_courses_partition"))
        batch_op.drop_index("ix_training_courses_live_start")

    op.drop_table("training_courses")
    op.drop_table("reference_versions")
    op.drop_table("devices")
    op.drop_table("code_items")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_record_id"))

    op.drop_table("change_log")
    with op.batch_alter_table("beneficiaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_beneficiaries_partition"))
        batch_op.drop_index(batch_op.f("ix_beneficiaries_national_id"))
        batch_op.drop_index("ix_beneficiaries_live_sort")

    op.drop_table("beneficiaries")
    with op.batch_alter_table("admin_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_units_parent_code"))

    op.drop_table("admin_units")
