"""What the main window's first paint does not import (issue 16: start-up speed). Each
check runs in a fresh interpreter, where nothing else has imported those modules yet."""

from __future__ import annotations

import os
import subprocess
import sys

from ahuntsic_desktop.store import Database

# Loaded on first use, after the first paint: every model (the ORM's mapped classes), the
# audit trail's listeners, the e-mail and telephone validation libraries, the e-mail
# dialogs and services (which import most of the others), Alembic, the ORM itself.
DEFERRED = (
    "ahuntsic_desktop.domain.models",
    "ahuntsic_desktop.domain.people",
    "ahuntsic_desktop.services.core.audit",
    "ahuntsic_desktop.services.core.validation",
    "ahuntsic_desktop.services.communications",
    "ahuntsic_desktop.ui.communications.compose_dialog",
    "ahuntsic_desktop.ui.pages.dashboard",
    "phonenumbers",
    "email_validator",
    "num2words",
    "alembic",
    "sqlalchemy.orm",
)


def run_fresh(code: str, tmp_path) -> str:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # never the user's QSettings
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def shown_window(tmp_path, options: str, then: str) -> str:
    """What ``then`` prints once a fresh interpreter has opened a new file with
    ``Database.open(path, <options>)`` and shown the window on it (as ``db``, ``window``)."""
    path = tmp_path / "table.sqlite"
    Database.open(path, create=True).close()
    code = (
        "import sys\n"
        "from ahuntsic_desktop.store import Database\n"
        "from ahuntsic_desktop.ui.app import make_application\n"
        "from ahuntsic_desktop.ui.main_window import MainWindow\n"
        "app = make_application('fr')\n"
        f"db = Database.open({str(path)!r}, {options})\n"
        "window = MainWindow(db, load_later=True)\n"
        "window.show()\n"
        f"{then}\n"
    )
    return run_fresh(code, tmp_path)


def test_the_window_is_built_without_models_nor_validation_libraries(tmp_path):
    then = f"print(window.windowTitle(), sorted(m for m in {DEFERRED!r} if m in sys.modules))"
    assert shown_window(tmp_path, "backup=False", then) == (
        "Table de quartier — Ahuntsic Desktop []"
    )


def test_the_window_is_shown_before_sqlalchemy_as_the_application_starts_it(tmp_path):
    """Opened as ``ahuntsic-desktop`` opens it (``check_later``): the file is read, locked
    and backed up with sqlite3, and the window shown, without SQLAlchemy at all."""
    then = "print(window.windowTitle(), 'sqlalchemy' in sys.modules, db.engine_made)"
    assert shown_window(tmp_path, "check_later=True", then) == (
        "Table de quartier — Ahuntsic Desktop False False"
    )


def test_the_dashboard_is_built_without_the_validation_libraries(tmp_path):
    """The first page the window builds needs the services, not their checks of e-mails
    and phone numbers (2.7 MB, loaded at the first value checked)."""
    code = (
        "import sys\n"
        "import ahuntsic_desktop.ui.pages.dashboard\n"
        "from ahuntsic_desktop.services.core import validation\n"
        "before = sorted(m for m in ('phonenumbers', 'email_validator') if m in sys.modules)\n"
        "checked = validation.phone('514 555-0123 poste 4'), validation.email('Anne@Exemple.CA')\n"
        "print(before, checked, 'phonenumbers' in sys.modules)\n"
    )
    assert run_fresh(code, tmp_path) == ("[] ('514 555-0123 poste 4', 'Anne@exemple.ca') True")


def test_a_model_imported_from_its_own_module_still_finds_the_others(tmp_path):
    """``domain.meetings`` alone does not import the persons its attendance rows point
    to: the ORM's set-up loads every model first."""
    code = (
        "import sys\n"
        "from sqlalchemy.orm import configure_mappers\n"
        "from ahuntsic_desktop.domain.meetings import Meeting\n"
        "alone = 'ahuntsic_desktop.domain.people' not in sys.modules\n"
        "configure_mappers()\n"
        "target = Meeting.__mapper__.relationships['attendances'].mapper.class_.__name__\n"
        "print(alone, target, 'ahuntsic_desktop.domain.people' in sys.modules)\n"
    )
    assert run_fresh(code, tmp_path) == "True Attendance True"


def test_the_first_save_still_writes_the_audit_trail(tmp_path):
    """The audit module loads at the first flush, not when the services are imported:
    that first save is journaled all the same."""
    path = tmp_path / "table.sqlite"
    Database.open(path, create=True).close()
    code = (
        "import sys\n"
        "import ahuntsic_desktop.services\n"
        "from sqlalchemy import select\n"
        "from ahuntsic_desktop.domain import AuditEntry, Organization\n"
        "from ahuntsic_desktop.store import Database\n"
        f"db = Database.open({str(path)!r}, backup=False)\n"
        "loaded = 'ahuntsic_desktop.services.core.audit' in sys.modules\n"
        "with db.session() as session:\n"
        "    session.add(Organization(name='Maison des jeunes du Nord', sector='communautaire'))\n"
        "with db.session() as session:\n"
        "    rows = session.execute(select(AuditEntry.entity, AuditEntry.action)).all()\n"
        "print(loaded, [tuple(row) for row in rows])\n"
    )
    assert run_fresh(code, tmp_path) == "False [('organization', 'creation')]"
