#!/usr/bin/env bash
# Times AuditdReader against ausearch on a generated raw audit log of SIZE_MB (default 512) MB.
# Prints MB/s, events/s, MB per CPU second (the fair figure on a shared machine) and peak RSS of
# each. ausearch -i is slow, so it runs on a SLICE_MB slice, as does the reader beside it.
# Needs python3, GNU time and ausearch (Debian package auditd).
set -euo pipefail
cd "$(dirname "$0")/../.."

size_mb=${SIZE_MB:-512}
slice_mb=${SLICE_MB:-128}
work=bench/work
log=$work/audit-${size_mb}mb.log
slice=$work/audit-${slice_mb}mb.log
mkdir -p "$work"

if [ ! -f "$log" ]; then
    samples=$(find ../shared/datasets/linux-auditd-benign -name '*.log' 2>/dev/null || true)
    python3 bench/auditd/generate.py "$log" "$size_mb" $samples \
        atwatch-core/src/test/resources/dev/atwatch/read/auditd/long-argument.log \
        --positive atwatch-core/src/test/resources/dev/atwatch/read/auditd/{interleaved,enriched}.log \
        examples/linux/test4-at-job/audit.log examples/linux/test5-sudo-at/audit.log
fi
if [ ! -f "$slice" ]; then
    head -c $((slice_mb * 1024 * 1024)) "$log" | sed '$d' > "$slice"
fi

mvn -o -q -B -pl atwatch-core test-compile
classpath=atwatch-core/target/classes:atwatch-core/target/test-classes

# Runs a command under GNU time; prints seconds and peak RSS (MB) of it.
measure() {
    local name=$1 file=$2
    shift 2
    local report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$@" > "$work/$name.out"
    local seconds cpu rss_kb bytes
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$report")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$report")
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$report")
    bytes=$(stat -c %s "$file")
    rm -f "$report"
    echo "$name $bytes $seconds $cpu $rss_kb"
}

# Prints one line of figures; the event count is the reader's for the same file.
report() {
    local name bytes seconds cpu rss_kb
    read -r name bytes seconds cpu rss_kb
    awk -v name="$name" -v b="$bytes" -v s="$seconds" -v c="$cpu" -v r="$rss_kb" -v n="$1" 'BEGIN {
        printf "%-17s %6.1f MB in %7.2f s (%7.2f s CPU): %6.1f MB/s, %8.0f events/s, %6.1f MB per CPU s, peak RSS %5.0f MB\n",
            name, b / 1e6, s, c, b / 1e6 / s, n / s, b / 1e6 / c, r / 1024 }'
}

java=(java ${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -cp "$classpath" dev.atwatch.read.auditd.AuditdBench)
line=$(measure atwatch "$log" "${java[@]}" "$log")
events=$(awk '{print $5}' "$work/atwatch.out")
echo "$line" | report "$events"
measure atwatch-2-threads "$log" "${java[@]}" "$log" 1 two-threads | report "$events"
measure ausearch-raw "$log" ausearch --input "$log" --format raw | report "$events"
line=$(measure atwatch-slice "$slice" "${java[@]}" "$slice")
events=$(awk '{print $5}' "$work/atwatch-slice.out")
echo "$line" | report "$events"
measure ausearch-i-slice "$slice" env TZ=UTC ausearch --input "$slice" -i | report "$events"
