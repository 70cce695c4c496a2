# core/recording: the probe reads recordings made elsewhere (imports).
spoke_add_fuzzer(fuzz_recording_probe ${PROJECT_SOURCE_DIR}/tests/recording/fuzz/fuzz_recording_probe.cpp spoke_recording)
# The chapter journal beside a recording (crash-cut files keep their chapters there).
spoke_add_fuzzer(fuzz_chapter_journal ${PROJECT_SOURCE_DIR}/tests/recording/fuzz/fuzz_chapter_journal.cpp spoke_recording)
# The Player opens, seeks and decodes imported recordings with its own threads.
spoke_add_fuzzer(fuzz_recording_player ${PROJECT_SOURCE_DIR}/tests/recording/fuzz/fuzz_recording_player.cpp spoke_recording)
