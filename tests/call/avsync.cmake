# Lip sync on the receive side: the render queue alone, then against a real
# Janus (call_avsync_test.cpp) with sync off and on.
spoke_add_test(test_call_render_queue
  SOURCES video_render_queue_test.cpp
  LIBS spoke_call
  LABELS call)
