# core/session: everything the media server sends over the WebSocket is
# untrusted input (parser, transaction routing, room state).
spoke_add_fuzzer(fuzz_janus_message ${PROJECT_SOURCE_DIR}/tests/session/fuzz/fuzz_janus_message.cpp spoke_session)
