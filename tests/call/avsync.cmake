# Lip sync on the receive side: the render queue alone, then against a real
# Janus (call_avsync_test.cpp) with sync off and on.
spoke_add_test(test_call_render_queue
  SOURCES video_render_queue_test.cpp
  LIBS spoke_call
  LABELS call)

add_executable(test_call_avsync
  call_avsync_test.cpp
  $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_avsync PRIVATE Catch2::Catch2 Qt6::Core)
target_compile_definitions(test_call_avsync PRIVATE SPOKE_CLI_PATH="$<TARGET_FILE:spoke-cli>")
add_dependencies(test_call_avsync spoke-cli)
spoke_target_defaults(test_call_avsync)

set(avsync_case "call: lip sync holds pictures back to sound 250 ms behind them; skew within 45 ms")
add_test(NAME "${avsync_case}"
  COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns --reclaim-timeout 2
          ${CMAKE_CURRENT_BINARY_DIR}/janus-run/avsync
          -- $<TARGET_FILE:test_call_avsync> -w NoTests "${avsync_case}")
# Latency figures mean nothing while another suite shares the two cores: run alone.
set_tests_properties("${avsync_case}" PROPERTIES LABELS "janus;call" TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
