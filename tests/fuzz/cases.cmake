# core/cases: the echo-case/1.0 importer and the de-identification gate both
# read text from outside (files, pasted narratives).
spoke_add_fuzzer(fuzz_case_import ${PROJECT_SOURCE_DIR}/tests/cases/fuzz/fuzz_case_import.cpp spoke_cases)
spoke_add_fuzzer(fuzz_deid_check ${PROJECT_SOURCE_DIR}/tests/cases/fuzz/fuzz_deid_check.cpp spoke_cases)
# Photos attached to a case come from phones and chats: AttachmentCleaner
# decodes them before anything leaves the laptop.
spoke_add_fuzzer(fuzz_attachment_cleaner ${PROJECT_SOURCE_DIR}/tests/cases/fuzz/fuzz_attachment_cleaner.cpp spoke_cases)
