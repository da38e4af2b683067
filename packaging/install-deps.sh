#!/usr/bin/env bash
# Installs exactly the Debian 12 packages ChannelDesk needs to build, test and run, and nothing
# when they are all present. Non-interactive; run as root (or with sudo available).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
    postgresql  # the *_postgres tests run a throwaway cluster (tests/common/pgcluster.sh)
    libmicrohttpd-dev
    zlib1g-dev  # Amazon's gzip-compressed feed processing reports
    qt6-charts-dev libqt6opengl6-dev
    qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev
    qt6-qpa-plugins
    xvfb xauth
    jq
    clang-14 libclang-rt-14-dev llvm-14  # the sanitizer build, libFuzzer, symbolized reports
    desktop-file-utils appstream
    # The package's own checks: lintian on the .deb, help2man for the man pages (and man-db to
    # render them), promtool (in prometheus) on /metrics and docs/prometheus, and bash-completion
    # for the CLI's completion.
    lintian help2man man-db prometheus bash-completion
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
