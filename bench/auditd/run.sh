#!/usr/bin/env bash
# Times atwatch against ausearch on one generated raw audit log of SIZE_MB (default 512) MB, in
# one run: the hunt (every bundled rule, then the Linux rules alone) against ausearch passing
# every record through (--format raw) and searching for at executions (-x /usr/bin/at -i), and
# atwatch convert against ausearch -i, which both decode and print every event, on the whole log
# (ausearch -i takes over a minute on 512 MB) or on a SLICE_MB MB slice of it. Prints seconds,
# MB/s, events/s, CPU seconds and peak RSS of each, and the ratios. Needs python3, GNU time and
# ausearch (package auditd).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

size_mb=${SIZE_MB:-512}
slice_mb=${SLICE_MB:-$size_mb}
work=bench/work
log=$work/audit-${size_mb}mb.log
slice=$work/audit-${slice_mb}mb-slice.log
if [ "$slice_mb" -ge "$size_mb" ]; then
    slice=$log
fi
mkdir -p "$work"

if [ ! -f "$log" ]; then
    samples=$(find ../shared/datasets/linux-auditd-benign -name '*.log' 2>/dev/null || true)
    fixtures=atwatch-core/src/test/resources/dev/atwatch/read/auditd
    python3 bench/auditd/generate.py "$log" "$size_mb" $samples "$fixtures/long-argument.log" \
        --positive "$fixtures/interleaved.log" "$fixtures/enriched.log" \
        examples/linux/test4-at-job/audit.log examples/linux/test5-sudo-at/audit.log
fi
if [ ! -f "$slice" ]; then
    head -c $((slice_mb * 1024 * 1024)) "$log" | sed '$d' > "$slice"
fi
"$root/atwatch" --version > /dev/null # builds the jar when needed
cat "$log" "$slice" > /dev/null       # both runs read from the page cache

# Runs a command under GNU time; prints "name bytes seconds cpu-seconds rss-kb output-lines".
measure() {
    local name=$1 file=$2
    shift 2
    local report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$@" > "$work/$name.out" 2> "$work/$name.err"
    awk -v name="$name" -v bytes="$(stat -c %s "$file")" -v lines="$(wc -l < "$work/$name.out")" '
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
        /User time|System time/ { cpu += $NF }
        /Maximum resident set size/ { rss = $NF }
        END { print name, bytes, s, cpu, rss, lines }' "$report"
    rm -f "$report"
}

# The number of audit events atwatch counted in a run (records read or events written).
events_of() {
    grep -o -E '[0-9,]+ (records read|events written)' "$work/$1.err" | head -1 | tr -dc '0-9'
}

hunt=(./atwatch hunt --format jsonl)
results=$(
    measure atwatch-hunt "$log" "${hunt[@]}" "$log"
    measure atwatch-hunt-linux "$log" "${hunt[@]}" --rules rules/linux "$log"
    measure ausearch-raw "$log" ausearch --input "$log" --format raw
    measure ausearch-x-at "$log" ausearch --input "$log" -x /usr/bin/at -i
    measure atwatch-convert "$slice" ./atwatch convert "$slice"
    measure ausearch-i "$slice" env TZ=UTC ausearch --input "$slice" -i
)
events=$(events_of atwatch-hunt)
slice_events=$(events_of atwatch-convert)

echo "$results" | awk -v events="$events" -v slice_events="$slice_events" -v slice="$slice" '
    {
        n = ($1 == "atwatch-convert" || $1 == "ausearch-i") ? slice_events : events
        name[NR] = $1; mb[NR] = $2 / 1e6; s[NR] = $3; speed[$1] = $2 / 1e6 / $3
        printf "%-19s %6.1f MB in %6.2f s: %6.1f MB/s, %8.0f events/s, %6.2f s CPU, peak RSS %4.0f MB, %d lines out\n",
            $1, $2 / 1e6, $3, $2 / 1e6 / $3, n / $3, $4, $5 / 1024, $6
    }
    END {
        printf "hunt vs ausearch --format raw:        %.1fx (Linux rules alone: %.1fx)\n",
            speed["atwatch-hunt"] / speed["ausearch-raw"], speed["atwatch-hunt-linux"] / speed["ausearch-raw"]
        printf "hunt vs ausearch -x /usr/bin/at -i:   %.1fx (Linux rules alone: %.1fx)\n",
            speed["atwatch-hunt"] / speed["ausearch-x-at"], speed["atwatch-hunt-linux"] / speed["ausearch-x-at"]
        printf "convert vs ausearch -i (%s): %.1fx\n", slice, speed["atwatch-convert"] / speed["ausearch-i"]
    }'
grep -h 'rule .*row(s)' "$work/atwatch-hunt-linux.err" | sed 's/^ */atwatch-hunt-linux: /'
