#!/bin/sh
# Regenerates the app icons from build/icon.svg (Debian: apt-get install -y librsvg2-bin imagemagick icnsutils).
#   icon.png  512x512   Linux (AppImage, deb) and the window icon
#   icon.ico  16..256   Windows (NSIS)
#   icon.icns 16..1024  macOS (DMG)
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "$tmp/icon-$size.png"
done
cp "$tmp/icon-512.png" icon.png
convert "$tmp/icon-16.png" "$tmp/icon-24.png" "$tmp/icon-32.png" "$tmp/icon-48.png" "$tmp/icon-64.png" "$tmp/icon-128.png" "$tmp/icon-256.png" icon.ico
png2icns icon.icns "$tmp/icon-16.png" "$tmp/icon-32.png" "$tmp/icon-48.png" "$tmp/icon-128.png" "$tmp/icon-256.png" "$tmp/icon-512.png" "$tmp/icon-1024.png" >/dev/null
echo "Wrote icon.png, icon.ico, icon.icns"
