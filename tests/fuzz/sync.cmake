# core/sync: every answer the hub sends is read as untrusted input.
spoke_add_fuzzer(fuzz_hub_response ${PROJECT_SOURCE_DIR}/tests/sync/fuzz/fuzz_hub_response.cpp spoke_sync)
