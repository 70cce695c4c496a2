# core/recording: the probe reads recordings made elsewhere (imports).
spoke_add_fuzzer(fuzz_recording_probe ${PROJECT_SOURCE_DIR}/tests/recording/fuzz/fuzz_recording_probe.cpp spoke_recording)
