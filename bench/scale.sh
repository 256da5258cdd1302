#!/usr/bin/env bash
# scale.sh builds one generator's site at growing sizes, once each after a
# warm-up, and prints wall time per event: how the build time grows with
# the dossier.
#
#   bench/scale.sh            # ours, at 1k, 5k, 10k, 20k, 50k events
#   bench/scale.sh hugo       # the same curve for Hugo
#   SIZES="1000 5000" bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

gen=${1:-dossier}
case $gen in dossier | hugo) ;; *) echo "usage: bench/scale.sh [dossier|hugo]" >&2; exit 2 ;; esac
SIZES=${SIZES:-"1000 5000 10000 20000 50000"}

setup
if [ "$gen" = dossier ] && [ "$OURS_OK" != 1 ]; then
	echo "our generator does not build yet" >&2
	exit 1
fi

# Every corpus is written before anything is timed.
for n in $SIZES; do corpus "$gen" "$n" >/dev/null; done
settle

rows=()
warm=0
for n in $SIZES; do
	echo "== $n events" >&2
	site=$(corpus "$gen" "$n")
	name=$(basename "$site")
	rm -f "$OUT/times-$gen-$name"
	if [ "$warm" = 0 ]; then # one warm-up, on the first size, for the file cache and the binary
		timed "$gen" "$site"
		rm -f "$OUT/times-$gen-$name"
		warm=1
	fi
	timed "$gen" "$site"
	read -r w c r _ <<<"$(stats "$gen" "$name")"
	rows+=("$(awk -v n="$n" -v w="$w" -v c="$c" -v r="$r" -v h="$(html_in "$LAST_OUT")" \
		'BEGIN { printf "| %d | %.2f | %.3f | %.2f | %d | %d |", n, w, w*1000/n, c, r, h }')")
done

machine
echo
echo "Generator: $gen"
echo
echo "| events | wall (s) | wall per event (ms) | CPU user+sys (s) | peak RSS (MiB) | HTML files |"
echo "|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
