#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its SVG. Run by hand after editing the SVG and commit the
# PNGs: the build uses the committed files and never needs rsvg-convert
# (apt-get install librsvg2-bin).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
id=io.github.channeldesk.ChannelDesk
svg="$here/hicolor/scalable/apps/$id.svg"

for size in 16 32 48 64 128 256; do
    mkdir -p "$here/hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$svg" \
        --output "$here/hicolor/${size}x${size}/apps/$id.png"
done
