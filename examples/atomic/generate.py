#!/usr/bin/env python3
"""Writes the synthetic replay telemetry of examples/atomic/ (Windows tests 1-3), deterministically.

Every host, user, SID, GUID, record number and time is invented. Run from the repository root:
    python3 examples/atomic/generate.py
The Linux tests (4, 5) are copies of examples/linux/ files and are not written here.
"""
import json
import os
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "http://schemas.microsoft.com/win/2004/08/events/event"
SYSMON = ("Microsoft-Windows-Sysmon", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}",
          "Microsoft-Windows-Sysmon/Operational")
SECURITY = ("Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-A5BA-3E3B0328C30D}",
            "Security")
TASKSCHED = ("Microsoft-Windows-TaskScheduler", "{DE7B24EA-73C8-4A09-985D-5BDADCFA9017}",
             "Microsoft-Windows-TaskScheduler/Operational")
POWERSHELL = ("Microsoft-Windows-PowerShell", "{A0C1853B-5C40-4B15-8766-3CF1C58F985A}",
              "Microsoft-Windows-PowerShell/Operational")
WMI = ("Microsoft-Windows-WMI-Activity", "{1418EF04-B0B4-4623-BF7E-D74AB47BBDAA}",
       "Microsoft-Windows-WMI-Activity/Operational")

HOST = "WS-OPS-007.heron.lan"
DOMAIN = "HERON"
USER = "t.vance"
USER_SID = "S-1-5-21-1190034521-2203981147-3410066520-1642"
SYS32 = "C:\\Windows\\System32\\"
SVCHOST = SYS32 + "svchost.exe"
SVCHOST_CMD = "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule"

record = {"n": 48000}


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ" % (t.microsecond * 10 + 3)


def utc(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def event(provider, code, t, data, user_data=None):
    """One event: provider triple, code, time, ordered (name, value) EventData pairs."""
    record["n"] += 1
    name, guid, channel = provider
    return {"provider": name, "guid": guid, "channel": channel, "code": code, "time": t,
            "record": record["n"], "data": data, "user_data": user_data}


def to_xml(e):
    system = (
        f"<System><Provider Name='{e['provider']}' Guid='{e['guid']}'/>"
        f"<EventID>{e['code']}</EventID><Version>2</Version><Level>4</Level><Task>0</Task>"
        f"<Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>"
        f"<TimeCreated SystemTime='{iso(e['time'])}'/><EventRecordID>{e['record']}</EventRecordID>"
        f"<Correlation/><Execution ProcessID='1204' ThreadID='3310'/>"
        f"<Channel>{e['channel']}</Channel><Computer>{HOST}</Computer>"
        f"<Security UserID='S-1-5-18'/></System>")
    if e["user_data"] is not None:
        tag, pairs = e["user_data"]
        inner = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in pairs)
        body = (f"<UserData><{tag} xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'>"
                f"{inner}</{tag}></UserData>")
    else:
        body = "<EventData>" + "".join(
            f"<Data Name='{k}'>{escape(v, {chr(34): '&quot;', chr(39): '&apos;'})}</Data>"
            for k, v in e["data"]) + "</EventData>"
    text = f"<Event xmlns='{NS}'>{system}{body}</Event>"
    return text.replace("\r\n", "&#13;&#10;").replace("\n", "&#10;")


def to_nxlog(e):
    obj = {"SourceName": e["provider"], "ProviderGuid": e["guid"].lower(), "Level": "4",
           "Channel": e["channel"], "Hostname": HOST,
           "TimeCreated": e["time"].strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
           "@timestamp": e["time"].strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
           "EventID": int(e["code"]), "RecordNumber": e["record"]}
    for k, v in e["data"]:
        obj[k] = v
    return json.dumps(obj, ensure_ascii=False)


