# The RTCP our subscribers send Janus, on the wire.
spoke_add_test(test_call_receiver_rtcp
  SOURCES receiver_rtcp_test.cpp
  LIBS spoke_call
  LABELS call)

# Receive-side recovery against a real Janus (call_recovery_test.cpp): NACK
# and retransmission on a lossy link, a 2 s outage, a 10 s network drop.
# One Janus per case in its own network namespace (tests/janus/janus-netns);
# a long reclaim timeout, since the dropped client claims its session back.
add_executable(test_call_recovery
  call_recovery_test.cpp
  ${PROJECT_SOURCE_DIR}/tests/session/TcpRelay.h ${PROJECT_SOURCE_DIR}/tests/session/TcpRelay.cpp
  $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_recovery PRIVATE Catch2::Catch2 Qt6::Core Qt6::Network)
target_include_directories(test_call_recovery PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(test_call_recovery PRIVATE SPOKE_CLI_PATH="$<TARGET_FILE:spoke-cli>")
add_dependencies(test_call_recovery spoke-cli)
spoke_target_defaults(test_call_recovery)

set(recovery_cases
  "call: on a lossy link NACKed video packets are retransmitted and stamped frames arrive"
  "call: video recovers within 1 s after a 2 s total outage"
  "call: a client whose network drops for 10 s rejoins by itself and the others see its video again"
)
set(recovery_number 0)
foreach(case IN LISTS recovery_cases)
  math(EXPR recovery_number "${recovery_number} + 1")
  add_test(NAME "${case}"
    COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns --reclaim-timeout 20
            ${CMAKE_CURRENT_BINARY_DIR}/janus-run/recovery-${recovery_number}
            -- $<TARGET_FILE:test_call_recovery> -w NoTests "${case}")
  set_tests_properties("${case}" PROPERTIES LABELS "janus;call" TIMEOUT 120 SKIP_RETURN_CODE 77
    # Glass-to-glass latency and rate figures mean nothing while another
    # suite competes for the two cores: run alone.
    RUN_SERIAL TRUE)
endforeach()
