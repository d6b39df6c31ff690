#!/usr/bin/env python3
"""Re-reads every example file from disk and checks it against its expected table.

generate.py computes the expected rows from its in-memory events; this script instead parses
the written files (event XML, classic text, NXLog, Winlogbeat, Splunk export), so a rendering
mistake (an escape, a field name, a time) shows up as a difference. It also checks the shapes:
every XML line is one well-formed <Event>, every JSON line parses, every classic event has its
header. Exit status 0 when everything agrees.
"""

import csv
import datetime as dt
import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "examples" / "windows"
EXPECTED = ROOT / "atwatch-cli/src/test/resources/dev/atwatch/cli/expected-windows"
spec = importlib.util.spec_from_file_location("generate", Path(__file__).resolve().parent / "generate-windows.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)

NS = "{http://schemas.microsoft.com/win/2004/08/events/event}"
SYSMON_SOURCETYPE = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"


def parse_time(text):
    """An ISO time with Z or an offset, any number of fractional digits, to an aware datetime."""
    match = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$", text)
    base = dt.datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S")
    micro = int(((match.group(2) or "") + "000000")[:6])
    return base.replace(microsecond=micro)


def xml_event(line, host=None, time=None):
    root = ET.fromstring(line)
    system = root.find(NS + "System")
    fields = {"EventCode": system.find(NS + "EventID").text}
    for data in root.find(NS + "EventData"):
        if data.text:
            fields[data.get("Name")] = data.text
    channel = system.find(NS + "Channel").text
    return {
        "time": time or parse_time(system.find(NS + "TimeCreated").get("SystemTime")[:26] + "Z"),
        "host": host or system.find(NS + "Computer").text,
        "index": "wineventlog",
        "sourcetype": "XmlWinEventLog:" + channel,
        "fields": fields,
    }


def flat_event(fields, channel, host, time, event_id):
    values = {k: v for k, v in fields.items() if isinstance(v, str) and v != ""}
    values["EventCode"] = str(event_id)
    return {
        "time": parse_time(time),
        "host": host,
        "index": "wineventlog",
        "sourcetype": "XmlWinEventLog:" + channel,
        "fields": values,
    }


def read_views(path):
    name = path.name
    lines = path.read_text(encoding="utf-8").splitlines()
    if name.endswith(".xml"):
        return [xml_event(line) for line in lines]
    if name.startswith("json-nxlog-"):
        objs = [json.loads(line) for line in lines]
        return [
            flat_event(o, o["Channel"], o["Hostname"], o["@timestamp"], o["EventID"]) for o in objs
        ]
    if name.startswith("json-winlogbeat-"):
        objs = [json.loads(line) for line in lines]
        return [
            flat_event(
                o["winlog"]["event_data"],
                o["winlog"]["channel"],
                o["winlog"]["computer_name"],
                o["@timestamp"],
                o["winlog"]["event_id"],
            )
            for o in objs
        ]
    if name.startswith("splunk-export-"):
        views = []
        for line in lines:
            result = json.loads(line)["result"]
            view = xml_event(result["_raw"], result["host"], parse_time(result["_time"]))
            assert view["sourcetype"] == result["sourcetype"], name
            views.append(view)
        return views
    if name.endswith(".log"):
        return classic_views(path.read_text(encoding="utf-8"))
    raise ValueError(name)


SECURITY_HEADER = [
    "LogName",
    "EventCode",
    "EventType",
    "ComputerName",
    "SourceName",
    "Type",
    "RecordNumber",
    "Keywords",
    "TaskCategory",
    "OpCode",
    "Message",
]
SYSMON_HEADER = SECURITY_HEADER[:4] + ["User", "Sid", "SidType"] + SECURITY_HEADER[4:]


def classic_views(text):
    """Splits on the timestamp lines; header keys and the label fields.

    Security labels (Label:<tab>value) become Label_With_Underscores; Sysmon labels
    (Label: value) keep their name, and Sysmon's User replaces the header's.
    """
    starts = [m.start() for m in re.finditer(r"(?m)^\d\d/\d\d/\d{4} \d\d:\d\d:\d\d [AP]M$", text)]
    views = []
    for begin, end in zip(starts, starts[1:] + [len(text)]):
        block = text[begin:end].split("\n")
        when = dt.datetime.strptime(block[0], "%m/%d/%Y %I:%M:%S %p")
        sysmon = block[1] == "LogName=" + generate.SYSMON
        names = SYSMON_HEADER if sysmon else SECURITY_HEADER
        header = dict(line.split("=", 1) for line in block[1 : len(names) + 1])
        assert list(header) == names, header
        fields = dict(header)
        for line in block[len(names) + 1 :]:
            if sysmon:
                match = re.match(r"^([A-Za-z][A-Za-z0-9]*): (.*)$", line)
                if match and match.group(2):
                    fields[match.group(1)] = match.group(2)
                continue
            match = re.match(r"^\t*([A-Za-z][A-Za-z ()]*?) ?:\t+(.*)$", line)
            if match and match.group(2):
                fields.setdefault(match.group(1).replace(" ", "_"), match.group(2))
        views.append(
            {
                "time": when,
                "host": header["ComputerName"],
                "index": "wineventlog",
                "sourcetype": "WinEventLog:" + header["LogName"],
                "fields": fields,
            }
        )
    return views


def main():
    failures = 0
    files = sorted(p for p in HERE.iterdir() if p.suffix in (".xml", ".json", ".log"))
    for path in files:
        views = read_views(path)
        expected_path = EXPECTED / (path.name + ".expected.csv")
        with open(expected_path, encoding="utf-8", newline="") as f:
            expected = list(csv.reader(f))
        actual = [generate.COLUMNS] + [
            ["" if v is None else str(v) for v in row] for row in generate.reference_query(views)
        ]
        status = "ok" if actual == expected else "DIFFERS"
        failures += status != "ok"
        print("%-40s %4d events %2d rows  %s" % (path.name, len(views), len(actual) - 1, status))
        if status != "ok":
            for row in actual[1:]:
                print("   got:", row)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
