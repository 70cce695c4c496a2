# Compiler settings shared by every Spoke target.

find_program(SPOKE_CCACHE ccache)
if(SPOKE_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER "${SPOKE_CCACHE}")
  set(CMAKE_CXX_COMPILER_LAUNCHER "${SPOKE_CCACHE}")
endif()

if(SPOKE_SANITIZE)
  # Applied globally so that every object, test and app links one runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

option(SPOKE_TSAN "Build with ThreadSanitizer (the tsan preset)" OFF)
if(SPOKE_TSAN)
  # ThreadSanitizer must see every Spoke object; Qt itself is not instrumented,
  # so its internal synchronisation is described in tests/support/tsan.supp.
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

if(SPOKE_FUZZ)
  # Coverage instrumentation for every library a fuzzer links; the fuzz
  # executables add -fsanitize=fuzzer themselves (tests/fuzz).
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Call on every first-party target; third-party headers stay quiet because
# they come in through imported targets (SYSTEM include directories).
function(spoke_target_defaults target)
  if(MSVC)
    # The msvc presets (untested here, docs/architecture.md): cl's nearest
    # equivalent of the GCC/clang set below, standard conformance on.
    target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
    if(SPOKE_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                           -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual)
    if(SPOKE_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
endfunction()

include(SpokeHardening)
