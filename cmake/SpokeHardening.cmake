# Hardening for the builds Spoke ships (the release preset): the flags
# Debian's dpkg-buildflags uses with hardening=+all, so the .deb matches what
# Debian itself would build. scripts/package-check verifies them on the
# packaged binaries.
#
# The link-time part (RELRO, BIND_NOW; PIE is Debian's default) is on in every
# build: it costs nothing and changes no object file. The compile-time part is
# on only with SPOKE_HARDENING (release): turning it on in the asan build CI
# packages would change every object's flags and miss ccache for the whole
# build, over an hour on CI's two cores (docs/architecture.md, "Build
# configurations").

option(SPOKE_HARDENING "Compile and link with the hardening flags (fortify, stack protector, CET, PIE, RELRO, BIND_NOW)" OFF)

function(spoke_enable_hardening)
  # Applied to every target (third-party code built here included): a
  # hardened binary is only as hard as its weakest object.
  add_compile_options(-fstack-protector-strong -fstack-clash-protection -fcf-protection
                      -Wformat -Werror=format-security)
  # _FORTIFY_SOURCE needs the optimiser (it only does anything with -O1 and up,
  # and glibc warns without it), so Debug builds leave it out.
  if(CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
    add_compile_options(-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2)
  endif()
  add_link_options(-Wl,-z,relro,-z,now)
  # PIE executables (CMP0083, in force since cmake_minimum_required 3.14).
  include(CheckPIESupported)
  check_pie_supported(LANGUAGES C CXX)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON PARENT_SCOPE)
endfunction()

if(SPOKE_HARDENING)
  spoke_enable_hardening()
elseif(NOT WIN32 AND NOT APPLE)
  add_link_options(-Wl,-z,relro,-z,now)
endif()