CLASSIC_LABELS = {
    "4688": ("Process Creation", "A new process has been created.", [
        ("Creator Subject:", [("Security ID", "SubjectUserSid"), ("Account Name", "SubjectUserName"),
                              ("Account Domain", "SubjectDomainName"),
                              ("Logon ID", "SubjectLogonId")]),
        ("Target Subject:", [("Security ID", "TargetUserSid"), ("Account Name", "TargetUserName"),
                             ("Account Domain", "TargetDomainName"),
                             ("Logon ID", "TargetLogonId")]),
        ("Process Information:", [("New Process ID", "NewProcessId"),
                                  ("New Process Name", "NewProcessName"),
                                  ("Token Elevation Type", "TokenElevationType"),
                                  ("Mandatory Label", "MandatoryLabel"),
                                  ("Creator Process ID", "ProcessId"),
                                  ("Creator Process Name", "ParentProcessName"),
                                  ("Process Command Line", "CommandLine")])]),
    "4698": ("Other Object Access Events", "A scheduled task was created.", [
        ("Subject:", [("Security ID", "SubjectUserSid"), ("Account Name", "SubjectUserName"),
                      ("Account Domain", "SubjectDomainName"), ("Logon ID", "SubjectLogonId")]),
        ("Task Information:", [("Task Name", "TaskName"), ("Task Content", "TaskContent")])]),
    "4699": ("Other Object Access Events", "A scheduled task was deleted.", [
        ("Subject:", [("Security ID", "SubjectUserSid"), ("Account Name", "SubjectUserName"),
                      ("Account Domain", "SubjectDomainName"), ("Logon ID", "SubjectLogonId")]),
        ("Task Information:", [("Task Name", "TaskName"), ("Task Content", "TaskContent")])]),
    "5145": ("Detailed File Share",
             "A network share object was checked to see whether client can be granted desired"
             " access.", [
        ("Subject:", [("Security ID", "SubjectUserSid"), ("Account Name", "SubjectUserName"),
                      ("Account Domain", "SubjectDomainName"), ("Logon ID", "SubjectLogonId")]),
        ("Network Information:", [("Object Type", "ObjectType"), ("Source Address", "IpAddress"),
                                  ("Source Port", "IpPort")]),
        ("Share Information:", [("Share Name", "ShareName"), ("Share Path", "ShareLocalPath"),
                                ("Relative Target Name", "RelativeTargetName")]),
        ("Access Request Information:", [("Access Mask", "AccessMask"),
                                         ("Accesses", "AccessList")])]),
}

# How the message text renders the access codes of AccessList.
ACCESS_NAMES = {"%%4416": "ReadData (or ListDirectory)", "%%4417": "WriteData (or AddFile)"}


def classic_value(key, value):
    """A value as the classic message shows it: an access list names each access on its own
    indented line, as the Security log's message text does."""
    if key != "AccessList":
        return value
    for code, name in ACCESS_NAMES.items():
        value = value.replace(code, name)
    return value.replace("\r\n", "\n")


def to_classic(e):
    category, title, sections = CLASSIC_LABELS[e["code"]]
    data = dict(e["data"])
    lines = [e["time"].strftime("%m/%d/%Y %I:%M:%S %p"), "LogName=Security",
             f"EventCode={e['code']}", "EventType=0", f"ComputerName={HOST}",
             "SourceName=Microsoft Windows security auditing.", "Type=Information",
             f"RecordNumber={e['record']}", "Keywords=Audit Success",
             f"TaskCategory={category}", "OpCode=Info", f"Message={title}"]
    for heading, labels in sections:
        lines += ["", heading]
        for label, key in labels:
            value = classic_value(key, data.get(key, ""))
            if key in ("TaskName", "TaskContent"):
                lines.append(f"\t{label}: \t\t{value}")
            else:
                tabs = "\t" if len(label) >= 15 else "\t\t"
                lines.append(f"\t{label}:{tabs}{value}")
    return "\n".join(lines) + "\n"


SYSMON_TASKS = {"1": "Process Create (rule: ProcessCreate)", "11": "File created (rule: FileCreate)"}
SYSMON_TITLES = {"1": "Process Create:", "11": "File created:"}


