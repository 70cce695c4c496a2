# Joining the right room safely (issue 13), end to end against a real Janus:
# pin, allow-list tokens and fixed feed ids; wss:// verified against a CA made
# for the run (janus-netns --wss); a client that reaches only coturn
# (janus-netns --turn, its own TURN-only namespace). Exit 77 = skipped (no
# Janus, no coturn, or no netns allowed here).
add_executable(test_call_join call_join_test.cpp JoinClient.h $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_join PRIVATE Catch2::Catch2 Qt6::Core)
target_compile_definitions(test_call_join PRIVATE SPOKE_CLI_PATH="$<TARGET_FILE:spoke-cli>")
add_dependencies(test_call_join spoke-cli)
spoke_target_defaults(test_call_join)

set(join_cases
  "join: a room with a pin and an allow-list admits its tokens under fixed ids and refuses the rest|"
  "join: over wss the call joins with the pinned CA and is refused without it or under another name|--wss"
  "join: a client that can reach only the TURN server joins through its relay over TCP and media flows both ways|--turn"
)
set(join_number 0)
foreach(entry IN LISTS join_cases)
  math(EXPR join_number "${join_number} + 1")
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 case)
  list(GET parts 1 harness_option)
  add_test(NAME "${case}"
    COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns ${harness_option}
            ${CMAKE_CURRENT_BINARY_DIR}/janus-run/join-${join_number}
            -- $<TARGET_FILE:test_call_join> -w NoTests "${case}")
  set_tests_properties("${case}" PROPERTIES LABELS "janus;call;join" TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endforeach()
