#pragma once

#include "sync/HubProtocol.h"

#include <QString>

#include <filesystem>

namespace spoke::sync {

// This install's device id, as the hub sees it (docs/hub-api.md "Media": the
// hub issues one room token and one feed slot per account and device, so a
// laptop must name itself the same way every time, or each join would take a
// new slot of the account's 500).
//
// Kept in DATA_DIR/device-id: read when it holds a valid id
// (sync::isValidDeviceId), otherwise made once ("app-" and the 32 hex digits
// of a random UUID) and written owner-only and atomically, so a crash never
// leaves half an id. A failure to write is a LocalStore error; the id is
// never made up anew on each call. Call it off the UI thread (file I/O).
HubExpected<QString> loadOrCreateDeviceId(const std::filesystem::path& dataDir);

// The file it lives in.
std::filesystem::path deviceIdFileIn(const std::filesystem::path& dataDir);

} // namespace spoke::sync
