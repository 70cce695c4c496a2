# core/hub: the hub's request handling reads everything a client sends
# (method, path, query, headers, body) against a real temp SQLite hub.
spoke_add_fuzzer(fuzz_hub_request ${PROJECT_SOURCE_DIR}/tests/hub/fuzz/fuzz_hub_request.cpp spoke_hub_api)
