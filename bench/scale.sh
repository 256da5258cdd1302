#!/usr/bin/env bash
# scale.sh builds one generator's site at growing sizes, once each after a
# warm-up, and prints what a build costs per event: how time and memory
# grow with the dossier.
#
#   bench/scale.sh                  # ours, corpus a, at 1k, 5k, 10k, 20k, 50k events
#   bench/scale.sh hugo             # the same curve for Hugo
#   CORPORA="a b" bench/scale.sh    # corpus b too (see BENCHMARKS.md)
#   SIZES="1000 5000" bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

gen=${1:-dossier}
case $gen in dossier | hugo) ;; *) echo "usage: bench/scale.sh [dossier|hugo]" >&2; exit 2 ;; esac
SIZES=${SIZES:-"1000 5000 10000 20000 50000"}
CORPORA=${CORPORA:-a}
for style in $CORPORA; do
	case $style in a | b) ;; *) echo "CORPORA: unknown corpus $style (want a, b or both)" >&2; exit 2 ;; esac
done

setup
if [ "$gen" = dossier ] && [ "$OURS_OK" != 1 ]; then
	echo "our generator does not build yet" >&2
	exit 1
fi

# Every corpus is written before anything is timed.
for style in $CORPORA; do
	for n in $SIZES; do corpus "$gen" "$n" "$style" >/dev/null; done
done
settle

rows=()
for style in $CORPORA; do
	warm=0
	for n in $SIZES; do
		echo "== $n events, corpus $style" >&2
		site=$(corpus "$gen" "$n" "$style")
		name=$(basename "$site")
		rm -f "$OUT/times-$gen-$name"
		if [ "$warm" = 0 ]; then # one warm-up, on the first size, for the file cache and the binary
			timed "$gen" "$site"
			rm -f "$OUT/times-$gen-$name"
			warm=1
		fi
		timed "$gen" "$site"
		read -r w c r _ <<<"$(stats "$gen" "$name")"
		rows+=("$(awk -v n="$n" -v style="$style" -v w="$w" -v c="$c" -v r="$r" -v mb="$(mb_in "$LAST_OUT")" -v h="$(html_in "$LAST_OUT")" \
			'BEGIN { printf "| %d | %s | %.2f | %.3f | %.2f | %.3f | %d | %.0f | %.1f | %d |", n, style, w, w*1000/n, c, c*1000/n, r, r*1024/n, mb, h }')")
	done
done

machine
echo
echo "Generator: $gen"
echo
echo "| events | corpus | wall (s) | wall per event (ms) | CPU user+sys (s) | CPU per event (ms) | peak RSS (MiB) | peak RSS per event (KiB) | output (MB) | HTML files |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
