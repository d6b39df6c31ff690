package dev.atwatch.atjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineSplittingTest {

    private static List<String> windows(String line) {
        return WindowsArgs.split(line).stream().map(WindowsArgs.Arg::value).toList();
    }

    @Test
    void windowsArgumentsFollowTheCRuntimeRules() {
        assertThat(windows("at  13:20   /interactive cmd"))
                .containsExactly("at", "13:20", "/interactive", "cmd");
        assertThat(windows("\"C:\\Program Files\\x.exe\" \"a b\" c"))
                .containsExactly("C:\\Program Files\\x.exe", "a b", "c");
        assertThat(windows("p a\\\\\\\"b")).containsExactly("p", "a\\\"b");
        assertThat(windows("p a\\\\\"b c\"")).containsExactly("p", "a\\b c");
        assertThat(windows("p a\\b\\c")).containsExactly("p", "a\\b\\c");
        assertThat(windows("p \"say \"\"hi\"\"\"")).containsExactly("p", "say \"hi\"");
        assertThat(windows("p \"unterminated arg")).containsExactly("p", "unterminated arg");
        assertThat(windows("   ")).isEmpty();
    }

    @Test
    void windowsArgumentsKnowWhereTheyStand() {
        String line = "at 13:20 \"c:\\a b.bat\"";

        WindowsArgs.Arg last = WindowsArgs.split(line).get(2);

        assertThat(line.substring(last.start(), last.end())).isEqualTo("\"c:\\a b.bat\"");
    }

    @Test
    void programNameTakesNoEscapes() {
        assertThat(windows("\"C:\\dir\\\"at.exe 1")).containsExactly("C:\\dir\\", "at.exe", "1");
    }

    @Test
    void shellWordsFollowPosixQuoting() {
        assertThat(ShellWords.split("echo 'a  b' \"c \\\"d\\\" $e\" f\\ g"))
                .containsExactly("echo", "a  b", "c \"d\" $e", "f g");
        assertThat(ShellWords.split("echo 'x|y' | at now"))
                .containsExactly("echo", "x|y", "|", "at", "now");
        assertThat(ShellWords.pipeline("a|b | c"))
                .containsExactly(List.of("a"), List.of("b"), List.of("c"));
        assertThat(ShellWords.split("echo 'open")).containsExactly("echo", "open");
    }

    @Test
    void timespecErrorsSayWhatWasExpected() {
        AtJobResult fortnight = AtJobs.parse("at now + 1 fortnight");
        AtJobResult garbage = AtJobs.parse("at now banana");
        AtJobResult noonPm = AtJobs.parse("at 13pm");

        assertThat(fortnight.problems().get(0).detail())
                .isEqualTo(
                        "expected minutes, hours, days, weeks, months or years, not 'fortnight':"
                                + " 'now + 1 fortnight'");
        assertThat(garbage.problems().get(0).detail())
                .isEqualTo("unexpected at 'banana': 'now banana'");
        assertThat(noonPm.problems().get(0).detail())
                .isEqualTo("expected an hour from 1 to 12 before pm, not 13: '13pm'");
    }
}
