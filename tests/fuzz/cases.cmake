# core/cases: the echo-case/1.0 importer and the de-identification gate both
# read text from outside (files, pasted narratives).
spoke_add_fuzzer(fuzz_case_import ${PROJECT_SOURCE_DIR}/tests/cases/fuzz/fuzz_case_import.cpp spoke_cases)
spoke_add_fuzzer(fuzz_deid_check ${PROJECT_SOURCE_DIR}/tests/cases/fuzz/fuzz_deid_check.cpp spoke_cases)
