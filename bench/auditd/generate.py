#!/usr/bin/env python3
"""Writes a large raw audit log by replaying the events of real audit logs with fresh serials,
times and process ids, so that the reader meets the same record shapes at volume.

usage: generate.py OUTPUT SIZE_MB SAMPLE.log... [--positive POSITIVE.log...]

Events of the samples are replayed in turn; the events of the positive logs (at activity) are
replayed one at a time, in turn, every POSITIVE_EVERY events, as at activity is rare in real logs.
"""
import re
import sys

POSITIVE_EVERY = 10000

HEADER = re.compile(r'^(node=\S+ )?type=(\S+) msg=audit\((\d+)\.(\d+):(\d+)\):(.*)$')


def events(paths):
    """Groups the sample records by serial, keeping their order."""
    groups = {}
    for path in paths:
        with open(path, encoding='utf-8', errors='replace') as f:
            for line in f:
                m = HEADER.match(line.rstrip('\n'))
                if m:
                    key = (path, m.group(5))
                    groups.setdefault(key, []).append((m.group(1) or '', m.group(2), m.group(6)))
    return list(groups.values())


def main():
    out, size_mb, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    marker = paths.index('--positive') if '--positive' in paths else len(paths)
    templates = events(paths[:marker])
    positives = events(paths[marker + 1:])
    target = size_mb * 1024 * 1024
    written, serial, seconds, millis, n, p = 0, 1000, 1796300000, 0, 0, 0
    with open(out, 'w', encoding='utf-8', buffering=1 << 20) as f:
        while written < target:
            if positives and (n + p) % POSITIVE_EVERY == POSITIVE_EVERY // 2:
                records = positives[p % len(positives)]
                p += 1
            else:
                records = templates[n % len(templates)]
                n += 1
            serial += 1
            millis += 7
            if millis >= 1000:
                millis -= 1000
                seconds += 1
            pid = str(20000 + serial % 30000)
            chunk = []
            for node, rtype, body in records:
                body = re.sub(r' pid=\d+', ' pid=' + pid, body, count=1)
                chunk.append('%stype=%s msg=audit(%d.%03d:%d):%s\n'
                             % (node, rtype, seconds, millis, serial, body))
            if len(records) > 1:
                chunk.append('type=EOE msg=audit(%d.%03d:%d): \n' % (seconds, millis, serial))
            text = ''.join(chunk)
            f.write(text)
            written += len(text.encode('utf-8'))
    print('%s: %d MB, %d events (%d of them at activity)' % (out, written >> 20, n + p, p))


if __name__ == '__main__':
    main()
