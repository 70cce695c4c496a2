# core/media: decoders and the stamp reader see what the network delivers.
spoke_add_fuzzer(fuzz_media_decode ${PROJECT_SOURCE_DIR}/tests/media/fuzz/fuzz_media_decode.cpp spoke_media)
