# core/transport: every datagram from the ICE socket (DTLS records, SRTP,
# SRTCP, junk) is untrusted; impairment strings come from users.
spoke_add_fuzzer(fuzz_transport_datagrams ${PROJECT_SOURCE_DIR}/tests/transport/fuzz/fuzz_transport_datagrams.cpp spoke_transport)
spoke_add_fuzzer(fuzz_impairment_config ${PROJECT_SOURCE_DIR}/tests/transport/fuzz/fuzz_impairment_config.cpp spoke_transport)
