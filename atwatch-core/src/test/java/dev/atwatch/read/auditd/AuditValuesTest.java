package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditValuesTest {

    @Test
    void decodesHexInEitherCase() {
        assertThat(AuditValues.decodeHex("2f746D70")).isEqualTo("/tmp");
        assertThat(AuditValues.decodeHexOrNull("2F746d70")).isEqualTo("/tmp");
    }

    @Test
    void hexDigitsAreThoseCharacterDigitKnows() {
        // fullwidth digits and letters are hex digits to Character.digit
        String fullwidth = "\uFF14\uFF11";
        assertThat(AuditValues.isHex(fullwidth)).isTrue();
        assertThat(AuditValues.decodeHex(fullwidth)).isEqualTo("A");
        assertThat(AuditValues.isHex("4g")).isFalse();
    }

    @Test
    void textThatIsNotHexIsNotDecoded() {
        for (String text : List.of("", "4", "41 42", "zz", "41\u00e9")) {
            assertThat(AuditValues.isHex(text)).as(text).isFalse();
            assertThat(AuditValues.decodeHexOrNull(text)).as(text).isNull();
        }
        assertThatThrownBy(() -> AuditValues.decodeHex("abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandLineQuotesEveryQuoteOfAnArgument() {
        String line = AuditValues.commandLine(List.of("echo", "it's", "a'b'", "", "x=1,y"));

        assertThat(line).isEqualTo("echo 'it'\\''s' 'a'\\''b'\\''' '' x=1,y");
    }
}
