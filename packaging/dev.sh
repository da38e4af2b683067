#!/usr/bin/env bash
# The developer's entry point:
#   ./packaging/dev.sh demo [ARGS...]  install what is missing, build (Release), run the demo
#   ./packaging/dev.sh test [CTEST ARGS...]  install what is missing, build, run every test
#   ./packaging/dev.sh build          install what is missing and build
#   ./packaging/dev.sh headless [CTEST ARGS...]  build without the GUI (-DCHANNELDESK_GUI=OFF,
#                                     in BUILD_DIR-headless; Qt Widgets and QtKeychain are not
#                                     even looked for) and run its tests
# Environment: BUILD_DIR (default: build), CHANNELDESK_WERROR=ON to fail on warnings (CI sets it),
# JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"

cmd="${1:-}"
[ $# -gt 0 ] && shift

build() {
    "$here/install-deps.sh"
    local werror="${CHANNELDESK_WERROR:-OFF}"
    cmake -S "$root" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=Release \
        -DCHANNELDESK_WERROR="$werror" \
        -DCHANNELDESK_TESTS=ON "$@" >/dev/null
    cmake --build "$build_dir" --parallel "$jobs"
}

has_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

case "$cmd" in
    build)
        build
        ;;
    demo)
        build
        gui="$build_dir/app/channeldesk/channeldesk"
        cli="$build_dir/app/channeldesk-cli/channeldesk-cli"
        if [ -x "$gui" ] && has_display; then
            exec "$gui" --demo "$@"
        fi
        echo "dev.sh: no display (or no console built): running the headless demo" >&2
        exec "$cli" demo "$@"
        ;;
    test)
        build
        cd "$build_dir"
        QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$jobs" "$@"
        ;;
    headless)
        # A find_package of Widgets or QtKeychain anywhere in this build is an error.
        build_dir="$build_dir-headless"
        build -DCHANNELDESK_GUI=OFF \
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON \
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Keychain=ON
        cd "$build_dir"
        ctest --output-on-failure --parallel "$jobs" "$@"
        ;;
    *)
        echo "usage: $0 demo|test|headless|build [ARGS...]" >&2
        exit 1
        ;;
esac
