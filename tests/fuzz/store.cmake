# core/store/crypt: a sealed cache page is read from a disk that may have been tampered with.
spoke_add_fuzzer(fuzz_sealed_page ${PROJECT_SOURCE_DIR}/tests/security/fuzz/fuzz_sealed_page.cpp spoke_store_crypt)
