package dev.atwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import org.junit.jupiter.api.Test;

class EventScreenTest {

    private static final Provenance HERE = new Provenance("test", 1, 1, 0);

    @Test
    void hostKeyDropsTheDomainButKeepsAddresses() {
        assertThat(EventScreen.hostKey("WS-FIN-014.kestrel.lan")).isEqualTo("ws-fin-014");
        assertThat(EventScreen.hostKey("10.20.4.17")).isEqualTo("10.20.4.17");
        assertThat(EventScreen.hostKey("fe80::1")).isEqualTo("fe80::1");
    }

    @Test
    void onlyAtTaskNamesAreRegistrations() {
        assertThat(EventScreen.taskName("\\At12")).isEqualTo("At12");
        assertThat(EventScreen.taskName("\\AT3")).isEqualTo("At3");
        assertThat(EventScreen.taskName("\\Microsoft\\Windows\\Defrag")).isNull();
        assertThat(EventScreen.taskName("\\Attack1")).isNull();
    }

    @Test
    void spoolFileNameHoldsTheMinuteTheJobIsDue() {
        String file = EventScreen.spoolFile("/var/spool/cron/atjobs/a0000201c8d418");

        assertThat(file).isEqualTo("a0000201c8d418");
        // 0x01c8d418 minutes after the epoch: 2026-12-03T18:32:00Z
        assertThat(EventScreen.spoolFileMinute(file)).isEqualTo(1_796_322_720L);
        assertThat(EventScreen.spoolFile("/var/spool/cron/atjobs/.SEQ")).isNull();
        assertThat(EventScreen.spoolFile("/etc/a0000201c8d418")).isNull();
    }

    @Test
    void taskContentGivesCommandAndArguments() {
        String content =
                "<Task><Actions><Exec><Command>cmd.exe</Command>"
                        + "<Arguments>/c whoami &gt; x.txt</Arguments></Exec></Actions></Task>";

        assertThat(EventScreen.taskCommand(content)).isEqualTo("cmd.exe /c whoami > x.txt");
    }

    @Test
    void ordinaryProcessIsNoCandidate() {
        Event event =
                Event.builder(HERE)
                        .time(1_773_147_910)
                        .put(Event.HOST, "h")
                        .put("EventCode", "1")
                        .put("Image", "C:\\Windows\\System32\\cmd.exe")
                        .put("CommandLine", "cmd.exe /c dir")
                        .put("ParentImage", "C:\\Windows\\explorer.exe")
                        .build();

        assertThat(EventScreen.screen(event)).isEmpty();
    }

