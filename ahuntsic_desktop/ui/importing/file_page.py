"""Step 1: choose the file (and its sheet) and what it holds; or get a template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from ...i18n import N_, _, format_number, ngettext
from ...services.core import settings as settings_service
from ...services.core.errors import ValidationError
from ...services.importing import ImportKind, initial_mapping, read_source
from ...services.registry import categories as membership_categories
from ..errors import show_error, unexpected_error_message
from ..widgets.files import (
    ask_open_path,
    ask_save_path,
    offer_to_open,
    remember_folder,
    xlsx_filter,
)
from ..widgets.worker import run_task

FILE_FILTER = N_("Classeurs et fichiers CSV (*.xlsx *.xlsm *.csv *.txt);;Tous les fichiers (*)")


class FilePage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(_("Choisir le fichier"))
        self.setSubTitle(
            _(
                "Un classeur Excel (.xlsx) ou un fichier CSV, avec une ligne de titres. "
                "Rien n'est enregistré avant la dernière étape."
            )
        )
        self.task = None
        self.loaded_path: str | None = None

        self.organizations = QRadioButton(_("Des organismes"), self)
        self.persons = QRadioButton(_("Des personnes (résident·es, délégué·es…)"), self)
        self.organizations.setObjectName("kind_organizations")
        self.persons.setObjectName("kind_persons")
        self.persons.setChecked(True)
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.organizations)
        self.kinds.addButton(self.persons)
        kinds_row = QHBoxLayout()
        kinds_row.addWidget(QLabel(_("Le fichier contient :"), self))
        kinds_row.addWidget(self.persons)
        kinds_row.addWidget(self.organizations)
        kinds_row.addStretch(1)

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(_("Chemin du fichier à importer"))
        self.path_edit.editingFinished.connect(self.load)
        browse = QPushButton(_("Parcourir…"), self)
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.sheet = QComboBox(self)
        self.sheet.setObjectName("sheet")
        self.sheet_label = QLabel(_("Feuille :"), self)
        self.sheet.activated.connect(lambda _index: self.load(force=True))
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet, 1)
        self.sheet.hide()
        self.sheet_label.hide()

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.info = QLabel(self)
        self.info.setObjectName("info")
        self.info.setWordWrap(True)

        template = QPushButton(_("Télécharger un modèle à remplir…"), self)
        template.setObjectName("template")
        template.clicked.connect(self.save_template)
        template_row = QHBoxLayout()
        template_row.addWidget(template)
        template_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(kinds_row)
        layout.addLayout(path_row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.info)
        layout.addStretch(1)
        layout.addLayout(template_row)

    # -- state ---------------------------------------------------------------------------
    def kind(self) -> ImportKind:
        return ImportKind.PERSONS if self.persons.isChecked() else ImportKind.ORGANIZATIONS

    def set_kind(self, kind: ImportKind) -> None:
        (self.persons if kind is ImportKind.PERSONS else self.organizations).setChecked(True)

    def isComplete(self) -> bool:  # noqa: N802
        return self.wizard_.source is not None and self.task is None

    def validatePage(self) -> bool:  # noqa: N802
        self.wizard_.kind = self.kind()
        return self.isComplete()

    # -- reading -------------------------------------------------------------------------
    def browse(self) -> None:
        path = ask_open_path(self, _("Fichier à importer"), _(FILE_FILTER))
        if path is not None:
            self.path_edit.setText(str(path))
            self.load()

    def load(self, force: bool = False) -> None:
        path = self.path_edit.text().strip()
        if not path or self.task is not None or (path == self.loaded_path and not force):
            return
        if not force:
            self.sheet.clear()
        sheet = self.sheet.currentText() if force and self.sheet.count() else None
        self.wizard_.source = None
        self.loaded_path = path
        self.info.setText(_("Lecture du fichier…"))
        self.progress.show()
        self.completeChanged.emit()
        self.task = run_task(
            self, lambda progress: read_source(path, sheet, progress), self._read, self._failed
        )

    def _read(self, source) -> None:
        self.task = None
        self.progress.hide()
        self.wizard_.source = source
        remember_folder(Path(self.loaded_path))
        if source.sheets:
            self.sheet.clear()
            self.sheet.addItems(list(source.sheets))
            self.sheet.setCurrentText(source.sheet)
        self.sheet.setVisible(len(source.sheets) > 1)
        self.sheet_label.setVisible(len(source.sheets) > 1)
        mapping = initial_mapping(self.wizard_.db, source)
        self.set_kind(mapping.kind)
        rows = ngettext("{n} ligne de données", "{n} lignes de données", len(source.rows))
        parts = [
            rows.format(n=format_number(len(source.rows))),
            _("titres à la ligne {row}").format(row=source.header_row),
        ]
        if source.encoding:
            parts.append(_("encodage {encoding}").format(encoding=source.encoding))
        if source.delimiter:
            shown = {"\t": _("tabulation")}.get(source.delimiter, source.delimiter)
            parts.append(_("séparateur « {sep} »").format(sep=shown))
        if source.ignored_rows:
            parts.append(
                _("lignes de titre ignorées : {rows}").format(
                    rows=", ".join(str(n) for n in source.ignored_rows)
                )
            )
        self.info.setText(f"{source.file_name} : " + ", ".join(parts) + ".")
        self.completeChanged.emit()

    def _failed(self, error) -> None:
        self.task = None
        self.progress.hide()
        self.loaded_path = None
        message = error.message if isinstance(error, ValidationError) else None
        self.info.setText(message or unexpected_error_message())
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()

    # -- template ------------------------------------------------------------------------
    def save_template(self) -> None:
        from ...exports.xlsx.import_template import default_filename, write_import_template

        kind = self.kind()
        name = ask_save_path(
            self, _("Enregistrer le modèle"), default_filename(kind), xlsx_filter()
        )
        if name is None:
            return
        db = self.wizard_.db
        categories = membership_categories.list_categories(db).values("name")
        try:
            write_import_template(
                name,
                kind,
                categories=categories,
                table_name=settings_service.load(db).table_name,
            )
        except OSError as error:
            show_error(
                self, _("Le modèle n'a pas pu être enregistré : {error}").format(error=error)
            )
            return
        self.info.setText(_("Modèle enregistré dans {path}.").format(path=name))
        offer_to_open(self, name)
