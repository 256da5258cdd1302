#!/usr/bin/env bash
# compare.sh times our generator against Hugo on the same synthetic dossiers
# at several sizes and prints a Markdown table: mean wall time, mean CPU time
# (user+sys), mean peak RSS, output size, and ours/Hugo for each.
#
#   bench/compare.sh                  # 1k, 5k and 20k events, corpora a and b
#   SIZES="1000" RUNS=3 bench/compare.sh
#   CORPORA=b bench/compare.sh        # corpus b alone
#   GENS=hugo bench/compare.sh        # Hugo alone
#
# There are two corpora of the same kinds of entry: a, the project's own
# (synth.Defaults), and b, written differently (synth.DefaultsB), so that a
# ratio measured on one is checked on another. Each size and corpus gets
# one warm-up build per generator, then RUNS timed builds (default 5 at 1k,
# 3 at 5k, 1 above), alternating ours and Hugo so that both see the same
# machine load. Corpora and binaries live in bench/out/; each build writes
# a new folder under bench/out/run/, and all are deleted when the script
# ends (see "What is timed" in BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZES=${SIZES:-"1000 5000 20000"}
CORPORA=${CORPORA:-"a b"}
for style in $CORPORA; do
	case $style in a | b) ;; *) echo "CORPORA: unknown corpus $style (want a, b or both)" >&2; exit 2 ;; esac
done

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
	for style in $CORPORA; do
		for gen in dossier hugo; do corpus "$gen" "$n" "$style" >/dev/null; done
	done
done
settle

# times GEN SITE is the file where timed records GEN's builds of SITE.
times() { echo "$OUT/times-$1-$(basename "$2")"; }

rows=()
for n in $SIZES; do
	for style in $CORPORA; do
		echo "== $n events, corpus $style" >&2
		declare -A site last
		site[dossier]=$(corpus dossier "$n" "$style")
		site[hugo]=$(corpus hugo "$n" "$style")
		for gen in $gens; do rm -f "$(times "$gen" "${site[$gen]}")"; done
		runs=$(runs_for "$n")
		for i in $(seq 0 "$runs"); do
			for gen in $gens; do
				timed "$gen" "${site[$gen]}"
				last[$gen]=$LAST_OUT
				echo "   $gen run $i: $(tail -1 "$(times "$gen" "${site[$gen]}")")" >&2
			done
			if [ "$i" = 0 ]; then # the warm-up: forget it
				for gen in $gens; do rm -f "$(times "$gen" "${site[$gen]}")"; done
			fi
		done
		entries=$(($(files_in "${site[dossier]}/content")))
		declare -A s mb
		for gen in $gens; do
			s[$gen]=$(stats "$gen" "$(basename "${site[$gen]}")")
			mb[$gen]=$(mb_in "${last[$gen]}")
			read -r w c r k <<<"${s[$gen]}"
			name=$([ "$gen" = hugo ] && echo "Hugo $(hugo version | cut -d' ' -f2)" || echo "ours")
			rows+=("| $n | $style | $entries | $name | $w | $c | $r | ${mb[$gen]} | $(html_in "${last[$gen]}") | $k |")
		done
		if [ "$OURS_OK" = 1 ]; then
			read -r w1 c1 r1 _ <<<"${s[dossier]}"
			read -r w2 c2 r2 _ <<<"${s[hugo]}"
			rows+=("$(awk -v n="$n" -v style="$style" -v w1="$w1" -v c1="$c1" -v r1="$r1" -v b1="${mb[dossier]}" \
				-v w2="$w2" -v c2="$c2" -v r2="$r2" -v b2="${mb[hugo]}" \
				'BEGIN { printf "| %s | %s | | **ours/Hugo** | **%.2f×** | **%.2f×** | **%.2f×** | **%.2f×** | | |", n, style, w1/w2, c1/c2, r1/r2, b1/b2 }')")
		else
			rows+=("| $n | $style | $entries | ours | TODO: not timed (our generator did not build, or GENS excluded it) | | | | | |")
		fi
		unset site last s mb
	done
done

machine
echo
echo "| events | corpus | entry files | generator | wall (s, mean) | CPU user+sys (s) | peak RSS (MiB) | output (MB) | HTML files | runs |"
echo "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
