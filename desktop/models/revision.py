"""The schema revision this program writes (no SQLAlchemy: the start-up reads it first)."""

#: The newest migration; checked against Alembic's head by a test. Lets a start-up
#: with an up-to-date file skip importing Alembic altogether.
SCHEMA_HEAD = "0006"
