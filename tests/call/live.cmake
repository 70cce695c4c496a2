# A live ECHO session of three through a real spoke-hub and a real Janus
# (call_live_session_test.cpp): chat, hands and page turns under 1 s, the
# chair's mute, the screen share, and attendance against Janus' own events
# (janus-netns --events: Janus posts them to the hub).
add_executable(test_call_live call_live_session_test.cpp HubSession.h $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_live PRIVATE Catch2::Catch2 Qt6::Core Qt6::Network)
target_include_directories(test_call_live PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(test_call_live PRIVATE SPOKE_CLI_PATH="$<TARGET_FILE:spoke-cli>"
                                                  SPOKE_HUB_PATH="$<TARGET_FILE:spoke-hub>")
add_dependencies(test_call_live spoke-cli spoke-hub)
spoke_target_defaults(test_call_live)

set(live_case "live session: a chair and a presenter and a participant meet through the hub and Janus")
add_test(NAME "${live_case}"
  COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns --events --reclaim-timeout 2
          ${CMAKE_CURRENT_BINARY_DIR}/janus-run/live-1
          -- $<TARGET_FILE:test_call_live> -w NoTests "${live_case}")
set_tests_properties("${live_case}" PROPERTIES LABELS "janus;call;hub;live" TIMEOUT 180 SKIP_RETURN_CODE 77
  # Three calls and a hub on two cores: run alone.
  RUN_SERIAL TRUE)
