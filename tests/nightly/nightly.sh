#!/usr/bin/env bash
# The commands of the README's nightly job, one step each, so that a test
# (tests/tests/nightly.rs) runs them end to end and the example cannot rot.
#
#   nightly.sh shard I N   run shard I of N into shards/I.db
#   nightly.sh report      merge shards/*.db into nightly.db; compare it with
#                          baseline/report.json when there is one; write
#                          report.html, summary.md and report.json (the next
#                          night's baseline)
#
# Environment: SIZEUP, the binary (default: sizeup); SUITE, the suite
# (default: suites/starter.yaml); RUN_ARGS, more `run` arguments (e.g.
# `--limit 20 --models suites/models.yaml`).
#
# Exit code: 0, or 1 when a quality or error regression is found, 3 when a
# shard is missing (the report still shows what was measured), 2 on bad
# input. A failed night leaves its report; only a passing one should be
# published as the next baseline.
set -euo pipefail
sizeup="${SIZEUP:-sizeup}"
suite="${SUITE:-suites/starter.yaml}"

case "${1:-}" in
  shard)
    mkdir -p shards
    # shellcheck disable=SC2086 # RUN_ARGS is a list of arguments.
    "$sizeup" run "$suite" --shard "$2/$3" --db "shards/$2.db" --quiet ${RUN_ARGS:-}
    ;;
  report)
    status=0
    "$sizeup" merge shards/*.db --db nightly.db --quiet || status=$?
    # A missing shard (3) still leaves a run to report on.
    if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
      exit "$status"
    fi
    outputs=(--html report.html --markdown summary.md --json report.json)
    if [ -f baseline/report.json ]; then
      "$sizeup" compare baseline/report.json latest --db nightly.db "${outputs[@]}" || {
        code=$?
        [ "$status" -ne 0 ] || status=$code
      }
    else
      echo "no baseline/report.json: the first night has nothing to compare with" >&2
      "$sizeup" show latest --db nightly.db
      "$sizeup" export latest --db nightly.db --format html -o report.html
      "$sizeup" export latest --db nightly.db --format markdown -o summary.md
      "$sizeup" export latest --db nightly.db --format json -o report.json
    fi
    exit "$status"
    ;;
  *)
    echo "usage: nightly.sh shard I N | nightly.sh report" >&2
    exit 2
    ;;
esac
