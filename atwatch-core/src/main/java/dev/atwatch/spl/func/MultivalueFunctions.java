package dev.atwatch.spl.func;

import java.util.ArrayList;
import java.util.List;

/** Multivalue functions: split, mvindex, mvcount, mvjoin. */
final class MultivalueFunctions {

    private MultivalueFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.value(
                "split",
                2,
                2,
                (a, s) -> scope -> split(a.get(0).eval(scope), a.get(1).eval(scope)));
        library.value("mvindex", 2, 3, (a, s) -> mvindex(a));
        library.value("mvcount", 1, 1, (a, s) -> scope -> count(a.get(0).eval(scope)));
        library.value(
                "mvjoin",
                2,
                2,
                (a, s) -> scope -> join(a.get(0).eval(scope), a.get(1).eval(scope)));
    }

    /**
     * Splits a string at each occurrence of the delimiter; an empty delimiter splits into
     * characters.
     */
    static Object split(Object value, Object delimiter) {
        String text = Values.text(value);
        String delim = Values.text(delimiter);
        if (text == null || delim == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (delim.isEmpty()) {
            text.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return parts;
        }
        int start = 0;
        for (int at = text.indexOf(delim); at >= 0; at = text.indexOf(delim, start)) {
            parts.add(text.substring(start, at));
            start = at + delim.length();
        }
        parts.add(text.substring(start));
        return parts.size() == 1 ? parts.get(0) : parts;
    }

    /** {@code mvindex(mv, start[, end])}: 0-based, negative from the end, end inclusive. */
    private static Evaluator mvindex(List<Evaluator> args) {
        return scope -> {
            Object value = args.get(0).eval(scope);
            Double start = Values.number(args.get(1).eval(scope));
            Double end = args.size() > 2 ? Values.number(args.get(2).eval(scope)) : start;
            if (value == null || start == null || end == null) {
                return null;
            }
            List<String> values = Values.strings(value);
            int n = values.size();
            int from = (int) (start < 0 ? n + start : start);
            int to = (int) (end < 0 ? n + end : end);
            if (from < 0 || from >= n || to < from) {
                return null;
            }
            List<String> slice = values.subList(from, Math.min(to, n - 1) + 1);
            return slice.size() == 1 ? slice.get(0) : List.copyOf(slice);
        };
    }

    private static Object count(Object value) {
        return value == null ? null : (double) Values.strings(value).size();
    }

    private static Object join(Object value, Object delimiter) {
        String delim = Values.text(delimiter);
        if (value == null || delim == null) {
            return null;
        }
        return String.join(delim, Values.strings(value));
    }
}
