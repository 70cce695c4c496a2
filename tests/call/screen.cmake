# Screen sharing (core/call/ScreenShare): its lifecycle and the share's
# description without a network, and spoke-cli join --share-screen's parsing.
spoke_add_test(test_call_screen
  SOURCES screen_share_test.cpp ${PROJECT_SOURCE_DIR}/app/cli/JoinScreen.cpp
  LIBS spoke_call
  LABELS call)
target_include_directories(test_call_screen PRIVATE ${PROJECT_SOURCE_DIR}/app/cli)

# A share read back through a real Janus on a capped uplink
# (call_screen_share_test.cpp); one Janus in its own network namespace.
add_executable(test_call_screen_janus
  call_screen_share_test.cpp
  $<TARGET_OBJECTS:spoke_test_main>)
target_link_libraries(test_call_screen_janus PRIVATE Catch2::Catch2 Qt6::Core)
target_compile_definitions(test_call_screen_janus PRIVATE SPOKE_CLI_PATH="$<TARGET_FILE:spoke-cli>")
add_dependencies(test_call_screen_janus spoke-cli)
spoke_target_defaults(test_call_screen_janus)

set(screen_case "call: a screen share at 150 kbit/s behind a 200 kbit/s uplink is read back in at least 95 % of frames")
add_test(NAME "${screen_case}"
  COMMAND ${PROJECT_SOURCE_DIR}/tests/janus/janus-netns --reclaim-timeout 2
          ${CMAKE_CURRENT_BINARY_DIR}/janus-run/screen-1
          -- $<TARGET_FILE:test_call_screen_janus> -w NoTests "${screen_case}")
set_tests_properties("${screen_case}" PROPERTIES LABELS "janus;call" TIMEOUT 120 SKIP_RETURN_CODE 77
  # Rates and frame counts mean nothing while another suite competes for
  # the two cores: run alone.
  RUN_SERIAL TRUE)
