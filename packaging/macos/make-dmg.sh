#!/usr/bin/env bash
# Builds Spoke.app and Spoke-VERSION.dmg on macOS. UNTESTED: written without
# a Mac here (packaging/README.md, "Windows and macOS").
#
#   packaging/macos/make-dmg.sh BUILD_DIR VERSION
#
# BUILD_DIR is an Apple clang build with vcpkg's dependencies (the
# toolchains' macOS preset). The bundle it makes:
#
#   Spoke.app/Contents/
#     Info.plist              packaging/macos/Info.plist.in, version filled in
#     MacOS/spoke             the desktop app
#     MacOS/spoke-cli         the command line, next to it (same libraries)
#     Resources/spoke.icns    from resources/icons/spoke.svg
#     Frameworks/             Qt and vcpkg libraries   } macdeployqt
#     PlugIns/, Resources/qml/  Qt plugins, QML modules  } copies these
set -euo pipefail

build=${1:?usage: make-dmg.sh BUILD_DIR VERSION}
version=${2:?usage: make-dmg.sh BUILD_DIR VERSION}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/macos-bundle
app=$out/Spoke.app

rm -rf "$out"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
sed "s/@PROJECT_VERSION@/$version/g" "$root/packaging/macos/Info.plist.in" >"$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"
cp "$build/app/desktop/spoke" "$build/app/cli/spoke-cli" "$app/Contents/MacOS/"

# The icon: the SVG at every size an .icns holds (rsvg-convert from librsvg,
# `brew install librsvg`), then iconutil.
iconset=$out/spoke.iconset
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
    rsvg-convert -w $size -h $size "$root/resources/icons/spoke.svg" -o "$iconset/icon_${size}x${size}.png"
    rsvg-convert -w $((size * 2)) -h $((size * 2)) "$root/resources/icons/spoke.svg" \
        -o "$iconset/icon_${size}x${size}@2x.png"
done
iconutil -c icns "$iconset" -o "$app/Contents/Resources/spoke.icns"

# Qt, its plugins (multimedia, sqldrivers, tls) and the QML modules ui/qml
# imports; -executable makes spoke-cli find the same Frameworks/.
macdeployqt "$app" -qmldir="$root/ui/qml" -executable="$app/Contents/MacOS/spoke-cli" -always-overwrite

# Not signed or notarised: that needs an Apple Developer ID. Unsigned, macOS
# refuses to open it from a double click (right-click, Open, once).
dmg=$out/Spoke-$version.dmg
staging=$out/dmg
mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications" # drag-and-drop install
hdiutil create -volname "Spoke $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
echo "$dmg"
