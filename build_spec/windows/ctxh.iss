; Inno Setup script for CTXH Desk on a commune's Windows laptop.
; Per user, no administrator rights (a commune officer rarely has them): installs under
; %LOCALAPPDATA%\Programs\CTXH Desk, a Start-menu entry and an optional desktop icon, in Vietnamese.
; Uninstalling removes the program only: the officer's profile (the encrypted database, its backups and
; keys, under %LOCALAPPDATA%\CTXH\CTXH Desk) is never touched.
;
; Build (see docs/windows-build.md):  iscc /DAppVersion=0.1.0 build_spec\windows\ctxh.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "CTXH Desk"
#define DistDir "..\..\build\pyinstaller\dist\ctxh"

[Setup]
AppId={{6F0E3C2A-5B7D-4C1E-9A8F-2D4B6C8E0A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=CTXH Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=CTXH-Desk-{#AppVersion}-cai-dat
SetupIconFile=..\..\resources\icons\ctxh.ico
UninstallDisplayIcon={app}\CTXH Desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy holds files open: close it first (the app's own lock refuses a second copy anyway).
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese messages file: the unofficial one (jrsoftware.org/files/istrans/) is
; downloaded beside this script before compiling (docs/windows-build.md; the CI workflow does it).
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vi"; MessagesFile: "Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\CTXH Desk.exe"
Name: "{group}\Hướng dẫn sử dụng"; Filename: "{app}\CTXH Desk.exe"; Parameters: "gui --guide"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\CTXH Desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\CTXH Desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote beside its files; the profile lives elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