def to_classic_sysmon(e):
    """A Sysmon event as Splunk's classic WinEventLog input writes it: Label: value lines."""
    lines = [e["time"].strftime("%m/%d/%Y %I:%M:%S %p"), f"LogName={SYSMON[2]}",
             f"EventCode={e['code']}", "EventType=4", f"ComputerName={HOST}",
             "User=NOT_TRANSLATED", "Sid=S-1-5-18", "SidType=0",
             "SourceName=Microsoft-Windows-Sysmon", "Type=Information",
             f"RecordNumber={e['record']}", "Keywords=None",
             f"TaskCategory={SYSMON_TASKS[e['code']]}", "OpCode=Info",
             "Message=" + SYSMON_TITLES[e["code"]]]
    lines += [f"{k}: {v}" for k, v in e["data"]]
    return "\n".join(lines) + "\n"


def guid(n):
    return "{7c1e04aa-%04x-65f1-%04x-0000%08x}" % (n % 0xFFFF, (n * 7) % 0xFFFF, n)


def sysmon_process(t, pid, image, original, cmd, parent, parent_cmd, ppid, user, integrity):
    return event(SYSMON, "1", t, [
        ("RuleName", "-"), ("UtcTime", utc(t)), ("ProcessGuid", guid(pid)),
        ("ProcessId", str(pid)), ("Image", image), ("FileVersion", "10.0.19041.1 (WinBuild)"),
        ("Description", original), ("Product", "Microsoft\u00ae Windows\u00ae Operating System"),
        ("Company", "Microsoft Corporation"), ("OriginalFileName", original),
        ("CommandLine", cmd), ("CurrentDirectory", "C:\\Windows\\system32\\"), ("User", user),
        ("LogonGuid", "{7c1e04aa-1d2f-65f1-3c1a-000000000000}"), ("LogonId", "0x3c1a8e"),
        ("TerminalSessionId", "1"), ("IntegrityLevel", integrity),
        ("Hashes", "SHA256=00FF%060X" % pid), ("ParentProcessGuid", guid(ppid)),
        ("ParentProcessId", str(ppid)), ("ParentImage", parent),
        ("ParentCommandLine", parent_cmd)])


def sysmon_file(t, pid, image, target, user):
    return event(SYSMON, "11", t, [
        ("RuleName", "-"), ("UtcTime", utc(t)), ("ProcessGuid", guid(pid)),
        ("ProcessId", str(pid)), ("Image", image), ("TargetFilename", target),
        ("CreationUtcTime", utc(t)), ("User", user)])


def security_process(t, pid, image, cmd, parent, ppid, system=False, with_cmd=True):
    subject = ("S-1-5-18", "WS-OPS-007$", DOMAIN, "0x3e7") if system else (
        USER_SID, USER, DOMAIN, "0x3c1a8e")
    data = [("SubjectUserSid", subject[0]), ("SubjectUserName", subject[1]),
            ("SubjectDomainName", subject[2]), ("SubjectLogonId", subject[3]),
            ("NewProcessId", hex(pid)), ("NewProcessName", image),
            ("TokenElevationType", "%%1936" if system else "%%1937"), ("ProcessId", hex(ppid))]
    if with_cmd:
        data.append(("CommandLine", cmd))
    data += [("TargetUserSid", "S-1-0-0"), ("TargetUserName", "-"), ("TargetDomainName", "-"),
             ("TargetLogonId", "0x0"), ("ParentProcessName", parent),
             ("MandatoryLabel", "S-1-16-16384" if system else "S-1-16-12288")]
    return event(SECURITY, "4688", t, data)


def task_xml(name, start, command, arguments):
    return (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n'
        f'  <RegistrationInfo>\n    <URI>{name}</URI>\n  </RegistrationInfo>\n'
        f'  <Triggers>\n    <TimeTrigger>\n      <StartBoundary>{start}</StartBoundary>\n'
        '      <Enabled>true</Enabled>\n    </TimeTrigger>\n  </Triggers>\n'
        '  <Principals>\n    <Principal id="Author">\n      <UserId>S-1-5-18</UserId>\n'
        '      <RunLevel>HighestAvailable</RunLevel>\n    </Principal>\n  </Principals>\n'
        '  <Settings>\n    <Enabled>true</Enabled>\n'
        '    <ExecutionTimeLimit>PT72H</ExecutionTimeLimit>\n  </Settings>\n'
        f'  <Actions Context="Author">\n    <Exec>\n      <Command>{escape(command)}</Command>\n'
        f'      <Arguments>{escape(arguments)}</Arguments>\n    </Exec>\n  </Actions>\n'
        '</Task>')


