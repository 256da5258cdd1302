#!/usr/bin/env bash
# rebuild.sh times a rebuild into an existing output against a first
# build, on the synthetic dossier, and prints a Markdown table: median
# wall and CPU time (user+sys), their ratio to the first build's, and
# how many files each build wrote (files with a new inode or modification
# time, the stamp included).
#
#   bench/rebuild.sh                  # 5k events, 3 runs of each
#   EVENTS=1000 RUNS=5 bench/rebuild.sh
#
# Each run of a first build writes a new folder; then the no-change
# rebuilds and the one-edit rebuilds (each run changes one event's title
# anew) go into the last of them. Everything lives in a temporary folder,
# deleted when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-5000}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
if [ ! -x /usr/bin/time ]; then
	echo "rebuild.sh needs GNU time (apt-get install time)" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-rebuild.XXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/dossier" ./generator
go run ./bench/gencorpus -events "$EVENTS" -seed "$SEED" -format dossier -out "$work/site" >/dev/null
load=$(cut -d" " -f1-3 /proc/loadavg)

# snapshot OUT lists every file of OUT with its inode and modification time.
snapshot() { (cd "$1" && find . -type f -printf '%i %T@ %P\n' | sort); }

# timed KIND OUT builds into OUT and appends "wall cpu written" to
# $work/times-KIND.
timed() {
	local kind=$1 out=$2 before
	before=$(mktemp "$work/snap.XXXX")
	if [ -d "$out" ]; then snapshot "$out" >"$before"; fi
	sync
	/usr/bin/time -f '%e %U %S' -o "$work/t" "$work/dossier" build -site "$work/site" -out "$out" >"$work/log" 2>&1 ||
		{ cat "$work/log" >&2; exit 1; }
	written=$(snapshot "$out" | comm -13 "$before" - | wc -l)
	awk -v n="$written" '{ printf "%s %.2f %d\n", $1, $2 + $3, n }' "$work/t" >>"$work/times-$kind"
	echo "   $kind: $(tail -1 "$work/times-$kind") ($(head -1 "$work/log"))" >&2
	rm -f "$before"
}

# median KIND FIELD prints the median of field FIELD (1 wall, 2 CPU,
# 3 files written) over the runs of KIND.
median() { cut -d" " -f"$2" "$work/times-$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

event=$(find "$work/site/content/events" -name '*.md' ! -name '*.*.md' | sort | awk -v n="$EVENTS" 'NR == int(n / 2)')
for i in $(seq "$RUNS"); do timed first "$work/out-$i"; done
out=$work/out-$RUNS
for i in $(seq "$RUNS"); do timed unchanged "$out"; done
for i in $(seq "$RUNS"); do
	sed -i "0,/^title = \"/s//title = \"Edited $i: /" "$event"
	timed edited "$out"
done

echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "Load average before the runs: $load; after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "Corpus: $EVENTS events (seed $SEED), $(find "$out" -type f | wc -l) output files; medians of $RUNS runs"
echo
echo "| build | wall (s) | CPU user+sys (s) | wall ÷ first | CPU ÷ first | files written |"
echo "|---|---:|---:|---:|---:|---:|"
fw=$(median first 1) fc=$(median first 2)
for kind in first unchanged edited; do
	name=$(case $kind in first) echo "first build, new folder" ;; unchanged) echo "rebuild, nothing changed" ;; edited) echo "rebuild, one event's title changed" ;; esac)
	awk -v name="$name" -v w="$(median "$kind" 1)" -v c="$(median "$kind" 2)" -v n="$(median "$kind" 3)" -v fw="$fw" -v fc="$fc" \
		'BEGIN { printf "| %s | %.2f | %.2f | %.3f | %.3f | %d |\n", name, w, c, w / fw, c / fc, n }'
done
