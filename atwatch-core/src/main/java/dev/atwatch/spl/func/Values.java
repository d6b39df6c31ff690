package dev.atwatch.spl.func;

import dev.atwatch.event.FieldValue;
import java.util.List;

/** Conversions between expression values and field values, as SPL applies them. */
public final class Values {

    private Values() {}

    /** The expression value of a field value: text, number or list of strings. */
    public static Object of(FieldValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof FieldValue.Text text) {
            return text.value();
        }
        if (value instanceof FieldValue.Number number) {
            return number.value();
        }
        return ((FieldValue.MultiValue) value).values();
    }

    /**
     * The field value to store for an expression value; {@code null} (remove the field) for NULL
     * and for an empty list.
     */
    public static FieldValue toField(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double number) {
            return Double.isNaN(number) ? null : new FieldValue.Number(number);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : FieldValue.of(strings(value));
        }
        return new FieldValue.Text(text(value));
    }

    /**
     * The value as a number: a number, or a string (or first value) written as a decimal number;
     * {@code null} otherwise.
     */
    public static Double number(Object value) {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof String text) {
            return parseNumber(text);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return parseNumber(String.valueOf(list.get(0)));
        }
        return null;
    }

    /** Whether the value is text (a string or a multivalue), not a number or boolean. */
    public static boolean isText(Object value) {
        return value instanceof String || value instanceof List<?>;
    }

    /**
     * The value as one string: a number as SPL prints it, a boolean as {@code true}/{@code false},
     * a multivalue as its first value; {@code null} for NULL.
     */
    public static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Double number) {
            return FieldValue.formatNumber(number);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return value.toString();
    }

    /** The value as its strings: all values of a multivalue, else the one string. */
    @SuppressWarnings("unchecked")
    public static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<String>) list;
        }
        return List.of(text(value));
    }

    /** Whether the value is TRUE; NULL and non-booleans are not. */
    public static boolean isTrue(Object value) {
        return value instanceof Boolean b && b;
    }

    /**
     * Parses a decimal number as SPL reads numbers in fields: optional sign, digits with an
     * optional fraction, optional exponent; {@code null} for anything else.
     */
    public static Double parseNumber(String text) {
        int n = text.length();
        if (n == 0 || n > 64) {
            return null;
        }
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i == n && digits == n - (text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0)) {
            return wholeNumber(text, digits);
        }
        i = exponentEnd(text, i);
        return i == n ? Double.valueOf(Double.parseDouble(text)) : null;
    }

    /**
     * The value of {@code text}, an optional sign and {@code digits} digits: computed directly when
     * it has at most 15 digits (every such integer is a double exactly, as parsing gives it), else
     * parsed.
     */
    private static Double wholeNumber(String text, int digits) {
        if (digits > 15) {
            return Double.parseDouble(text);
        }
        int n = text.length();
        long value = 0;
        for (int i = n - digits; i < n; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        // "-0" parses as negative zero
        return text.charAt(0) == '-' ? -(double) value : (double) value;
    }

    private static int exponentEnd(String text, int i) {
        int n = text.length();
        if (i >= n || (text.charAt(i) != 'e' && text.charAt(i) != 'E')) {
            return i;
        }
        int j = i + 1;
        if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
            j++;
        }
        int start = j;
        while (j < n && isDigit(text.charAt(j))) {
            j++;
        }
        return j > start ? j : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
