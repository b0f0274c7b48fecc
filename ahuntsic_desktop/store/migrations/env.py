"""Alembic environment: runs on the connection handed over by :mod:`..migrate`."""

from alembic import context

from ahuntsic_desktop.domain import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # `alembic` command line, used only to write new revisions
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///alembic-dev.sqlite"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
