# core/sync: every answer the hub sends is read as untrusted input.
spoke_add_fuzzer(fuzz_hub_response ${PROJECT_SOURCE_DIR}/tests/sync/fuzz/fuzz_hub_response.cpp spoke_sync)
# What a client sends the hub link relay (SOCKS5), on 127.0.0.1 only but read strictly all the same.
spoke_add_fuzzer(fuzz_socks5 ${PROJECT_SOURCE_DIR}/tests/sync/fuzz/fuzz_socks5.cpp spoke_sync)
