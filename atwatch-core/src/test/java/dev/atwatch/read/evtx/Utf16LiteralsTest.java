package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf16LiteralsTest {

    private final Utf16Literals filter = Utf16Literals.of(List.of("at.exe", "ATSVC"));

    @Test
    void findsALiteralAtAnOddByteOffsetIgnoringAsciiCase() {
        byte[] bytes = withPrefix(1, "C:\\Windows\\System32\\AT.EXE");

        assertThat(filter.mayMatch(bytes, 0, bytes.length)).isTrue();
        assertThat(filter.mayMatch(bytes, 2, bytes.length - 2)).isTrue();
    }

    @Test
    void passesOnAnyOfItsLiterals() {
        byte[] bytes = withPrefix(0, "\\\\*\\IPC$ atsvc");

        assertThat(filter.mayMatch(bytes, 0, bytes.length)).isTrue();
    }

    @Test
    void rejectsBytesWithoutTheLiteralsOrWithThemOutsideTheRange() {
        byte[] other = withPrefix(0, "schtasks.exe /create");
        byte[] cut = withPrefix(0, "at.exe");

        assertThat(filter.mayMatch(other, 0, other.length)).isFalse();
        assertThat(filter.mayMatch(cut, 0, cut.length - 1)).isFalse();
        assertThat(filter.mayMatch(withPrefix(0, "at.ex"), 0, 10)).isFalse();
    }

    @Test
    void refusesAnEmptyLiteralList() {
        assertThatThrownBy(() -> Utf16Literals.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Utf16Literals.of(List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] withPrefix(int prefix, String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[prefix + utf16.length];
        System.arraycopy(utf16, 0, bytes, prefix, utf16.length);
        return bytes;
    }
}
