package dev.atwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code Job*} fields alerts carry, from command lines, renamed tools and script blocks. */
class AlertJobFieldsTest {

    private static final Path ATOMIC = Path.of("..", "examples", "atomic");

    @Test
    void renamedAtExeIsReadByItsOriginalFileName() {
        Alert alert =
                alert(
                        "Image", "C:\\Users\\Public\\task.exe",
                        "OriginalFileName", "AT.EXE",
                        "CommandLine", "task.exe 22:00 C:\\Users\\Public\\b.exe");

        assertThat(alert.jobFields())
                .containsEntry("JobSyntax", "windows_at")
                .containsEntry("JobInvocation", "create")
                .containsEntry("JobTime", "22:00")
                .containsEntry("JobCommand", "C:\\Users\\Public\\b.exe");
    }

    @Test
    void scriptBlockTextIsReadAsPowerShell() {
        Alert alert =
                alert(
                        "ScriptBlockText",
                        "Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create -ArgumentList"
                                + " 'cmd.exe /c whoami', $false, $null, $null, $null,"
                                + " '********104500.000000+000'");

        assertThat(alert.jobFields())
                .containsEntry("JobSyntax", "wmi_scheduled_job")
                .containsEntry("JobInvocation", "create")
                .containsEntry("JobCommand", "cmd.exe /c whoami")
                .containsEntry("JobTime", "********104500.000000+000");
    }

    @Test
    void processOfAnotherProgramNamingTheClassIsNoJob() {
        Alert alert =
                alert(
                        "Image", "C:\\Windows\\notepad.exe",
                        "CommandLine", "notepad.exe Win32_ScheduledJob.txt");

        assertThat(alert.jobFields()).isEmpty();
    }

    @Test
    void bundledRulesGiveJobFieldsForTheRenamedAtExeAndTheScriptBlock() throws Exception {
        assumeTrue(Files.isDirectory(ATOMIC), "the examples folder is absent: " + ATOMIC);

        List<Alert> alerts =
                run(
                        ATOMIC.resolve("variants/sysmon.xml"),
                        ATOMIC.resolve("t3-wmi-scheduledjob/powershell-4104.xml"));

        assertThat(alerts)
                .filteredOn(a -> text(a, "CommandLine").startsWith("task.exe"))
                .isNotEmpty()
                .allSatisfy(
                        a ->
                                assertThat(a.jobFields())
                                        .containsEntry("JobCommand", "C:\\Users\\Public\\b.exe"));
        assertThat(alerts)
                .filteredOn(a -> text(a, "CommandLine").startsWith("Invoke-WmiMethod"))
                .isNotEmpty()
                .allSatisfy(
                        a ->
                                assertThat(a.jobFields())
                                        .containsEntry("JobInvocation", "create")
                                        .containsEntry(
                                                "JobCommand",
                                                "cmd.exe /c whoami > "
                                                        + "C:\\Windows\\Temp\\wmijob.txt"));
        assertThat(alerts)
                .filteredOn(a -> text(a, "CommandLine").contains("New-CimInstance"))
                .isNotEmpty()
                .allSatisfy(
                        a ->
                                assertThat(a.jobFields())
                                        .containsEntry("JobInvocation", "create")
                                        .containsEntry("JobCommand", "cmd.exe /c x"));
    }

    private static List<Alert> run(Path... paths) throws Exception {
        List<String> names = Arrays.stream(paths).map(Path::toString).toList();
        RulePack pack = RulePack.bundled();
        Detector detector =
                new Detector(
                        Detector.compile(pack.rules(), Macros.NONE),
                        ExecutionOptions.portable(FieldAliases.bundled()),
                        Profile.TA_WINDOWS_LEGACY,
                        TimeRange.ALL,
                        1,
                        new Readers(Readers.all()));
        return detector.run(Inputs.expand(names), ReadOptions.DEFAULTS, RunListener.NONE).alerts();
    }

    private static String text(Alert alert, String field) {
        FieldValue value = alert.fields().get(field);
        return value == null ? "" : value.asString();
    }

    private static Alert alert(String... namesAndValues) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], FieldValue.of(namesAndValues[i + 1]));
        }
        return new Alert(null, fields, null);
    }
}