    @Test
    void atExeCreationIsACandidateWithItsJob() {
        Event event =
                Event.builder(HERE)
                        .time(1_773_147_910)
                        .put(Event.HOST, "h")
                        .put("EventCode", "4688")
                        .put("NewProcessName", "C:\\Windows\\System32\\at.exe")
                        .put("CommandLine", "at 13:20 cmd")
                        .put("NewProcessId", "0x1a")
                        .build();

        assertThat(EventScreen.screen(event))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind()).isEqualTo(Candidate.Kind.CREATION);
                            assertThat(c.pid()).isEqualTo(26);
                            assertThat(c.job().command()).isEqualTo("cmd");
                        });
    }

    @Test
    void eventWithoutTimeIsIgnored() {
        Event event =
                Event.builder(HERE)
                        .put("EventCode", "4688")
                        .put("CommandLine", "at 13:20 cmd")
                        .build();

        assertThat(EventScreen.screen(event)).isEmpty();
    }

    @Test
    void taskSchedulerRegistrationOfAnAtTaskIsACandidate() {
        Event event =
                Event.builder(HERE)
                        .time(1_773_147_910)
                        .put(Event.HOST, "h")
                        .put("EventCode", "106")
                        .put("Channel", "Microsoft-Windows-TaskScheduler/Operational")
                        .put("TaskName", "\\At3")
                        .put("UserContext", "KESTREL\\m.okafor")
                        .build();

        assertThat(EventScreen.screen(event))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind()).isEqualTo(Candidate.Kind.REGISTRATION);
                            assertThat(c.name()).isEqualTo("At3");
                            assertThat(c.observation().kind()).isEqualTo("TaskScheduler 106");
                        });
    }

    @Test
    void schedulerChildIsACandidateOnlyUnderTheScheduleService() {
        Event schedule = schedulerChild("svchost.exe -k netsvcs -p -s Schedule");
        Event bits = schedulerChild("svchost.exe -k netsvcs -p -s BITS");

        assertThat(EventScreen.screen(schedule))
                .singleElement()
                .extracting(Candidate::kind)
                .isEqualTo(Candidate.Kind.SCHEDULED_PROCESS);
        assertThat(EventScreen.screen(bits)).isEmpty();
    }

    @Test
    void sharedNetsvcsHostOfOlderWindowsMayRunJobs() {
        // Windows 7 to 10 1607 and Server 2008 to 2016 run Schedule inside the netsvcs group.
        assertThat(EventScreen.hostsSchedule("C:\\Windows\\system32\\svchost.exe -k netsvcs"))
                .isTrue();
        assertThat(
                        EventScreen.hostsSchedule(
                                "\"C:\\WINDOWS\\system32\\svchost.exe\" -k netsvcs -p"))
                .isTrue();
        assertThat(EventScreen.hostsSchedule("svchost.exe -k netsvcs -p -s Schedule")).isTrue();
        assertThat(EventScreen.hostsSchedule(null)).isTrue();
        assertThat(EventScreen.hostsSchedule("svchost.exe -k netsvcs -p -s BITS")).isFalse();
        assertThat(EventScreen.hostsSchedule("svchost.exe -k DcomLaunch -p")).isFalse();
        assertThat(EventScreen.hostsSchedule("svchost.exe -k LocalServiceNetworkRestricted"))
                .isFalse();
    }

    @Test
    void childOfTheSharedNetsvcsHostIsACandidate() {
        assertThat(
                        EventScreen.screen(
                                schedulerChild("C:\\Windows\\system32\\svchost.exe -k netsvcs")))
                .singleElement()
                .extracting(Candidate::kind)
                .isEqualTo(Candidate.Kind.SCHEDULED_PROCESS);
    }

    @Test
    void securityChildOfSvchostWithoutParentCommandLineIsACandidate() {
        Event event =
                Event.builder(HERE)
                        .time(1_773_148_800)
                        .put(Event.HOST, "h")
                        .put("EventCode", "4688")
                        .put("NewProcessName", "C:\\Windows\\System32\\cmd.exe")
                        .put("CommandLine", "cmd /c whoami")
                        .put("ParentProcessName", "C:\\Windows\\System32\\svchost.exe")
                        .build();

        assertThat(EventScreen.screen(event))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind()).isEqualTo(Candidate.Kind.SCHEDULED_PROCESS);
                            assertThat(c.command()).isEqualTo("cmd /c whoami");
                        });
    }

    @Test
    void renamedAtExeIsACreationOfTheTool() {
        Event event =
                Event.builder(HERE)
                        .time(1_773_147_910)
                        .put(Event.HOST, "h")
                        .put("EventCode", "1")
                        .put("Image", "C:\\Users\\Public\\task.exe")
                        .put("OriginalFileName", "AT.EXE")
                        .put("CommandLine", "task.exe 22:00 C:\\Users\\Public\\b.exe")
                        .build();

        assertThat(EventScreen.screen(event))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind()).isEqualTo(Candidate.Kind.CREATION);
                            assertThat(c.job().command()).isEqualTo("C:\\Users\\Public\\b.exe");
                            assertThat(c.rank()).isEqualTo(3);
                        });
    }

    @Test
    void scriptBlockCreatingAScheduledJobIsACreation() {
        Event event =
                Event.builder(HERE)
                        .time(1_775_644_305)
                        .put(Event.HOST, "h")
                        .put("EventCode", "4104")
                        .put("Channel", "Microsoft-Windows-PowerShell/Operational")
                        .put(
                                "ScriptBlockText",
                                "Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create"
                                        + " -ArgumentList 'calc', '********104500.000000+000'")
                        .put("UserID", "S-1-5-18")
                        .build();
        Event listing =
                event.toBuilder()
                        .put("ScriptBlockText", "Get-WmiObject Win32_ScheduledJob")
                        .build();

        assertThat(EventScreen.screen(event))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind()).isEqualTo(Candidate.Kind.CREATION);
                            assertThat(c.observation().kind()).isEqualTo("PowerShell 4104");
                            assertThat(c.observation().user()).isEqualTo("S-1-5-18");
                            assertThat(c.job().command()).isEqualTo("calc");
                        });
        assertThat(EventScreen.screen(listing)).isEmpty();
    }

    private static Event schedulerChild(String parentCommandLine) {
        return Event.builder(HERE)
                .time(1_773_148_800)
                .put(Event.HOST, "h")
                .put("EventCode", "1")
                .put("Image", "C:\\Windows\\System32\\cmd.exe")
                .put("CommandLine", "cmd")
                .put("ParentImage", "C:\\Windows\\System32\\svchost.exe")
                .put("ParentCommandLine", parentCommandLine)
                .build();
    }
}
