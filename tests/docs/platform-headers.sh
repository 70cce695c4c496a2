#!/usr/bin/env bash
# Platform code lives only in core/media/devices/<platform>/ (linux, windows,
# macos; core/media/README.md, "Platforms"): no other file includes a
# device or windowing API's header, so porting Spoke means adding a folder,
# not hunting through the tree.
#
# "Platform header" here means the capture, sound and windowing APIs:
#   Windows  <windows.h> <dshow.h> <mmdeviceapi.h> <audioclient.h> <winuser.h>
#   Linux    <linux/...> <sys/ioctl.h> <sys/soundcard.h> <alsa/...> <pulse/...>
#            <pipewire/...> <X11/...> <xcb/...> <wayland-...> <libudev.h>
#   Apple    <AVFoundation/...> <CoreAudio/...> <CoreMedia/...> <CoreVideo/...>
#            <AudioToolbox/...> <AppKit/...> <Cocoa/...> <ScreenCaptureKit/...>
# POSIX headers (<unistd.h>, <fcntl.h>, <sys/socket.h>, <sys/stat.h>,
# <sys/wait.h>, <arpa/inet.h>, ...) are not in the rule: transport, store and
# the test harnesses use them today for sockets, files and child processes,
# not devices, and making those portable is a separate job (Winsock, Qt).
#
# One exception: tests/media/screen_sources_test.cpp creates a window with
# xcb on a private Xvfb to test the Linux listing against a real X server.
#
#   tests/docs/platform-headers.sh SOURCE_DIR
set -euo pipefail

root=${1:?usage: platform-headers.sh SOURCE_DIR}
cd "$root"

pattern='^[[:space:]]*#[[:space:]]*(include|import)[[:space:]]*[<"]'
pattern+='((windows|dshow|mmdeviceapi|audioclient|winuser)\.h'
pattern+='|(linux|alsa|pulse|pipewire|X11|xcb)/'
pattern+='|sys/(ioctl|soundcard)\.h|wayland-|libudev\.h'
pattern+='|(AVFoundation|CoreAudio|CoreMedia|CoreVideo|AudioToolbox|AppKit|Cocoa|ScreenCaptureKit)/)'

allowed='^(core/media/devices/(linux|windows|macos)/|tests/media/screen_sources_test\.cpp:)'

mapfile -t sources < <(git ls-files -- '*.c' '*.cc' '*.cpp' '*.h' '*.hpp' '*.m' '*.mm' 2>/dev/null \
    || find . -name build -prune -o -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.mm' \) -print | sed 's|^\./||')

hits=$(grep -EiHn "$pattern" -- "${sources[@]}" || true)
# The rule must be live: the Linux backend does include xcb, so a pattern
# that matched nothing would be a broken test, not a clean tree.
if ! grep -q '^core/media/devices/linux/' <<<"$hits"; then
    echo "the pattern found no platform header even in core/media/devices/linux/: the check is broken"
    exit 1
fi
outside=$(grep -Ev "$allowed" <<<"$hits" || true)
if [[ -n $outside ]]; then
    echo "platform headers outside core/media/devices/<platform>/ (move the code there, behind DeviceBackend):"
    echo "$outside"
    exit 1
fi
echo "platform headers only in core/media/devices/<platform>/ ($(wc -l <<<"$hits") includes)"
