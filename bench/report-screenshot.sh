#!/usr/bin/env bash
# Screenshot a capacity report.html in headless Chromium and check that it is not blank.
#
# Shows that report.html renders as one file in a real browser: Chromium gets nothing but the
# file:// URL (background networking, sync and component updates off). It does not cut the network;
# that the file refers to nothing outside itself is checked by HtmlReportWriterTest. The screenshot
# is blank when at most MIN_COLOURS distinct colours appear in a sample of its pixels (the sample
# report has about 1,000; an empty page has 1).
#
# Usage: bench/report-screenshot.sh REPORT_HTML [OUT_PNG]
#   REPORT_HTML  a report.html, e.g. reports/<run-id>/report.html as written by `mvn gatling:test`
#   OUT_PNG      where to put the screenshot (default: report-screenshot.png next to REPORT_HTML)
# Environment (defaults): WINDOW_SIZE=1400,2400 MIN_COLOURS=50 CHROMIUM=<chromium on PATH>
# Exit status: 0 rendered, 1 blank or no screenshot, 2 usage or missing tools.
# Needs: chromium (apt-get install chromium), python3. Installs nothing.
set -euo pipefail

WINDOW_SIZE=${WINDOW_SIZE:-1400,2400}
MIN_COLOURS=${MIN_COLOURS:-50}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

die() { printf 'report-screenshot: %s\n' "$1" >&2; exit "${2:-1}"; }

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  '') die "usage: $0 REPORT_HTML [OUT_PNG] (see --help)" 2 ;;
esac
[[ -f $1 ]] || die "no such file: $1" 2
HTML=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=${2:-$(dirname "$HTML")/report-screenshot.png}
[[ -n $CHROMIUM ]] && command -v "$CHROMIUM" >/dev/null || die "chromium not found; install it with: apt-get install chromium" 2
command -v python3 >/dev/null || die "python3 not found; install it with: apt-get install python3" 2

PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
rm -f "$OUT"
# Chromium logs harmless D-Bus and GPU complaints on a server; keep them for when it fails.
if ! "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --hide-scrollbars \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE" --window-size="$WINDOW_SIZE" --screenshot="$OUT" \
    "file://$HTML" >"$PROFILE/chromium.log" 2>&1 || [[ ! -s $OUT ]]; then
  cat "$PROFILE/chromium.log" >&2
  die "chromium wrote no screenshot of $HTML"
fi

python3 - "$OUT" "$MIN_COLOURS" <<'PY'
import struct, sys, zlib

path, min_colours = sys.argv[1], int(sys.argv[2])

def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) without libraries."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit(f"report-screenshot: {path} is not a PNG")
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour_type, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    if depth != 8 or colour_type not in (2, 6) or interlace:
        sys.exit(f"report-screenshot: unexpected PNG layout (depth {depth}, colour type {colour_type})")
    channels = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up, up_left = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: row[i] = (row[i] + left) & 255
            elif kind == 2: row[i] = (row[i] + up) & 255
            elif kind == 3: row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows

width, height, channels, rows = png_pixels(path)
colours = {rows[y][x * channels:x * channels + 3] for y in range(0, height, 4) for x in range(0, width, 4)}
verdict = "rendered" if len(colours) > min_colours else "BLANK"
print(f"{path}: {width}x{height}, {len(colours)} distinct colours in a 1/16 sample "
      f"(blank at <= {min_colours}): {verdict}")
sys.exit(0 if verdict == "rendered" else 1)
PY
