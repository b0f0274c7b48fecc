"""The server's sub-commands: ``backup`` of a server (pg_dump), ``restore``, ``copy``
between a file and a server, and ``roles``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import _


def _fail(message: str) -> int:
    print(_("Erreur : {message}").format(message=message), file=sys.stderr)
    return 1


def backup_server(args: argparse.Namespace) -> int:
    from .services.core import server_backup
    from .services.core.errors import ValidationError
    from .store import Database, StoreError

    try:
        database = Database.connect(args.source)
    except StoreError as error:
        return _fail(str(error))
    try:
        server_backup.save_dump(database, args.out)
    except ValidationError as error:
        return _fail(error.message)
    finally:
        database.close()
    print(_("Sauvegarde du serveur écrite dans {path}").format(path=args.out))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    import datetime as dt

    from .paths import backups_dir
    from .services.core import server_backup
    from .services.core.errors import ValidationError
    from .store import Database, StoreError, is_server_url

    if not is_server_url(args.target):
        return _fail(_("--to : une base sur un serveur (postgresql://…)."))
    try:
        database = Database.connect(args.target)
    except StoreError as error:
        return _fail(str(error))
    try:
        restored = server_backup.restore_dump(
            database, args.source, backups_dir(), dt.datetime.now(), replace=args.replace
        )
    except ValidationError as error:
        database.close()
        if error.field == "replace":
            return _fail(error.message + " " + _("Ajoutez --replace pour le remplacer."))
        return _fail(error.message)
    restored.db.close()
    print(_("Sauvegarde « {name} » restaurée.").format(name=args.source.name))
    if restored.safety_copy is not None:
        print(_("Le contenu précédent est conservé dans {path}").format(path=restored.safety_copy))
    return 0


def _open_either(target: str, *, source: bool):
    from .store import Database, is_server_url

    if is_server_url(target):
        return Database.connect(target)
    if source:
        return Database.open(Path(target), read_only=True)
    return Database.open(Path(target), create=True)


def run_copy(args: argparse.Namespace) -> int:
    from .store import StoreError
    from .store.copying import copy_data

    source = target = None
    try:
        source = _open_either(args.source, source=True)
        target = _open_either(args.target, source=False)
        report = copy_data(source, target, replace=args.replace)
    except StoreError as error:
        return _fail(str(error))
    finally:
        for database in (source, target):
            if database is not None:
                database.close()
    rows = sum(check.rows for check in report)
    print(
        _(
            "{rows} lignes de {tables} tables copiées et vérifiées (nombres et sommes de contrôle)."
        ).format(rows=rows, tables=len(report))
    )
    return 0


def run_roles(args: argparse.Namespace) -> int:
    from .store import Database, StoreError, chantier_roles, is_server_url
    from .store.roles import ROLES, apply_roles

    if not is_server_url(args.source):
        return _fail(_("les rôles n'existent que sur un serveur (postgresql://…)."))
    if bool(args.chantier_lead) != bool(args.chantier):
        return _fail(_("--chantier-lead et --chantier vont ensemble."))
    try:
        database = Database.connect(args.source)
    except StoreError as error:
        return _fail(str(error))
    try:
        apply_roles(database.engine)
        if args.chantier_lead:
            chantier_roles.assign(database.engine, args.chantier_lead, args.chantier)
    except ValueError as error:
        return _fail(str(error))
    finally:
        database.close()
    print(_("Rôles prêts : {roles}.").format(roles=", ".join(ROLES)))
    if args.chantier_lead:
        print(
            _("« {login} » est responsable des chantiers {ids}.").format(
                login=args.chantier_lead, ids=", ".join(map(str, args.chantier))
            )
        )
    return 0
