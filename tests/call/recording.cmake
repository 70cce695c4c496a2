# The hub records a live session (call_hub_recording_test.cpp): three calls
# through a real spoke-hub and Janus, the hub's `spoke-hub record` child
# writing the WebM, chapters from the agenda, a killed recorder resumed in a
# new part, and the recording going on after the chair's removal and a
# killed and restarted serve.
add_executable(test_call_hub_recording call_hub_recording_test.cpp HubSession.h $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_hub_recording PRIVATE Catch2::Catch2 spoke_recording Qt6::Core Qt6::Network)
target_include_directories(test_call_hub_recording PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(test_call_hub_recording PRIVATE SPOKE_CLI_PATH="$<TARGET_FILE:spoke-cli>"
                                                           SPOKE_HUB_PATH="$<TARGET_FILE:spoke-hub>")
add_dependencies(test_call_hub_recording spoke-cli spoke-hub)
spoke_target_defaults(test_call_hub_recording)

foreach(recording_case
    "hub recording: the chair records a session of three with a chapter per agenda item"
    "hub recording: a recorder killed mid-session is restarted in a new part"
    "hub recording: the recorder outlives the chair's removal and a restart of serve")
  string(MD5 recording_run "${recording_case}")
  string(SUBSTRING "${recording_run}" 0 8 recording_run)
  add_test(NAME "${recording_case}"
    COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns --events
            ${CMAKE_CURRENT_BINARY_DIR}/janus-run/recording-${recording_run}
            -- $<TARGET_FILE:test_call_hub_recording> -w NoTests "${recording_case}")
  # Three calls, a hub and its recorder on two cores: run alone.
  set_tests_properties("${recording_case}" PROPERTIES LABELS "janus;call;hub;recording" TIMEOUT 360
    SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endforeach()
