# Build the Windows bundle (run in PowerShell from the project folder, Python 3.11+ installed).
$ErrorActionPreference = "Stop"
py -3.11 -m venv .venv
.venv\Scripts\python -m pip install --upgrade pip
.venv\Scripts\python -m pip install -e . "pyinstaller>=6"
.venv\Scripts\pyinstaller --noconfirm --clean packaging\ahuntsic-desktop.spec
Write-Host "Bundle: dist\ahuntsic-desktop\"
