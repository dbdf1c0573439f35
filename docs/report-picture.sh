#!/usr/bin/env bash
# Makes docs/report.png, the README's picture of a capacity report: the main job as the README runs it
# (`mvn gatling:test`, a minute of load: run it alone on the machine), then the top of its
# report.html screenshot in headless Chromium by bench/report-screenshot.sh, which also checks that the
# page is not blank.
#
# Usage: docs/report-picture.sh
# Environment (defaults): WINDOW_SIZE=1280,1000 (the part of the page in the picture)
# Needs: Java 17, Maven, chromium (apt-get install chromium), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

run_id=readme-picture-$(date +%Y%m%d-%H%M%S)
# The picture shows whatever verdict the run gets: a report that did not pass still makes a picture.
mvn -q gatling:test -Drun.id="$run_id" || [[ -f reports/$run_id/report.html ]]
WINDOW_SIZE=${WINDOW_SIZE:-1280,1000} bench/report-screenshot.sh "reports/$run_id/report.html" docs/report.png
