# Shared by compare.sh and scale.sh: setup, corpora, and timing one build.
# Sourced with the repository root as the working directory.

OUT=$PWD/bench/out
SEED=${SEED:-1}

# setup installs what the benchmarks run (Hugo, and GNU time for CPU time
# and peak RSS) when missing, and builds our generator once.
# It sets OURS_OK=1 when our generator builds.
setup() {
	LOAD=$(cut -d" " -f1-3 /proc/loadavg)
	local missing=()
	command -v hugo >/dev/null || missing+=(hugo)
	[ -x /usr/bin/time ] || missing+=(time)
	if [ "${#missing[@]}" -gt 0 ]; then
		# --no-install-recommends: Debian's hugo recommends golang-any, an
		# old Go that would only sit beside ours.
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
	hugo version >/dev/null
	mkdir -p "$OUT"
	go build -o "$OUT/gencorpus" ./bench/gencorpus
	OURS_OK=0
	if go build -o "$OUT/dossier" ./generator 2>"$OUT/dossier-build.log"; then
		OURS_OK=1
	else
		echo "our generator does not build yet (see $OUT/dossier-build.log); timing Hugo only" >&2
	fi
}

# corpus FORMAT EVENTS writes bench/out/FORMAT-EVENTS and prints its path.
# A corpus already there with the same bytes is kept as it is, since others
# may be reading it; a different one is replaced.
corpus() {
	local dir="$OUT/$1-$2"
	rm -rf "$dir.new"
	"$OUT/gencorpus" -events "$2" -seed "$SEED" -format "$1" -out "$dir.new"
	if diff -rq "$dir" "$dir.new" >/dev/null 2>&1; then
		rm -rf "$dir.new"
	else
		rm -rf "$dir"
		mv "$dir.new" "$dir"
	fi
	echo "$dir"
}

# timed GEN SITE DEST builds SITE into DEST with GEN (dossier or hugo) and
# appends "wall user sys maxrss_kb" to $OUT/times-GEN-SITENAME. The previous
# output is removed first, outside the timing, so that every run writes the
# whole site. Anything a build prints is shown: both should print nothing.
timed() {
	local gen=$1 site=$2 dest=$3 t cmd
	case $gen in
	dossier) cmd=("$OUT/dossier" build -site "$site" -out "$dest") ;;
	hugo) cmd=(hugo --quiet -s "$site" -d "$dest") ;;
	esac
	rm -rf "$dest"
	t=$(mktemp)
	if ! /usr/bin/time -f '%e %U %S %M' -o "$t" "${cmd[@]}" >"$t.log" 2>&1; then
		echo "$gen failed on $site:" >&2
		cat "$t.log" "$t" >&2
		rm -f "$t" "$t.log"
		return 1
	fi
	if [ -s "$t.log" ]; then
		echo "$gen printed on $site:" >&2
		head -20 "$t.log" >&2
	fi
	tail -1 "$t" >>"$OUT/times-$gen-$(basename "$site")"
	rm -f "$t" "$t.log"
}

# stats GEN SITENAME prints "wall cpu rss_mib runs": the means over the runs
# recorded by timed, CPU time being user+sys.
stats() {
	awk '{ w += $1; c += $2 + $3; r += $4; n++ }
		END { if (n) printf "%.2f %.2f %.0f %d\n", w/n, c/n, r/n/1024, n }' "$OUT/times-$1-$2"
}

files_in() { find "$1" -type f | wc -l; }
html_in() { find "$1" -name '*.html' | wc -l; }

machine() {
	echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GiB"
	echo "Hugo: $(hugo version | cut -d' ' -f2)"
	echo "Go: $(go env GOVERSION)"
	echo "Load average before the runs: $LOAD"
}