def task_registered(t, name, start, command, arguments):
    return event(SECURITY, "4698", t, [
        ("SubjectUserSid", USER_SID), ("SubjectUserName", USER), ("SubjectDomainName", DOMAIN),
        ("SubjectLogonId", "0x3c1a8e"), ("TaskName", name),
        ("TaskContent", task_xml(name, start, command, arguments))])


def system_logon(t):
    return event(SECURITY, "4624", t, [
        ("SubjectUserSid", "S-1-5-18"), ("SubjectUserName", "WS-OPS-007$"),
        ("SubjectDomainName", DOMAIN), ("SubjectLogonId", "0x3e7"),
        ("TargetUserSid", "S-1-5-18"), ("TargetUserName", "SYSTEM"),
        ("TargetDomainName", "NT AUTHORITY"), ("TargetLogonId", "0x3e7"), ("LogonType", "5"),
        ("LogonProcessName", "Advapi  "), ("AuthenticationPackageName", "Negotiate"),
        ("WorkstationName", "-"), ("LogonGuid", "{00000000-0000-0000-0000-000000000000}"),
        ("ProcessId", "0x2a4"), ("ProcessName", SYS32 + "services.exe"),
        ("IpAddress", "-"), ("IpPort", "-")])


def task_scheduler(t, code, name, extra):
    return event(TASKSCHED, code, t, [("TaskName", name)] + extra)


