package dev.atwatch.spl.func;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Number functions: tonumber, tostring, round, abs. */
final class NumberFunctions {

    private NumberFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.value("tonumber", 1, 2, (a, s) -> tonumber(a));
        library.value("tostring", 1, 2, (a, s) -> tostring(a));
        library.value("round", 1, 2, (a, s) -> round(a));
        library.value(
                "abs",
                1,
                1,
                (a, s) ->
                        scope -> {
                            Double x = Values.number(a.get(0).eval(scope));
                            return x == null ? null : Math.abs(x);
                        });
    }

    private static Evaluator tonumber(List<Evaluator> args) {
        return scope -> {
            Object value = args.get(0).eval(scope);
            Double base =
                    args.size() > 1 ? Values.number(args.get(1).eval(scope)) : Double.valueOf(10);
            if (value == null || base == null) {
                return null;
            }
            if (value instanceof Double) {
                return value;
            }
            return parse(Values.text(value).strip(), base.intValue());
        };
    }

    /** Parses in {@code base} (2 to 36); base 10 accepts decimals; {@code null} on failure. */
    static Double parse(String text, int base) {
        if (base == 10) {
            return Values.parseNumber(text);
        }
        if (base < 2 || base > 36) {
            return null;
        }
        String digits =
                base == 16 && text.toLowerCase(Locale.ROOT).startsWith("0x")
                        ? text.substring(2)
                        : text;
        try {
            return (double) Long.parseLong(digits, base);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Evaluator tostring(List<Evaluator> args) {
        return scope -> {
            Object value = args.get(0).eval(scope);
            String format = args.size() > 1 ? Values.text(args.get(1).eval(scope)) : null;
            if (value == null) {
                return null;
            }
            if (value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            Double number = value instanceof Double d ? d : null;
            if (format == null || number == null) {
                return value instanceof List<?> ? value : Values.text(value);
            }
            return format(number, format);
        };
    }

    static String format(double number, String format) {
        switch (format) {
            case "hex":
                return "0x" + Long.toHexString((long) number).toUpperCase(Locale.ROOT);
            case "commas":
                BigDecimal rounded =
                        BigDecimal.valueOf(number)
                                .setScale(2, RoundingMode.HALF_UP)
                                .stripTrailingZeros();
                return String.format(
                        Locale.ROOT,
                        rounded.scale() > 0 ? "%,." + rounded.scale() + "f" : "%,.0f",
                        number);
            case "duration":
                long total = (long) number;
                return String.format(
                        Locale.ROOT, "%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
            default:
                return Values.text(number);
        }
    }

    private static Evaluator round(List<Evaluator> args) {
        return scope -> {
            Double x = Values.number(args.get(0).eval(scope));
            Double digits =
                    args.size() > 1 ? Values.number(args.get(1).eval(scope)) : Double.valueOf(0);
            if (x == null || digits == null || x.isNaN() || x.isInfinite()) {
                return null;
            }
            return BigDecimal.valueOf(x)
                    .setScale(digits.intValue(), RoundingMode.HALF_UP)
                    .doubleValue();
        };
    }
}
