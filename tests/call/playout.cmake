# The others' sound on the speaker in a real call (call_playout_janus_test.cpp):
# CallSessions in one process, stand-in speakers, an echo path back into the
# listener's microphone. One Janus per case (tests/janus/janus-netns); run
# alone, since the capture-to-speaker delay is judged.
add_executable(test_call_playout_janus
  call_playout_janus_test.cpp
  $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_playout_janus PRIVATE Catch2::Catch2 spoke_call)
target_include_directories(test_call_playout_janus PRIVATE ${PROJECT_SOURCE_DIR}/tests)
spoke_target_defaults(test_call_playout_janus)

set(playout_cases
  "call playout: the talker's marked tone plays on the listener's speaker in order and soon"
  "call playout: a listener's echo canceller keeps the talker from hearing itself back"
  "call playout: a speaker unplugged mid-call ends the sound with a warning and the call goes on"
)
set(playout_number 0)
foreach(case IN LISTS playout_cases)
  math(EXPR playout_number "${playout_number} + 1")
  add_test(NAME "${case}"
    COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns
            ${CMAKE_CURRENT_BINARY_DIR}/janus-run/playout-${playout_number}
            -- $<TARGET_FILE:test_call_playout_janus> -w NoTests "${case}")
  set_tests_properties("${case}" PROPERTIES LABELS "janus;call;playout" TIMEOUT 90 SKIP_RETURN_CODE 77
    RUN_SERIAL TRUE)
endforeach()
