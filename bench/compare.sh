#!/usr/bin/env bash
# compare.sh times our generator against Hugo on the same synthetic dossier
# at several sizes and prints a Markdown table: mean wall time, mean CPU time
# (user+sys), mean peak RSS, and ours/Hugo for each.
#
#   bench/compare.sh                  # 1k, 5k and 20k events
#   SIZES="1000" RUNS=3 bench/compare.sh
#   GENS=hugo bench/compare.sh        # Hugo alone
#
# Each size gets one warm-up build per generator, then RUNS timed builds
# (default 5 at 1k, 3 at 5k, 1 above), alternating ours and Hugo so that both
# see the same machine load. Corpora and binaries live in bench/out/; each
# build writes a new folder under bench/out/run/, and all are deleted when
# the script ends (see "What is timed" in BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZES=${SIZES:-"1000 5000 20000"}

runs_for() {
	if [ -n "${RUNS:-}" ]; then echo "$RUNS"
	elif [ "$1" -le 1000 ]; then echo 5
	elif [ "$1" -le 5000 ]; then echo 3
	else echo 1
	fi
}

setup
# GENS=hugo times Hugo alone, even when ours builds.
gens=${GENS:-dossier hugo}
if [ "$OURS_OK" != 1 ]; then gens=hugo; fi
case " $gens " in *" dossier "*) ;; *) OURS_OK=0 ;; esac

# Every corpus is written before anything is timed.
for n in $SIZES; do
	for gen in dossier hugo; do corpus "$gen" "$n" >/dev/null; done
done
settle

rows=()
for n in $SIZES; do
	echo "== $n events" >&2
	declare -A site last
	site[dossier]=$(corpus dossier "$n")
	site[hugo]=$(corpus hugo "$n")
	for gen in $gens; do
		rm -f "$OUT/times-$gen-$(basename "${site[$gen]}")"
	done
	runs=$(runs_for "$n")
	for i in $(seq 0 "$runs"); do
		for gen in $gens; do
			timed "$gen" "${site[$gen]}"
			last[$gen]=$LAST_OUT
			echo "   $gen run $i: $(tail -1 "$OUT/times-$gen-$(basename "${site[$gen]}")")" >&2
		done
		if [ "$i" = 0 ]; then # the warm-up: forget it
			for gen in $gens; do rm -f "$OUT/times-$gen-$(basename "${site[$gen]}")"; done
		fi
	done
	entries=$(($(files_in "${site[dossier]}/content")))
	declare -A s
	for gen in $gens; do
		s[$gen]=$(stats "$gen" "$(basename "${site[$gen]}")")
		read -r w c r k <<<"${s[$gen]}"
		name=$([ "$gen" = hugo ] && echo "Hugo $(hugo version | cut -d' ' -f2)" || echo "ours")
		rows+=("| $n | $entries | $name | $w | $c | $r | $(html_in "${last[$gen]}") | $k |")
	done
	if [ "$OURS_OK" = 1 ]; then
		read -r w1 c1 r1 _ <<<"${s[dossier]}"
		read -r w2 c2 r2 _ <<<"${s[hugo]}"
		rows+=("$(awk -v n="$n" -v w1="$w1" -v c1="$c1" -v r1="$r1" -v w2="$w2" -v c2="$c2" -v r2="$r2" \
			'BEGIN { printf "| %s | | **ours/Hugo** | **%.2f×** | **%.2f×** | **%.2f×** | | |", n, w1/w2, c1/c2, r1/r2 }')")
	else
		rows+=("| $n | $entries | ours | TODO: not timed (our generator did not build, or GENS excluded it) | | | | |")
	fi
	unset site last s
done

machine
echo
echo "| events | entry files | generator | wall (s, mean) | CPU user+sys (s) | peak RSS (MiB) | HTML files | runs |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
