; Inno Setup 6 script: a per-user installer for Windows (no administrator right needed).
;   powershell -File packaging\windows\build.ps1   (builds the bundle, then runs iscc on this)
; Installs dist\ahuntsic-desktop\ into %LOCALAPPDATA%\Programs\Ahuntsic Desktop, adds a
; Start-menu entry, and offers Ahuntsic Desktop in "Open with" for .sqlite data files.
; Data stay in %LOCALAPPDATA%\AhuntsicDesktop, which installing, upgrading or uninstalling
; never touches; a newer version backs the data file up before migrating it.
; NOT RUN on the project's machines (Linux only): built and tested by
; .github/workflows/windows.yml on a hosted Windows runner.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1C3B52-8E0A-4C47-9B0D-2A7E5D41C9A3}
AppName=Ahuntsic Desktop
AppVersion={#AppVersion}
AppPublisher=Ahuntsic Desktop
DefaultDirName={autopf}\Ahuntsic Desktop
DefaultGroupName=Ahuntsic Desktop
DisableProgramGroupPage=yes
; Per user: {autopf} is %LOCALAPPDATA%\Programs and registry entries go under HKCU.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\ahuntsic-desktop.exe
OutputDir=..\..\dist
OutputBaseFilename=ahuntsic-desktop-{#AppVersion}-installation
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder whole (no stale module of the old version).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\ahuntsic-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Ahuntsic Desktop"; Filename: "{app}\ahuntsic-desktop.exe"
Name: "{autoprograms}\Guide d'utilisation (Ahuntsic Desktop)"; Filename: "{app}\_internal\resources\guide\fr.html"; Languages: french
Name: "{autoprograms}\User guide (Ahuntsic Desktop)"; Filename: "{app}\_internal\resources\guide\en.html"; Languages: english
Name: "{autodesktop}\Ahuntsic Desktop"; Filename: "{app}\ahuntsic-desktop.exe"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install. The data file type, and Ahuntsic Desktop under
; "Open with" for .sqlite files (without taking .sqlite away from other programs).
Root: HKA; Subkey: "Software\Classes\AhuntsicDesktop.DataFile"; ValueType: string; ValueName: ""; ValueData: "Fichier de données Ahuntsic Desktop"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\AhuntsicDesktop.DataFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ahuntsic-desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\AhuntsicDesktop.DataFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ahuntsic-desktop.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "AhuntsicDesktop.DataFile"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\ahuntsic-desktop.exe"; Description: "{cm:LaunchProgram,Ahuntsic Desktop}"; Flags: nowait postinstall skipifsilent
