#!/usr/bin/env bash
# Builds Frameproof's macOS app image and disk image with the JDK's jlink and jpackage, as
# installer/build.sh does on Linux. Written from jpackage's documentation; not run by this project
# yet (installer/README.md). Run it on a Mac of the target processor (jpackage packages only for
# the system it runs on; the pom picks FFmpeg's natives for it).
#   installer/macos/build.sh app-image   target/installer/frameproof.app
#   installer/macos/build.sh [dmg|pkg]   the app image, then target/installer/Frameproof-VERSION.dmg (or .pkg)
# Needs a JDK 17+ of the Mac's processor (jlink, jpackage, jmods) and the Xcode command line tools
# (sips and iconutil make the icon; hdiutil makes the disk image).
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
out="$here/target/installer"
kind="${1:-dmg}"

# shellcheck source=installer/shell-helpers.sh
source "$here/installer/shell-helpers.sh"

case "$kind" in
    app-image | dmg | pkg) ;;
    *) fail "unknown kind '$kind': use app-image, dmg or pkg" ;;
esac
[ "$(uname -s)" = Darwin ] || fail "this script builds on macOS; installer/build.sh builds for Linux."

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
    jdk="$JAVA_HOME"
elif jdk="$(/usr/libexec/java_home -v 17+ 2>/dev/null)"; then
    :
else
    fail "no JDK found: install a JDK 17 or newer for this Mac's processor, or set JAVA_HOME."
fi
[ -x "$jdk/bin/jpackage" ] || fail "the JDK in $jdk has no jpackage (JDK 16 and newer have it)."
[ -d "$jdk/jmods" ] || fail "the JDK in $jdk has no jmods folder, which jlink needs."

cd "$here"
say "building the app (./mvnw package)"
JAVA_HOME="$jdk" ./mvnw -B -q -DskipTests package >&2
version="$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)"
version="${version%-SNAPSHOT}" # jpackage takes numbers only

rm -rf "$out/input" "$out/runtime" "$out/frameproof.app" "$out/frameproof.iconset"
mkdir -p "$out/input"
cp target/frameproof.jar "$out/input/"
cp -R target/lib "$out/input/lib"

check_module_list

# jpackage takes only an .icns on macOS; it overrides the .png of jpackage-common.args.
mkdir -p "$out/frameproof.iconset"
for size in 16 32 128 256 512; do
    sips -z "$size" "$size" assets/frameproof.png --out "$out/frameproof.iconset/icon_${size}x${size}.png" >/dev/null
    sips -z $((size * 2)) $((size * 2)) assets/frameproof.png --out "$out/frameproof.iconset/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$out/frameproof.iconset" -o "$out/frameproof.icns"

say "making the runtime (jlink)"
"$jdk/bin/jlink" @installer/jlink.args --output "$out/runtime"
say "making the app image (jpackage)"
"$jdk/bin/jpackage" @installer/jpackage-common.args @installer/jpackage-app-image.args --app-version "$version" \
    --icon "$out/frameproof.icns"
if [ "$kind" = app-image ]; then
    say "done: $out/frameproof.app"
    exit 0
fi
say "making the $kind (jpackage)"
"$jdk/bin/jpackage" @installer/jpackage-common.args @installer/macos/jpackage-macos.args --type "$kind" \
    --app-version "$version" --icon "$out/frameproof.icns"
say "done: $(ls "$out"/*."$kind")"
