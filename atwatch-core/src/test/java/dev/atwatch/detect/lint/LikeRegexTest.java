package dev.atwatch.detect.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.spl.Spl;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikeRegexTest {

    private static boolean matches(String like, String value) {
        return Pattern.compile(LikeRegex.of(like)).matcher(value.toLowerCase(Locale.ROOT)).find();
    }

    @Test
    void leadingPercentMatchesAnyPrefixInAnyCase() {
        assertThat(matches("%\\at.exe", "C:\\WINDOWS\\system32\\AT.EXE")).isTrue();
        assertThat(matches("%\\at.exe", "C:\\Windows\\System32\\at.exe")).isTrue();
        assertThat(matches("%\\at.exe", "C:\\Windows\\System32\\what.exe")).isFalse();
        assertThat(matches("%\\at.exe", "C:\\Windows\\at.exe.bak")).isFalse();
        assertThat(matches("%\\at.exe", "C:\\x\\atXexe")).isFalse();
    }

    @Test
    void patternWithoutPercentIsAnchoredAtBothEnds() {
        assertThat(matches("at_exe", "AT.EXE")).isTrue();
        assertThat(matches("at_exe", "xat.exe")).isFalse();
        assertThat(matches("at%", "at.exe")).isTrue();
        assertThat(matches("at%", "cat.exe")).isFalse();
    }

    @Test
    void quotedRegexSurvivesSplStringUnescaping() {
        String literal = LikeRegex.quoted(LikeRegex.of("%\\at.exe"));

        assertThat(literal).isEqualTo("\"\\\\\\\\at\\\\.exe$\"");
        assertThat(Spl.compile("| where match(lower(Image), " + literal + ")").errors()).isEmpty();
    }
}
