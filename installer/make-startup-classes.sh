#!/usr/bin/env bash
# Writes installer/startup-classes.lst: the classes the workstation loads from its start to its main
# window, which the launcher puts into a class-data-sharing archive after each build
# (target/frameproof.jsa) so that later starts map them instead of loading and checking each one.
# Run it after a change of dependencies or of what the start loads; a stale list only makes the
# start a little slower (a class it names that no longer exists is skipped).
#   installer/make-startup-classes.sh
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# shellcheck source=installer/shell-helpers.sh
source "$here/installer/shell-helpers.sh"

install_screen_tools
"$here/frameproof" --version >/dev/null # builds when needed
data="$(mktemp -d)"
raw="$data/classes.lst"
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    stop_virtual_screen
    rm -rf "$data"
}
trap cleanup EXIT
start_virtual_screen

# A store opened from the environment goes straight to the main window: its classes are in the list too.
FRAMEPROOF_PASSPHRASE="startup classes passphrase" java -XX:DumpLoadedClassList="$raw" \
    -cp "$here/target/frameproof.jar:$here/target/lib/*" org.frameproof.app.Main --data "$data/store" \
    >"$data/output.log" 2>&1 &
app_pid=$!
wait_for_window Frameproof 120 "$app_pid" >/dev/null || { tail -n 20 "$data/output.log" >&2; fail "no main window"; }
sleep 2 # the first frame of the window draws after it is mapped
xdotool key ctrl+q
wait "$app_pid" || true
app_pid=
{
    echo "# The classes Frameproof loads up to its main window; made by installer/make-startup-classes.sh."
    # Lambda proxies depend on the exact build; plain class names stay valid across most changes.
    grep -v '^[#@]' "$raw"
} >"$here/installer/startup-classes.lst"
say "wrote installer/startup-classes.lst ($(grep -vc '^#' "$here/installer/startup-classes.lst") classes)"
