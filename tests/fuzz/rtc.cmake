# core/rtc: everything from the network (RTP, RTCP, SDP from the hub) is untrusted.
spoke_add_fuzzer(fuzz_rtc_sdp ${PROJECT_SOURCE_DIR}/tests/rtc/fuzz/fuzz_sdp.cpp spoke_rtc)
spoke_add_fuzzer(fuzz_rtc_rtp ${PROJECT_SOURCE_DIR}/tests/rtc/fuzz/fuzz_rtp.cpp spoke_rtc)
spoke_add_fuzzer(fuzz_rtc_rtcp ${PROJECT_SOURCE_DIR}/tests/rtc/fuzz/fuzz_rtcp.cpp spoke_rtc)
spoke_add_fuzzer(fuzz_rtc_vp8 ${PROJECT_SOURCE_DIR}/tests/rtc/fuzz/fuzz_vp8.cpp spoke_rtc)
