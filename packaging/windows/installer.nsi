; The Windows installer of «Дорожная карта» (NSIS 3, `make windows` → packaging/windows/build.sh).
;
; makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DBUNDLE=dist\windows\dorozhnaya-karta
;          -DICON=resources\icons\dorozhnaya-karta.ico
;          -DWELCOME=resources\icons\installer-welcome.bmp (scripts/render_icons.py draws it)
;          -DOUTFILE=…\DorozhnayaKarta-Setup-0.1.0.exe
;
; - Without administrator rights it installs for the current user into
;   %LOCALAPPDATA%\Programs\Дорожная карта; run as administrator it offers all users
;   (Program Files). /CurrentUser or /AllUsers choose on the command line.
; - /S installs silently (for rolling it out to many PCs); the uninstaller takes /S too.
; - Start-menu shortcut with the icon, an optional desktop shortcut, an entry in
;   «Программы и компоненты», .dkp packages open with the program.
; - The user's data lives in %LOCALAPPDATA%\dorozhnaya-karta (platformdirs), never in the
;   program's folder: an upgrade replaces only the program's files, the uninstaller removes
;   only what the installer put there, and the data stays.

Unicode true
Target amd64-unicode          ; a 64-bit installer: the program is 64-bit, and Wine's wine64 runs it
; not /SOLID: a solid installer unpacks all its data before the first page, behind NSIS's
; own English «Please wait while Setup is loading…» (it costs ~4 MB to leave solid out)
SetCompressor lzma
ManifestDPIAware true

!ifndef VERSION | BUNDLE | ICON | WELCOME | OUTFILE
  !error "Нужны -DVERSION, -DBUNDLE, -DICON, -DWELCOME и -DOUTFILE (см. packaging/windows/build.sh)"
!endif

!define APP_NAME "Дорожная карта"
!define APP_ID "DorozhnayaKarta"
!define APP_EXE "dorozhnaya-karta.exe"
!define CLI_EXE "dorozhnaya-karta-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define PUBLISHER "Команда «Дорожная карта»"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define PROGID "${APP_ID}.Package"

Name "«${APP_NAME}»"  ; quoted: NSIS puts it after «Установка», «мастер установки»…
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1049 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1049 "FileDescription" "Установка программы «${APP_NAME}»"
VIAddVersionKey /LANG=1049 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1049 "LegalCopyright" "${PUBLISHER}"

; ---- per user or for all users -------------------------------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
; an upgrade goes where the previous version is, in the same mode
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INIT_TEXT_ADMINREQUIRED "Для установки программы «${APP_NAME}» нужны права администратора."
!define MULTIUSER_INIT_TEXT_POWERREQUIRED "Для установки программы «${APP_NAME}» нужны права опытного пользователя или администратора."
!define MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE "У вашей учётной записи нет прав установить «${APP_NAME}» для всех пользователей компьютера. Запустите установку от имени администратора или установите программу только для себя."
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

; ---- pages ---------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${WELCOME}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC  ; the description under the list: the names fit
!define MUI_WELCOMEPAGE_TEXT "Программа поможет вести дорожные карты поддержки школ с низкими образовательными результатами: мероприятия и сроки, чек-листы, приказы и таблицы для региона.$\r$\n$\r$\nДанные (база, резервные копии) хранятся отдельно от программы, в папке пользователя, и сохраняются при обновлении и удалении программы.$\r$\n$\r$\n$_CLICK"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Запустить «${APP_NAME}»"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Russian"

; ---- install -------------------------------------------------------------------------------
Section "Программа" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an upgrade: the previous version's files go first (data is not here)
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Дорожные карты ШНОР: мероприятия, чек-листы, приказы"

  ; «Программы и компоненты»
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ; a district's exchange package opens with the program (the window imports it)
  WriteRegStr SHCTX "Software\Classes\.dkp" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "Пакет района («${APP_NAME}»)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Section "Ярлык на рабочем столе" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "Программа и ярлык в меню «Пуск»."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "Ярлык программы на рабочем столе."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

; ---- uninstall: only what the installer put there ------------------------------------------
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only when empty: whatever the user kept there stays

  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ReadRegStr $0 SHCTX "Software\Classes\.dkp" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\.dkp"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd
