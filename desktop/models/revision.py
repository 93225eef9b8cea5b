"""The schema revision this program writes, and Alembic's view of the migrations.

No SQLAlchemy at import: the start-up reads :data:`SCHEMA_HEAD` first; Alembic is
imported on first use by the functions below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest migration; checked against Alembic's head by a test. Lets a start-up
#: with an up-to-date file skip importing Alembic altogether.
SCHEMA_HEAD = "0008"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    # the option is read through configparser: «%» in the program's folder must be doubled
    cfg.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
