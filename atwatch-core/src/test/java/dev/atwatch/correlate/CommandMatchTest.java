package dev.atwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandMatchTest {

    @Test
    void caseQuotesAndBlanksDoNotMatter() {
        assertThat(CommandMatch.same("\"CMD.exe\"  /c WHOAMI", "cmd.exe /c whoami")).isTrue();
    }

    @Test
    void cmdWrappersArePeeled() {
        assertThat(CommandMatch.same("cmd.exe /c \"whoami > x.txt\"", "whoami > x.txt")).isTrue();
        assertThat(CommandMatch.normalise("cmd /c cmd /k dir")).isEqualTo("dir");
    }

    @Test
    void programFolderAndExeAreDropped() {
        assertThat(CommandMatch.same("C:\\Users\\Public\\beacon.exe", "beacon.exe")).isTrue();
        assertThat(CommandMatch.same("cmd", "C:\\Windows\\system32\\cmd.exe")).isTrue();
        assertThat(CommandMatch.same("\"C:\\Program Files\\x\\y.exe\" -a", "c:\\other\\Y.EXE -a"))
                .isTrue();
    }

    @Test
    void differentArgumentsDoNotMatch() {
        assertThat(CommandMatch.same("cmd", "cmd.exe /c ipconfig")).isFalse();
        assertThat(CommandMatch.same("beacon.exe -x", "beacon.exe")).isFalse();
    }

    @Test
    void unknownCommandMatchesNothing() {
        assertThat(CommandMatch.same(null, "cmd")).isFalse();
        assertThat(CommandMatch.same("  ", "")).isFalse();
    }
}
