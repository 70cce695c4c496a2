# core/slides: a shared PDF deck reaches every clinic from a presenter's laptop.
spoke_add_fuzzer(fuzz_slide_deck ${PROJECT_SOURCE_DIR}/tests/slides/fuzz/fuzz_slide_deck.cpp spoke_slides)
