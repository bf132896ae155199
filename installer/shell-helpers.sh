# shellcheck shell=bash
# Sourced by the scripts that build Frameproof's installers or start the app on a virtual X screen
# (installer/build.sh, installer/macos/build.sh, installer/check-deb.sh, bench/cold-start.sh):
# messages, installing missing Debian packages, an Xvfb of their own, waiting for a window, and
# checking jlink's module list. Not a command of its own.

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
fail() { say "$*"; exit 1; }

# install_missing PACKAGE:COMMAND... installs each Debian package whose command is not on the PATH
# (with sudo when not root), or stops naming what to install.
install_missing() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair#*:}" >/dev/null 2>&1 || missing+=("${pair%%:*}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || fail "please install ${missing[*]} (Debian package names) and run again."
    local run_as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "missing ${missing[*]}. As root, run: apt-get install ${missing[*]}"
        run_as_root=(sudo)
    fi
    say "installing ${missing[*]}"
    "${run_as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_screen_tools() {
    install_missing xvfb:Xvfb xdotool:xdotool imagemagick:import
}

# start_virtual_screen: an Xvfb of its own on the first free display, reachable only through its
# local socket; sets DISPLAY. stop_virtual_screen ends it.
start_virtual_screen() {
    local display=99
    while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
        display=$((display + 1))
    done
    Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    virtual_screen_pid=$!
    export DISPLAY=":$display"
    local _
    for _ in $(seq 100); do
        xdotool getmouselocation >/dev/null 2>&1 && return 0
        kill -0 "$virtual_screen_pid" 2>/dev/null || break
        sleep 0.05
    done
    fail "Xvfb did not start on display $DISPLAY"
}

stop_virtual_screen() {
    if [ -n "${virtual_screen_pid:-}" ]; then
        kill "$virtual_screen_pid" 2>/dev/null || true
        wait "$virtual_screen_pid" 2>/dev/null || true
        virtual_screen_pid=
    fi
}

# shown_window TITLE prints the id of a mapped window whose title starts with TITLE (case and all)
# and that is at least 300x200: JavaFX also maps a tiny window named after the launcher.
shown_window() {
    local id name WIDTH HEIGHT
    for id in $(xdotool search --onlyvisible --name "^$1" 2>/dev/null); do
        name="$(xdotool getwindowname "$id" 2>/dev/null)" || continue
        [[ "$name" == "$1"* ]] || continue
        eval "$(xdotool getwindowgeometry --shell "$id" 2>/dev/null | grep -E '^(WIDTH|HEIGHT)=')"
        if [ "${WIDTH:-0}" -ge 300 ] && [ "${HEIGHT:-0}" -ge 200 ]; then
            echo "$id"
            return 0
        fi
    done
    return 1
}

# wait_for_window TITLE SECONDS PID polls every 20 ms until shown_window finds TITLE, and prints its
# id; fails when PID ends first or the time runs out.
wait_for_window() {
    local deadline=$((SECONDS + $2))
    while [ "$SECONDS" -lt "$deadline" ]; do
        shown_window "$1" && return 0
        kill -0 "$3" 2>/dev/null || return 1
        sleep 0.02
    done
    return 1
}

# check_module_list: a dependency that starts using another JDK module must not break the installed
# app silently. Reads the jars staged in $out/input with the JDK in $jdk (installer/build.sh, macos/build.sh).
check_module_list() {
    local needed listed missing=()
    needed="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
        --class-path "$out/input/lib/*" "$out/input/frameproof.jar" "$out/input/lib/"*.jar 2>/dev/null | tail -n 1)" \
        || fail "jdeps could not list the JDK modules the jars use."
    listed="$(sed -n 's/^--add-modules //p' "$here/installer/jlink.args" | tr '\n' ',')"
    local module
    for module in ${needed//,/ }; do
        [[ ",$listed," == *",$module,"* ]] || missing+=("$module")
    done
    [ ${#missing[@]} -eq 0 ] || fail "the jars need JDK modules missing from installer/jlink.args: ${missing[*]}"
}
