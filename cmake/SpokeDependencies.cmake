# Every external library Spoke uses, found once. All come from Debian 12
# packages; scripts/deps installs them.

set(SPOKE_QT_COMPONENTS Core Network WebSockets)
if(SPOKE_BUILD_UI)
  list(APPEND SPOKE_QT_COMPONENTS Gui Qml Quick QuickControls2 Multimedia LinguistTools)
endif()
if(SPOKE_BUILD_TESTS AND SPOKE_BUILD_UI)
  list(APPEND SPOKE_QT_COMPONENTS QuickTest Test)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${SPOKE_QT_COMPONENTS})

find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLite3 REQUIRED IMPORTED_TARGET sqlite3>=3.40)
