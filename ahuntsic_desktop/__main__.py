# An absolute import: PyInstaller runs this file as a plain script (no parent package),
# where ``from .cli import main`` fails with "attempted relative import".
from ahuntsic_desktop.cli import main

raise SystemExit(main())
