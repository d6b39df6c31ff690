#!/usr/bin/env bash
# Benchmark: the native EVTX reader against libevtx's evtxexport on a corpus of >= 500 MB built
# from copies of the real sample files under the shared datasets. Prints MB/s, records/s, CPU time
# and peak resident memory of each run; the figures of record are in the README (Performance). On a shared machine compare CPU times too: wall-clock
# figures move with the load of other processes, CPU seconds much less.
#
# Usage: bench/evtx/run.sh [corpus-MB]   (default 520; needs evtxexport for the comparison)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${ATWATCH_SHARED:-$root/../shared}"
work="$root/bench/work/evtx"
target_mb="${1:-520}"

# 1. The corpus: round-robin copies of every sample EVTX file until the target size is reached.
mkdir -p "$work/corpus"
mapfile -d '' samples < <(find "$shared/datasets" -name '*.evtx' -print0 | sort -z)
if [ "${#samples[@]}" -eq 0 ]; then
    echo "no EVTX samples under $shared/datasets" >&2
    exit 2
fi
size_mb() { du -sm "$work/corpus" | cut -f1; }
n=$(find "$work/corpus" -name '*.evtx' | wc -l)
while [ "$(size_mb)" -lt "$target_mb" ]; do
    for s in "${samples[@]}"; do
        cp "$s" "$work/corpus/$(printf '%06d' "$n").evtx"
        n=$((n + 1))
    done
done
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $n files, $((bytes / 1000000)) MB in $work/corpus"

# 2. The reader, run from the compiled classes.
(cd "$root" && mvn -o -q -B -pl atwatch-core test-compile)
cp="$root/atwatch-core/target/classes:$root/atwatch-core/target/test-classes"
run_reader() {
    /usr/bin/time -v java -Xmx1g -cp "$cp" dev.atwatch.read.evtx.EvtxBench "$work/corpus" "$@" \
        2> "$work/time.txt"
    grep -E 'Maximum resident|Elapsed|User time|System time' "$work/time.txt" | sed 's/^\s*/    /'
}
java -cp "$cp" dev.atwatch.read.evtx.EvtxBench "$work/corpus" > /dev/null  # warm the page cache
run_reader
run_reader --filter at.exe

# 3. The command line, as users run it: convert to JSON lines, and hunt with the reference rule
#    (the byte prefilter then skips records that cannot match before decoding them).
(cd "$root" && ./atwatch --version > /dev/null)
run_cli() {
    local name=$1
    shift
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -v "$root/atwatch" "$@" "$work/corpus" 2> "$work/time.txt" > "$work/out.txt"
    end=$(date +%s.%N)
    # records: what the run's own summary counts (events written by convert, records read by hunt)
    local records
    records=$(grep -oE '[0-9,]+ (events written|records read)' "$work/time.txt" | head -1 \
        | cut -d' ' -f1 | tr -d ,)
    awk -v n="$name" -v b="$bytes" -v s="$start" -v e="$end" -v r="$(wc -l < "$work/out.txt")" \
        -v c="${records:-0}" \
        'BEGIN { t = e - s; printf "%s: %.1f MB, %d records, %d output lines, %.2f s, %.1f MB/s, %.0f records/s\n", n, b / 1e6, c, r, t, b / 1e6 / t, c / t }'
    grep -E 'atwatch:|Maximum resident|User time|System time' "$work/time.txt" | sed 's/^\s*/    /'
}
run_cli "atwatch convert --format jsonl" convert --format jsonl
run_cli "atwatch hunt (reference rule)" hunt --rules "$root/rules/windows/reference.yaml" \
    --format jsonl

# 4. evtxexport, full XML conversion of the same files.
if command -v evtxexport > /dev/null; then
    start=$(date +%s.%N)
    /usr/bin/time -v bash -c 'for f in "$0"/*.evtx; do evtxexport -f xml "$f"; done' \
        "$work/corpus" 2> "$work/time.txt" | grep -c '<Event ' > "$work/records.txt" || true
    end=$(date +%s.%N)
    awk -v b="$bytes" -v s="$start" -v e="$end" -v r="$(cat "$work/records.txt")" \
        'BEGIN { t = e - s; printf "evtxexport: %.1f MB, %d records, %.2f s, %.1f MB/s, %.0f records/s\n", b / 1e6, r, t, b / 1e6 / t, r / t }'
    grep -E 'Maximum resident|User time|System time' "$work/time.txt" | sed 's/^\s*/    /'
else
    echo "evtxexport not found (apt-get install libevtx-utils): no comparison" >&2
fi
