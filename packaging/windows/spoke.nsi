; NSIS installer for Spoke on Windows. UNTESTED: written without a Windows
; machine or makensis here (packaging/README.md, "Windows and macOS").
;
; Build (from a Developer PowerShell, after an MSVC build with vcpkg):
;   cmake --install build\release --prefix stage --component client
;   windeployqt --release --qmldir ui\qml stage\bin\spoke.exe
;   makensis /DVERSION=0.1.0 /DSTAGE=..\..\stage packaging\windows\spoke.nsi
; STAGE is relative to this file; the installer is written next to it.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (project(VERSION) in CMakeLists.txt)"
!endif
!ifndef STAGE
  !error "pass /DSTAGE=<the cmake --install prefix, after windeployqt>"
!endif

!define APP "Spoke"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Spoke"

Name "${APP} ${VERSION}"
OutFile "Spoke-${VERSION}-win64.exe"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "Software\${APP}" "InstallDir"
; Program Files and HKLM: a clinic laptop is usually set up once by IT for
; every account on it.
RequestExecutionLevel admin
SetCompressor /SOLID lzma

; The installer keeps NSIS's own icon: the app has no .ico yet (one would be
; made from resources/icons/spoke.svg: magick -density 384 spoke.svg
; -define icon:auto-resize=256,64,48,32,16 spoke.ico).
!insertmacro MUI_PAGE_LICENSE "..\debian\copyright"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The installer speaks the languages Spoke does (i18n/).
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"
!insertmacro MUI_LANGUAGE "PortugueseBR"
!insertmacro MUI_LANGUAGE "Portuguese"

Section "Spoke" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; bin\: spoke.exe, spoke-cli.exe, the Qt and vcpkg DLLs windeployqt and
  ; vcpkg's applocal step copied, qml\ and plugins\ (multimedia, sqldrivers,
  ; tls, platforms).
  File /r "${STAGE}\bin\*.*"
  File /nonfatal /r "${STAGE}\share"

  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\spoke.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Spoke developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\spoke.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Program files only: the user's case cache and recordings live in their
  ; own profile (QStandardPaths::AppDataLocation) and are theirs to keep or
  ; remove, like any document.
  RMDir /r "$INSTDIR"
  RMDir /r "$SMPROGRAMS\${APP}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
SectionEnd
