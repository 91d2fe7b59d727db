#!/bin/bash
# Do two builds give the same Sigma answers? Runs `evtxhunt sigma --rules RULES --format json`
# of each build (a checkout with `npm run build` done) over three data sets and compares stdout
# and stderr byte for byte: a generated 100 MB log (seed 1), the public rules' regression samples
# and every Sysmon or Security log of the shared corpus (by its INVENTORY.tsv). The rules are the
# shared rules, rules-emerging-threats and rules-threat-hunting folders, copied into one folder
# (the CLI takes one). Exits 1 when any output differs.
# Usage: scripts/sigma-same-answers.sh BEFORE_ROOT AFTER_ROOT [WORK_DIR]
set -u
BEFORE=${1:?usage: scripts/sigma-same-answers.sh BEFORE_ROOT AFTER_ROOT [WORK_DIR]}
AFTER=${2:?usage: scripts/sigma-same-answers.sh BEFORE_ROOT AFTER_ROOT [WORK_DIR]}
WORK=${3:-$(mktemp -d)}
SHARED=${EVTXHUNT_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
mkdir -p "$WORK/rules" "$WORK/before" "$WORK/after"

cp -r "$SHARED"/sigma/rules* "$WORK/rules/"
LOG="$WORK/generated-100MB.evtx"
if [ ! -f "$LOG" ]; then
  node "$AFTER/packages/generate/dist/src/main.js" --size 100MB --seed 1 --out "$LOG" \
    --labels "$WORK/generated.labels" >/dev/null
fi
mapfile -t REGRESSION < <(find "$SHARED/sigma/regression_data" -name '*.evtx' | sort)
mapfile -t CORPUS < <(awk -F'\t' -v corpus="$SHARED/samples/evtx" \
  'NR > 1 && ($8 ~ /Sysmon/ || $8 ~ /(^|;)Security(;|$)/) { print corpus "/" $1 }' \
  "$SHARED/samples/evtx/INVENTORY.tsv" | sort)

run() { # run ROOT OUT_DIR NAME FILES...
  local root=$1 out=$2 name=$3
  shift 3
  node "$root/packages/cli/dist/src/main.js" sigma --rules "$WORK/rules" --format json "$@" \
    >"$out/$name.json" 2>"$out/$name.err"
  echo $? >"$out/$name.status"
}

status=0
compare() { # compare NAME FILES...
  local name=$1
  shift
  run "$BEFORE" "$WORK/before" "$name" "$@"
  run "$AFTER" "$WORK/after" "$name" "$@"
  local matches
  matches=$(grep -c '"rule": {' "$WORK/after/$name.json")
  if cmp -s "$WORK/before/$name.json" "$WORK/after/$name.json" &&
    cmp -s "$WORK/before/$name.err" "$WORK/after/$name.err" &&
    cmp -s "$WORK/before/$name.status" "$WORK/after/$name.status"; then
    echo "$name: $# files, $matches matches: identical"
  else
    echo "$name: $# files: DIFFERENT (see $WORK/before and $WORK/after)"
    status=1
  fi
}

compare generated "$LOG"
compare regression "${REGRESSION[@]}"
compare corpus "${CORPUS[@]}"
[ $# -ge 3 ] || [ $status -ne 0 ] || rm -rf "$WORK"
exit $status
