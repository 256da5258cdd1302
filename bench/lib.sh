# Shared by compare.sh and scale.sh: setup, corpora, and timing one build.
# Sourced with the repository root as the working directory.

OUT=$PWD/bench/out
SEED=${SEED:-1}

# setup installs what the benchmarks run (Hugo, and GNU time for CPU time
# and peak RSS) when missing, and builds our generator once.
# It sets OURS_OK=1 when our generator builds.
setup() {
	LOAD=$(cut -d" " -f1-3 /proc/loadavg)
	mkdir -p "$OUT"
	TRASH=$(mktemp -d "$OUT/trash.XXXX")
	trap cleanup EXIT
	# Outputs of earlier runs go to the trash too, to be deleted after the
	# timing (see "What is timed" in BENCHMARKS.md).
	for d in "$OUT"/run "$OUT"/site-* "$OUT"/trash.*; do
		if [ -e "$d" ] && [ "$d" != "$TRASH" ]; then mv "$d" "$TRASH/"; fi
	done
	mkdir -p "$OUT/run"
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
	# No VCS stamp: the binary then changes only when the corpus code
	# does, and its hash says whether a corpus on disk is current.
	go build -buildvcs=false -o "$OUT/gencorpus" ./bench/gencorpus
	OURS_OK=0
	if go build -o "$OUT/dossier" ./generator 2>"$OUT/dossier-build.log"; then
		OURS_OK=1
	else
		echo "our generator does not build yet (see $OUT/dossier-build.log); timing Hugo only" >&2
	fi
}

# settle waits, before the first timed build, until six minutes have
# passed since the last script deleted its outputs: ext4 without a
# journal avoids reusing an inode for up to that long after it is freed,
# scanning past it for each new file, which would slow both generators'
# builds down for reasons of the benchmark's own making.
settle() {
	local since
	since=$(($(date +%s) - $(cat "$OUT/deleted-at" 2>/dev/null || echo 0)))
	if [ "$since" -lt 360 ]; then
		echo "waiting $((360 - since)) s for the files deleted by the last run to age (see BENCHMARKS.md)" >&2
		sleep $((360 - since))
	fi
}

# cleanup deletes the outputs and the trash once the timing is over, and
# notes when, for the next script to settle.
cleanup() {
	rm -rf "$TRASH" "$OUT/run"
	date +%s >"$OUT/deleted-at"
}

# corpus FORMAT EVENTS [CORPUS] writes bench/out/FORMAT-EVENTS (corpus a,
# the default) or bench/out/FORMAT-b-EVENTS (corpus b, written
# differently: see BENCHMARKS.md) and prints its path.
# A corpus written by the same gencorpus binary with the same arguments is
# kept without being written again, and one with the same bytes is kept
# as it is, since others may be reading it; a different one is replaced.
# Nothing is deleted before the timing: replaced files go to the trash.
corpus() {
	local style=${3:-a} name dir stamp
	name=$1-$2
	if [ "$style" != a ]; then name=$1-$style-$2; fi
	dir=$OUT/$name
	stamp="$(sha256sum <"$OUT/gencorpus" | cut -d' ' -f1) $1 $2 $SEED $style"
	if [ "$(cat "$dir.stamp" 2>/dev/null)" = "$stamp" ] && [ -d "$dir" ]; then
		echo "$dir"
		return
	fi
	if [ -e "$dir.new" ]; then mv "$dir.new" "$TRASH/$name.new.old"; fi
	"$OUT/gencorpus" -corpus "$style" -events "$2" -seed "$SEED" -format "$1" -out "$dir.new"
	if diff -rq "$dir" "$dir.new" >/dev/null 2>&1; then
		mv "$dir.new" "$TRASH/$name.new"
	else
		if [ -e "$dir" ]; then mv "$dir" "$TRASH/$name.old"; fi
		mv "$dir.new" "$dir"
	fi
	echo "$stamp" >"$dir.stamp"
	echo "$dir"
}

# timed GEN SITE builds SITE with GEN (dossier or hugo) into a new folder
# under $OUT/run, sets LAST_OUT to it, and appends "wall user sys
# maxrss_kb" to $OUT/times-GEN-SITENAME. Every run writes the whole site
# into a folder that did not exist, and no output is deleted until the
# script ends: on ext4 without a journal, as here, creating a file scans
# past every inode freed in the last minute or more, so deleting one
# output just before the next build made both generators' times depend
# on what the benchmark itself had just deleted (see BENCHMARKS.md).
# Anything a build prints is shown: both should print nothing.
timed() {
	local gen=$1 site=$2 dest t cmd
	dest=$(mktemp -d -u "$OUT/run/$gen-$(basename "$site")-XXXX")
	LAST_OUT=$dest
	case $gen in
	dossier) cmd=("$OUT/dossier" build -site "$site" -out "$dest") ;;
	hugo) cmd=(hugo --quiet -s "$site" -d "$dest") ;;
	esac
	# What earlier builds wrote goes to the disk first, not during this one.
	sync
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
# mb_in prints the bytes of the files under a folder in MB: their sizes,
# as du -sb counts them, without the folders or the disk blocks they take.
mb_in() { find "$1" -type f -printf '%s\n' | awk '{ b += $1 } END { printf "%.1f\n", b / 1e6 }'; }

machine() {
	echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GiB"
	echo "Hugo: $(hugo version | cut -d' ' -f2)"
	echo "Go: $(go env GOVERSION)"
	echo "Load average before the runs: $LOAD"
}
