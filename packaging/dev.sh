#!/usr/bin/env bash
# The developer's entry point:
#   ./packaging/dev.sh demo [ARGS...]  install what is missing, build (Release), run the demo
#   ./packaging/dev.sh test [CTEST ARGS...]  install what is missing, build, run every test
#   ./packaging/dev.sh build          install what is missing and build
#   ./packaging/dev.sh headless [CTEST ARGS...]  build without the GUI (-DCHANNELDESK_GUI=OFF,
#                                     in BUILD_DIR-headless; Qt Widgets and QtKeychain are not
#                                     even looked for) and run its tests
#   ./packaging/dev.sh asan [CTEST ARGS...]  the headless build with AddressSanitizer and UBSan
#                                     (in BUILD_DIR-asan, clang when installed; any report fails
#                                     its test) and its tests; CI's step
#   ./packaging/dev.sh tsan [CTEST ARGS...]  a ThreadSanitizer build (BUILD_DIR-tsan, GUI off) of
#                                     the threaded tests: contention, propagation, console worker,
#                                     the listener thread;
#                                     Qt's and glib's own frames are suppressed (tests/tsan.supp)
#   ./packaging/dev.sh bench [ROUNDS]  build with the benchmarks and run every row of
#                                     docs/BENCHMARKS.md's issue-13 table ROUNDS times (default 2),
#                                     back to back; each run's last line (one JSON object) with
#                                     its command and the load goes to BUILD_DIR/bench-results.jsonl
#   ./packaging/dev.sh fuzz [SECONDS]  the same build (clang: it holds the libFuzzer targets); runs
#                                     each for SECONDS (default 60) on tests/fuzz/corpus/<target>
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

# The headless build with AddressSanitizer and UBSan, in BUILD_DIR-asan. With clang++-14 it is
# also instrumented for libFuzzer and builds the fuzz targets, so the sanitized tests and the
# fuzzers share one build (CI's time); with gcc only the tests.
build_sanitized() {
    build_dir="$build_dir-asan"
    local compiler=()
    if command -v clang++-14 >/dev/null; then
        compiler=(-DCMAKE_CXX_COMPILER=clang++-14 -DCHANNELDESK_FUZZ=ON)
    fi
    # Warnings are gated by dev.sh test's gcc build; clang's extra ones (-Woverloaded-virtual
    # on DemoDriver::event) do not fail this step.
    build -DCMAKE_BUILD_TYPE=Debug -DCHANNELDESK_GUI=OFF -DCHANNELDESK_WERROR=OFF \
        -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON \
        -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Keychain=ON \
        -DCHANNELDESK_SANITIZE=address,undefined "${compiler[@]}"
    # Leaks are not errors here: Qt's own singletons outlive main().
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1}"
    export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
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
        # The benchmarks are built (never run) so that their code cannot rot.
        build -DCHANNELDESK_BENCHMARKS=ON
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
    asan)
        build_sanitized
        cd "$build_dir"
        ctest --output-on-failure --parallel "$jobs" "$@"
        ;;
    tsan)
        build_dir="$build_dir-tsan"
        tsan_tests=(tst_syncengine_contention tst_propagator tst_propagatorfailures
            tst_propagatorbuffers tst_channelsync tst_channelsyncfaults tst_consolequotes
            tst_stockprojection tst_quoteservice tst_settingscontroller tst_httpapi tst_orderintake
            tst_httpexchange)
        "$here/install-deps.sh"
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCHANNELDESK_WERROR="${CHANNELDESK_WERROR:-OFF}" -DCHANNELDESK_TESTS=ON \
            -DCHANNELDESK_GUI=OFF -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON \
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Keychain=ON -DCHANNELDESK_SANITIZE=thread >/dev/null
        cmake --build "$build_dir" --parallel "$jobs" --target "${tsan_tests[@]}"
        cd "$build_dir"
        export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1 suppressions=$root/tests/tsan.supp}"
        regex="^($(IFS='|'; echo "${tsan_tests[*]}"))\$"
        ctest --output-on-failure --parallel "$jobs" -R "$regex" "$@"
        ;;
    bench)
        rounds="${1:-2}"
        build -DCHANNELDESK_BENCHMARKS=ON
        out="$build_dir/bench-results.jsonl"
        : >"$out"
        rows=("bench_propagation 8 1000 10" "bench_propagation 40 1000 10"
            "bench_flashsale shopify,woocommerce,ebay,amazon 10 2" "bench_intake 32 10"
            "bench_console 100000 5000 10 sku" "bench_console --real 100000 2000 20"
            "bench_orderpath 200000 1000 2")
        for ((round = 1; round <= rounds; ++round)); do
            for row in "${rows[@]}"; do
                read -r -a argv <<<"$row"
                load="$(cut -d' ' -f1 /proc/loadavg)"
                echo "dev.sh bench: round $round: $row (load $load)" >&2
                # One log a row and round: the text figures beside the JSON line (lag breakdown).
                log="$build_dir/bench-${row//[^A-Za-z0-9]/_}-round$round.log"
                if ! QT_QPA_PLATFORM=offscreen "$build_dir/tests/bench/${argv[0]}" "${argv[@]:1}" \
                    >"$log" 2>&1; then
                    echo "dev.sh bench: $row FAILED (log: $log)" >&2
                    tail -n 20 "$log" >&2
                    continue
                fi
                last="$(tail -n 1 "$log")"
                printf '{"round":%d,"command":"%s","load_1min":%s,"result":%s}\n' \
                    "$round" "$row" "$load" "$last" | tee -a "$out"
            done
        done
        ;;
    fuzz)
        seconds="${1:-60}"
        build_sanitized
        if [ ! -d "$build_dir/tests/fuzz" ]; then
            echo "dev.sh fuzz: needs clang++-14 and libclang-rt-14-dev (libFuzzer)" >&2
            exit 1
        fi
        failed=0
        for corpus in "$root"/tests/fuzz/corpus/*/; do
            target="$(basename "$corpus")"
            work="$build_dir/fuzz-work/$target"
            mkdir -p "$work/corpus" "$work/artifacts"
            echo "dev.sh fuzz: $target for ${seconds}s" >&2
            # New inputs go to the build's copy; the checked-in seeds stay as they are.
            if ! "$build_dir/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
                -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
                "$work/corpus" "$corpus" 2>"$work/log"; then
                tail -n 60 "$work/log" >&2
                echo "dev.sh fuzz: $target FAILED; the input is in $work/artifacts/" >&2
                failed=1
            fi
        done
        exit "$failed"
        ;;
    *)
        echo "usage: $0 demo|test|headless|asan|tsan|bench|fuzz|build [ARGS...]" >&2
        exit 1
        ;;
esac
