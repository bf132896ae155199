#!/usr/bin/env bash
# Builds Frameproof's Linux app image and .deb with the JDK's jlink and jpackage.
#   installer/build.sh app-image   target/installer/frameproof/ (bin/frameproof starts it)
#   installer/build.sh [deb]       the app image, then target/installer/frameproof_VERSION-1_amd64.deb
# The options live in the argument files beside this script; installer/windows/build.ps1 and
# installer/macos/build.sh build for those systems (installer/README.md).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
out="$here/target/installer"
kind="${1:-deb}"

# shellcheck source=installer/shell-helpers.sh
source "$here/installer/shell-helpers.sh"

case "$kind" in
    app-image | deb) ;;
    *) fail "unknown kind '$kind': use app-image or deb" ;;
esac

# jlink and jpackage come with the JDK that builds the app.
find_jdk() {
    local javac
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
        jdk="$JAVA_HOME"
    elif javac="$(command -v javac)"; then
        jdk="$(dirname "$(dirname "$(readlink -f "$javac")")")"
    else
        fail "no JDK found: install a JDK 17 or newer (sudo apt install openjdk-17-jdk) or set JAVA_HOME."
    fi
    [ -x "$jdk/bin/jpackage" ] || fail "the JDK in $jdk has no jpackage (it comes with JDK 16 and newer)."
    [ -d "$jdk/jmods" ] || fail "the JDK in $jdk has no jmods folder, which jlink needs (Debian: openjdk-17-jdk-headless has it)."
}

build_jar_if_needed() {
    local jar="$here/target/frameproof.jar"
    if [ -f "$jar" ] && [ -d "$here/target/lib" ] \
        && [ -z "$(find "$here/src/main" "$here/pom.xml" "$here/assets" -newer "$jar" -print -quit)" ]; then
        return 0
    fi
    say "building the app (./mvnw package)"
    "$here/mvnw" -B -q -f "$here/pom.xml" -DskipTests package >&2
}

build_app_image() {
    rm -rf "$out/input" "$out/runtime" "$out/frameproof"
    mkdir -p "$out/input"
    cp "$here/target/frameproof.jar" "$out/input/"
    cp -r "$here/target/lib" "$out/input/lib"
    check_module_list
    say "making the runtime (jlink)"
    "$jdk/bin/jlink" @installer/jlink.args --output "$out/runtime"
    say "making the app image (jpackage)"
    "$jdk/bin/jpackage" @installer/jpackage-common.args @installer/jpackage-app-image.args --app-version "$version"
}

build_deb() {
    # jpackage makes a .deb with dpkg-deb under fakeroot.
    install_missing fakeroot:fakeroot dpkg:dpkg-deb
    rm -f "$out"/frameproof_*.deb
    say "making the .deb (jpackage)"
    # gzip rather than dpkg's default xz: a few seconds instead of minutes for the 70 MB of jars
    # and runtime, and every dpkg reads it. DPKG_DEB_COMPRESSOR_TYPE=xz makes a smaller package.
    DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" "$jdk/bin/jpackage" @installer/jpackage-common.args @installer/jpackage-deb.args --app-version "$version"
}

find_jdk
cd "$here"
build_jar_if_needed
version="$(sed -n 's/^version=//p' "$here/target/maven-archiver/pom.properties")"
[ -n "$version" ] || fail "no version in target/maven-archiver/pom.properties; run ./mvnw package."
version="${version%-SNAPSHOT}" # jpackage takes numbers only
build_app_image
if [ "$kind" = deb ]; then
    build_deb
    say "done: target/installer/frameproof and target/installer/frameproof_$version-1_$(dpkg --print-architecture).deb"
else
    say "done: target/installer/frameproof"
fi
