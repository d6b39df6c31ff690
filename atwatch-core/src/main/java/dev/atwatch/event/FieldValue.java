package dev.atwatch.event;

import java.util.List;
import java.util.Locale;

/**
 * The value of one field of an event or result row: a string, a number or several strings.
 *
 * <p>Readers produce {@link Text} and {@link MultiValue}; SPL {@code eval} may also produce {@link
 * Number}. An absent field is represented by the absence of a value (a {@code null} from {@link
 * Fields#get}), never by an empty string: readers drop empty values as Splunk does.
 */
public sealed interface FieldValue {

    /** A single string value. */
    record Text(String value) implements FieldValue {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text value must not be null");
            }
        }
    }

    /** A number, kept as a double as SPL does; integers print without a decimal point. */
    record Number(double value) implements FieldValue {}

    /** Two or more values of one field, in the order the event gave them. */
    record MultiValue(List<String> values) implements FieldValue {
        public MultiValue {
            values = List.copyOf(values);
        }
    }

    static FieldValue of(String value) {
        return new Text(value);
    }

    static FieldValue of(double value) {
        return new Number(value);
    }

    /**
     * Returns a single value, or a multivalue when {@code values} holds more than one.
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    static FieldValue of(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a field needs at least one value");
        }
        return values.size() == 1 ? new Text(values.get(0)) : new MultiValue(values);
    }

    /** The values as strings: one for a text or number, all of them for a multivalue. */
    default List<String> strings() {
        if (this instanceof Text t) {
            return List.of(t.value());
        }
        if (this instanceof Number n) {
            return List.of(formatNumber(n.value()));
        }
        return ((MultiValue) this).values();
    }

    /** The value as one string; a multivalue gives its first value. */
    default String asString() {
        return strings().get(0);
    }

    /** Formats a number as SPL prints it: integers without a decimal point. */
    static String formatNumber(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value).toLowerCase(Locale.ROOT);
        }
        // plain decimal digits, as SPL prints them: 1563541066.5, not 1.5635410665e9
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
