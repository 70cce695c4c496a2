# Every external library Spoke uses, found once. All come from Debian 12
# packages; scripts/deps installs them.

# Sql and HttpServer serve the hub (core/hub); see docs/architecture.md.
set(SPOKE_QT_COMPONENTS Core Network WebSockets Sql HttpServer)
if(SPOKE_BUILD_UI)
  list(APPEND SPOKE_QT_COMPONENTS Gui Qml Quick QuickControls2 Multimedia LinguistTools)
endif()
if(SPOKE_BUILD_TESTS AND SPOKE_BUILD_UI)
  list(APPEND SPOKE_QT_COMPONENTS QuickTest Test)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${SPOKE_QT_COMPONENTS})

find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLite3 REQUIRED IMPORTED_TARGET sqlite3>=3.40)

# The hub hashes passwords with Argon2id; the client keeps its hub token in
# the OS keyring (Secret Service over D-Bus), or a 0600 file without one.
pkg_check_modules(Sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
find_package(Qt6Keychain REQUIRED)
