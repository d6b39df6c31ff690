package dev.atwatch.spl.func;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0", "42", "+7", "-13", "007", "999999999999999", "-123456789012345",
                "1234567890123456", "98765432109876543210", "1.5", "-0.25", "1e3", "2E-2", "10.",
                ".5"
            })
    void readsDecimalNumbersAsParseDoubleDoes(String text) {
        assertThat(Values.parseNumber(text)).isEqualTo(Double.parseDouble(text));
    }

    @Test
    void minusZeroIsNegativeZero() {
        assertThat(Double.compare(Values.parseNumber("-0"), -0.0)).isZero();
        assertThat(Double.compare(Values.parseNumber("+0"), 0.0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "12a", "1 2", "0x10", "1e", "--1", ".", "1.2.3", "NaN"})
    void otherTextIsNoNumber(String text) {
        assertThat(Values.parseNumber(text)).isNull();
    }
}
