#!/usr/bin/env bash
# Checks the .deb that installer/build.sh made: installs it, starts the installed launcher on a
# virtual screen, waits for the main window, takes a screenshot (target/installer/deb-window.png),
# quits the app with Ctrl+Q, and removes the package again. Debian packages that the .deb pulled in
# (libVLC, GTK, xdg-utils) and the screen tools (Xvfb, xdotool, ImageMagick) stay installed.
# Run as root (or with sudo); exits non-zero with a message on the first failure.
#   installer/check-deb.sh [PATH.deb]
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# shellcheck source=installer/shell-helpers.sh
source "$here/installer/shell-helpers.sh"

launcher=/opt/frameproof/bin/frameproof
screenshot="$here/target/installer/deb-window.png"
window_seconds=60
quit_seconds=15

deb="${1:-}"
if [ -z "$deb" ]; then
    built=("$here"/target/installer/frameproof_*.deb)
    [ -f "${built[0]}" ] || fail "no .deb in target/installer: run installer/build.sh deb first."
    [ ${#built[@]} -eq 1 ] || fail "more than one .deb in target/installer: name the one to check."
    deb="${built[0]}"
fi
[ -f "$deb" ] || fail "no such .deb: $deb"

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

# installed, half-configured, unpacked, config-files...; not-installed when dpkg does not know it.
package_state() {
    dpkg-query -W -f='${db:Status-Status}' frameproof 2>/dev/null || echo not-installed
}

if [ "$(package_state)" != not-installed ]; then
    fail "frameproof is already on this machine ($(package_state)); remove it first (dpkg --purge frameproof), so this check can leave the machine as it found it."
fi

install_screen_tools

data="$(mktemp -d)"
app_pid=
log="$data.log"
# remove_package purges the package when it is there, and says whether that left the machine clean.
remove_package() {
    [ "$(package_state)" != not-installed ] || return 0
    say "removing the package (dpkg --purge frameproof)"
    "${as_root[@]}" dpkg --purge frameproof >/dev/null 2>&1 || { say "dpkg --purge frameproof failed"; return 1; }
    if [ -e /usr/bin/frameproof ] || [ -e /usr/share/applications/frameproof.desktop ]; then
        say "removing the package left /usr/bin/frameproof or its menu entry behind"
        return 1
    fi
}
cleanup() {
    local status=$?
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    stop_virtual_screen
    remove_package || status=1
    rm -rf "$data" "$log"
    exit "$status"
}
trap cleanup EXIT

say "installing $(basename "$deb")"
if ! "${as_root[@]}" dpkg -i "$deb" >"$log" 2>&1; then
    say "dpkg -i did not finish (missing dependencies?); trying apt-get -f install"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get -f install -y -qq >>"$log" 2>&1 \
        || { cat "$log" >&2; fail "the package's dependencies could not be installed."; }
fi
[ "$(package_state)" = installed ] || { cat "$log" >&2; fail "the package did not install ($(package_state))."; }
[ -x "$launcher" ] || fail "the package did not install its launcher $launcher."
[ -e /usr/share/applications/frameproof.desktop ] || fail "the package put no menu entry in /usr/share/applications."

frameproof --version >"$log" 2>&1 || { cat "$log" >&2; fail "'frameproof --version' (the command on the PATH) failed."; }
say "installed: $(cat "$log")"

# No one is at a terminal to type the passphrase of the new encrypted store: scripts give it here.
export FRAMEPROOF_PASSPHRASE="${FRAMEPROOF_PASSPHRASE:-check-deb passphrase}"
start_virtual_screen
say "starting $launcher --data $data on display $DISPLAY"
"$launcher" --data "$data" >"$log" 2>&1 &
app_pid=$!
started=$SECONDS
if ! window="$(wait_for_window Frameproof "$window_seconds" "$app_pid")"; then
    tail -n 30 "$log" >&2
    if kill -0 "$app_pid" 2>/dev/null; then
        fail "no window named Frameproof appeared within $window_seconds s."
    fi
    fail "the installed app ended before its window appeared (output above)."
fi
say "window $window 'Frameproof' shown after about $((SECONDS - started)) s"
# Let the first frames be drawn before the screenshot.
sleep 2
mkdir -p "$(dirname "$screenshot")"
import -window root "$screenshot" || fail "the screenshot failed."
say "screenshot: ${screenshot#"$here"/}"

xdotool windowfocus --sync "$window" key --clearmodifiers ctrl+q
for _ in $(seq $((quit_seconds * 10))); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$app_pid" 2>/dev/null; then
    fail "the app did not quit within $quit_seconds s of Ctrl+Q."
fi
quit_status=0
wait "$app_pid" || quit_status=$?
app_pid=
[ "$quit_status" -eq 0 ] || { tail -n 30 "$log" >&2; fail "the app quit with status $quit_status."; }
[ -n "$(ls -A "$data")" ] || fail "the app wrote nothing into its --data folder $data."
remove_package || exit 1
say "ok: the .deb installs, its launcher shows the main window and quits cleanly, and it uninstalls"
