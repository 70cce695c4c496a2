# core/hub: the hub's request handling reads everything a client sends
# (method, path, query, headers, body) against a real temp SQLite hub.
spoke_add_fuzzer(fuzz_hub_request ${PROJECT_SOURCE_DIR}/tests/hub/fuzz/fuzz_hub_request.cpp spoke_hub_api)
# One Range header (RFC 9110 §14) against any file size: what a deck or a
# recording's part is answered with (hub/api/FileRanges.h).
spoke_add_fuzzer(fuzz_hub_range ${PROJECT_SOURCE_DIR}/tests/hub/fuzz/fuzz_hub_range.cpp spoke_hub_api)