def write(folder, name, lines, sep="\n"):
    path = os.path.join(HERE, folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(sep.join(lines) + ("\n" if sep == "\n" else ""))


def at_test(folder, day, at_cmd, payload_image, payload_original, payload_cmd, fire_file):
    """Tests 1 and 2: at.exe schedules a payload, the Schedule service runs it at fire time."""
    t0 = datetime(2026, 4, day, 14, 2, 11, 318000, tzinfo=timezone.utc)
    fire = t0.replace(minute=20, second=0, microsecond=412000)
    start = fire.strftime("%Y-%m-%dT%H:%M:00")
    user = f"{DOMAIN}\\{USER}"
    at_image = SYS32 + "at.exe"
    shell = SYS32 + "cmd.exe"
    command, _, arguments = at_cmd.split(" ", 2)[2].strip('"').partition(" ")
    sysmon = [
        sysmon_process(t0, 6120, at_image, "AT.EXE", at_cmd, shell, '"C:\\Windows\\system32\\cmd.exe" ',
                       5904, user, "High"),
        sysmon_file(t0 + timedelta(milliseconds=41), 1876, SVCHOST,
                    "C:\\Windows\\Tasks\\At1.job", "NT AUTHORITY\\SYSTEM"),
        sysmon_process(fire, 7340, payload_image, payload_original, payload_cmd, SVCHOST,
                       SVCHOST_CMD, 1876, "NT AUTHORITY\\SYSTEM", "System"),
        sysmon_file(fire + timedelta(seconds=2), 7340, payload_image, fire_file,
                    "NT AUTHORITY\\SYSTEM"),
    ]
    at4688 = security_process(t0 - timedelta(milliseconds=2), 6120, at_image, at_cmd, shell, 5904)
    registered = task_registered(t0 + timedelta(milliseconds=38), "\\At1", start, command,
                                 arguments)
    logon = system_logon(fire - timedelta(milliseconds=30))
    payload4688 = security_process(fire - timedelta(milliseconds=2), 7340, payload_image,
                                   payload_cmd, SVCHOST, 1876, system=True)
    security = [at4688, registered, logon, payload4688]
    bare = [security_process(e["time"], int(dict(e["data"])["NewProcessId"], 16),
                             dict(e["data"])["NewProcessName"], "",
                             dict(e["data"])["ParentProcessName"], 1876, with_cmd=False,
                             system=dict(e["data"])["SubjectUserName"] != USER)
            if e["code"] == "4688" else e for e in (at4688, registered, logon, payload4688)]
    scheduler = [
        task_scheduler(t0 + timedelta(milliseconds=40), "106", "\\At1",
                       [("UserContext", "S-1-5-18")]),
        task_scheduler(fire - timedelta(milliseconds=50), "100", "\\At1",
                       [("UserContext", "NT AUTHORITY\\System"),
                        ("InstanceId", "{2f6d1c59-8a1e-4c4b-9d1e-7a5e0c3b2a11}")]),
        task_scheduler(fire, "200", "\\At1",
                       [("ActionName", command),
                        ("TaskInstanceId", "{2f6d1c59-8a1e-4c4b-9d1e-7a5e0c3b2a11}")]),
    ]
    write(folder, "sysmon.xml", [to_xml(e) for e in sysmon])
    write(folder, "security.xml", [to_xml(e) for e in security])
    write(folder, "security-no-cmdline.xml", [to_xml(e) for e in bare])
    write(folder, "task-scheduler.xml", [to_xml(e) for e in scheduler])
    write(folder, "nxlog.json", [to_nxlog(e) for e in sorted(sysmon + security,
                                                               key=lambda e: e["time"])])
    write(folder, "security-classic.log",
          [to_classic(e) for e in (at4688, registered, payload4688)], sep="")


def wmi_test(folder):
    """Test 3: PowerShell creates a job through Win32_ScheduledJob.Create."""
    t0 = datetime(2026, 4, 8, 10, 31, 45, 207000, tzinfo=timezone.utc)
    fire = t0.replace(minute=45, second=0, microsecond=318000)
    user = f"{DOMAIN}\\{USER}"
    ps = SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe"
    script = ("Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create -ArgumentList "
              "'cmd.exe /c whoami > C:\\Windows\\Temp\\wmijob.txt', $false, $null, $null, $null, "
              "'********104500.000000+000'")
    ps_cmd = f'powershell.exe -NoProfile -Command "{script}"'
    payload = 'cmd.exe /c whoami > C:\\Windows\\Temp\\wmijob.txt'
    sysmon = [
        sysmon_process(t0, 4410, ps, "PowerShell.EXE", ps_cmd, SYS32 + "cmd.exe",
                       '"C:\\Windows\\system32\\cmd.exe" ', 5904, user, "High"),
        sysmon_file(t0 + timedelta(milliseconds=512), 1876, SVCHOST,
                    "C:\\Windows\\Tasks\\At1.job", "NT AUTHORITY\\SYSTEM"),
        sysmon_process(fire, 7712, SYS32 + "cmd.exe", "Cmd.Exe", payload, SVCHOST, SVCHOST_CMD,
                       1876, "NT AUTHORITY\\SYSTEM", "System"),
        sysmon_file(fire + timedelta(milliseconds=95), 7712, SYS32 + "cmd.exe",
                    "C:\\Windows\\Temp\\wmijob.txt", "NT AUTHORITY\\SYSTEM"),
    ]
    ps4688 = security_process(t0 - timedelta(milliseconds=2), 4410, ps, ps_cmd,
                              SYS32 + "cmd.exe", 5904)
    registered = task_registered(t0 + timedelta(milliseconds=509), "\\At1",
                                 fire.strftime("%Y-%m-%dT%H:%M:00"), "cmd.exe",
                                 "/c whoami > C:\\Windows\\Temp\\wmijob.txt")
    cmd4688 = security_process(fire - timedelta(milliseconds=2), 7712, SYS32 + "cmd.exe",
                               payload, SVCHOST, 1876, system=True)
    bare = [security_process(t0 - timedelta(milliseconds=2), 4410, ps, "", SYS32 + "cmd.exe",
                             5904, with_cmd=False),
            registered,
            security_process(fire - timedelta(milliseconds=2), 7712, SYS32 + "cmd.exe", "",
                             SVCHOST, 1876, system=True, with_cmd=False)]
    block = event(POWERSHELL, "4104", t0 + timedelta(milliseconds=180), [
        ("MessageNumber", "1"), ("MessageTotal", "1"), ("ScriptBlockText", script),
        ("ScriptBlockId", "9b1f0c4e-2f7a-4f8e-b3d2-6a0c5e1d7f21"), ("Path", "")])
    activity = event(WMI, "5861", t0 + timedelta(milliseconds=300), None, (
        "Operation_ESStoConsumerBinding", [
            ("Namespace", "//./root/cimv2"), ("ESS", "ScheduledJob"),
            ("CONSUMER", "Win32_ScheduledJob.Create"),
            ("PossibleCause",
             "Binding EventFilter: instance of Win32_ScheduledJob { Command = \"" + payload
             + "\"; StartTime = \"********104500.000000+000\"; }")]))
    write(folder, "sysmon.xml", [to_xml(e) for e in sysmon])
    write(folder, "security.xml", [to_xml(e) for e in (ps4688, registered, cmd4688)])
    write(folder, "security-no-cmdline.xml", [to_xml(e) for e in bare])
    write(folder, "powershell-4104.xml", [to_xml(block)])
    write(folder, "wmi-activity.xml", [to_xml(activity)])
    write(folder, "nxlog.json", [to_nxlog(e) for e in sorted(sysmon + [ps4688, registered],
                                                               key=lambda e: e["time"])])


def share_access(t, target, share, access):
    return event(SECURITY, "5145", t, [
        ("SubjectUserSid", USER_SID), ("SubjectUserName", "adm.vance"),
        ("SubjectDomainName", DOMAIN), ("SubjectLogonId", "0x5b11e2"), ("ObjectType", "File"),
        ("IpAddress", "10.40.2.31"), ("IpPort", "51544"), ("ShareName", share),
        ("ShareLocalPath", "\\??\\C:\\Windows" if "ADMIN" in share else ""),
        ("RelativeTargetName", target), ("AccessMask", "0x3" if "%%4417" in access else "0x1"),
        ("AccessList", access), ("AccessReason", "-")])


def atexec_test(folder):
    """Remote execution through the atsvc pipe as impacket's atexec does it, seen on the target."""
    t0 = datetime(2026, 4, 9, 16, 12, 3, 114000, tzinfo=timezone.utc)
    name = "\\KqZrTbWx"
    out = "C:\\Windows\\Temp\\KqZrTbWx.tmp"
    created = event(SECURITY, "4698", t0 + timedelta(milliseconds=21), [
        ("SubjectUserSid", USER_SID), ("SubjectUserName", "adm.vance"),
        ("SubjectDomainName", DOMAIN), ("SubjectLogonId", "0x5b11e2"), ("TaskName", name),
        ("TaskContent", task_xml(name, "2015-07-15T20:35:13", "cmd.exe",
                                 f"/C whoami > {out} 2>&1"))])
    deleted = event(SECURITY, "4699", t0 + timedelta(milliseconds=47), [
        ("SubjectUserSid", USER_SID), ("SubjectUserName", "adm.vance"),
        ("SubjectDomainName", DOMAIN), ("SubjectLogonId", "0x5b11e2"), ("TaskName", name)])
    kept = task_registered(t0 + timedelta(minutes=9), "\\Heron\\InventoryAgent",
                           "2026-04-10T02:00:00", "C:\\Program Files\\Heron\\agent.exe",
                           "--scan")
    events = [
        share_access(t0, "atsvc", "\\\\*\\IPC$", "%%4416\r\n\t\t\t\t%%4417\r\n\t\t\t\t"),
        created, deleted,
        share_access(t0 + timedelta(seconds=1, milliseconds=40), "Temp\\KqZrTbWx.tmp",
                     "\\\\*\\ADMIN$", "%%4416\r\n\t\t\t\t"),
        kept,
    ]
    write(folder, "security.xml", [to_xml(e) for e in events])
    write(folder, "security-classic.log", [to_classic(e) for e in events], sep="")


VARIANTS = [
    # (image, original file name, command line, parent)
    ("C:\\Windows\\SysWOW64\\AT.exe", "AT.EXE", "AT.exe 03:00 /every:Su C:\\ProgramData\\s.bat",
     SYS32 + "cmd.exe"),
    (SYS32 + "at.exe", "AT.EXE", "at \\\\FS-02 23:10 \"cmd /c net user\"", SYS32 + "cmd.exe"),
    ("C:\\Users\\Public\\task.exe", "AT.EXE", "task.exe 22:00 C:\\Users\\Public\\b.exe",
     SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe"),
    (SYS32 + "wbem\\WMIC.exe", "wmic.exe",
     "wmic /node:FS-02 job call create \"cmd.exe /c whoami\",0,0,1,0,\"********231000.000000+000\"",
     SYS32 + "cmd.exe"),
    (SYS32 + "wbem\\wmic.exe", "wmic.exe", "wmic job list brief", SYS32 + "cmd.exe"),
    (SYS32 + "wbem\\wmic.exe", "wmic.exe", "wmic os get caption", SYS32 + "cmd.exe"),
    ("C:\\Program Files\\PowerShell\\7\\pwsh.exe", "pwsh.dll",
     "pwsh -c \"New-CimInstance -ClassName Win32_ScheduledJob -Property @{Command='cmd.exe /c x'}\"",
     SYS32 + "cmd.exe"),
    (SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe", "PowerShell.EXE",
     "powershell -c \"([wmiclass]'Win32_ScheduledJob').Create('cmd /c calc', '********120000.000000+000')\"",
     SYS32 + "cmd.exe"),
    (SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe", "PowerShell.EXE",
     "powershell -c \"Get-CimInstance Win32_ScheduledJob\"", SYS32 + "cmd.exe"),
    # InteractWithDesktop, the /interactive of Create: sixth in the declared order, named in CIM
    (SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe", "PowerShell.EXE",
     "powershell -c \"([wmiclass]'\\\\FS-02\\root\\cimv2:Win32_ScheduledJob').Create("
     "'cmd /c whoami', '********231500.000000+000', $false, 0, 0, $true)\"", SYS32 + "cmd.exe"),
    ("C:\\Program Files\\PowerShell\\7\\pwsh.exe", "pwsh.dll",
     "pwsh -c \"Invoke-CimMethod -ClassName Win32_ScheduledJob -MethodName Create -Arguments "
     "@{Command='cmd /c whoami'; StartTime='********232000.000000+000'; InteractWithDesktop=$true}\"",
     SYS32 + "cmd.exe"),
]


def variants_test(folder):
    """Command-line variants: case, SysWOW64, renamed copies, remote targets, job alias, pwsh,
    and an upper-case job file path."""
    t = datetime(2026, 4, 10, 9, 0, 1, 250000, tzinfo=timezone.utc)
    sysmon, security = [], []
    for i, (image, original, cmd, parent) in enumerate(VARIANTS):
        at = t + timedelta(minutes=i)
        sysmon.append(sysmon_process(at, 8100 + i, image, original, cmd, parent, parent, 5904,
                                     f"{DOMAIN}\\{USER}", "High"))
        security.append(security_process(at, 8100 + i, image, cmd, parent, 5904))
    # the Schedule service writing a job file whose path is all upper case
    sysmon.append(sysmon_file(t + timedelta(minutes=len(VARIANTS)), 1876, SVCHOST,
                              "C:\\WINDOWS\\TASKS\\AT3.JOB", "NT AUTHORITY\\SYSTEM"))
    write(folder, "sysmon.xml", [to_xml(e) for e in sysmon])
    write(folder, "sysmon-classic.log", [to_classic_sysmon(e) for e in sysmon], sep="")
    write(folder, "security-classic.log", [to_classic(e) for e in security], sep="")


def main():
    at_test("t1-at-cmd", 6, 'at.exe 14:20 "cmd.exe /c whoami"', SYS32 + "cmd.exe", "Cmd.Exe",
            "cmd.exe /c whoami", "C:\\Windows\\Temp\\whoami.txt")
    at_test("t2-at-powershell", 7,
            "at.exe 14:20 powershell.exe -NoProfile -Command \"Get-Process > $env:TEMP\\at.txt\"",
            SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe", "PowerShell.EXE",
            "powershell.exe -NoProfile -Command \"Get-Process > $env:TEMP\\at.txt\"",
            "C:\\Windows\\Temp\\at.txt")
    wmi_test("t3-wmi-scheduledjob")
    atexec_test("remote-atexec")
    variants_test("variants")


if __name__ == "__main__":
    main()
