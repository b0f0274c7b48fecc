# Build the Windows bundle and its per-user installer (PowerShell, from the project folder;
# Python 3.11 and Inno Setup 6 installed). NOT RUN on the project's machines (Linux only):
# .github/workflows/windows.yml runs it on a hosted Windows runner.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
$venv = "build\venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
# The same pinned, hashed versions as on Linux (packaging/lock/build.txt is universal).
& "$venv\Scripts\python" -m pip install --require-hashes -r packaging\lock\build.txt
if ($LASTEXITCODE) { exit $LASTEXITCODE }
& "$venv\Scripts\python" -m pip install --no-deps --force-reinstall .
& "$venv\Scripts\python" packaging\make_icon.py
& "$venv\Scripts\pyinstaller" --noconfirm --clean --workpath build\pyinstaller --distpath dist packaging\ahuntsic-desktop.spec
if ($LASTEXITCODE) { exit $LASTEXITCODE }
# The bundle is a windowed program: wait for it to get its exit code.
$test = Start-Process -FilePath "dist\ahuntsic-desktop\ahuntsic-desktop.exe" -ArgumentList "--self-test" -Wait -PassThru
if ($test.ExitCode -ne 0) { Write-Error "self-test failed ($($test.ExitCode))"; exit 1 }
$version = (Select-String -Path ahuntsic_desktop\__init__.py -Pattern '__version__ = "(.*)"').Matches[0].Groups[1].Value
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\ahuntsic-desktop.iss
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Write-Host "Installer: dist\ahuntsic-desktop-$version-installation.exe"
