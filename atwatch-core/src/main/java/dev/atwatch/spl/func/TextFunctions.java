package dev.atwatch.spl.func;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** String functions: case, length, substrings, trimming, regex match and replace, decoding. */
final class TextFunctions {

    private TextFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.value("lower", 1, 1, (a, s) -> mapping(a.get(0), v -> v.toLowerCase(Locale.ROOT)));
        library.value("upper", 1, 1, (a, s) -> mapping(a.get(0), v -> v.toUpperCase(Locale.ROOT)));
        library.value("len", 1, 1, (a, s) -> scope -> length(a.get(0).eval(scope)));
        library.value("substr", 2, 3, (a, s) -> substr(a));
        library.value("trim", 1, 2, (a, s) -> trimming(a, true, true));
        library.value("ltrim", 1, 2, (a, s) -> trimming(a, true, false));
        library.value("rtrim", 1, 2, (a, s) -> trimming(a, false, true));
        library.value("urldecode", 1, 1, (a, s) -> mapping(a.get(0), TextFunctions::urldecode));
        library.bool("match", 2, 2, (a, s) -> matching(a.get(0), Regexes.of(a, s, 1, false)));
        library.bool("like", 2, 2, (a, s) -> whole(a.get(0), Regexes.of(a, s, 1, true)));
        library.value("replace", 3, 3, (a, s) -> replacing(a, Regexes.of(a, s, 1, false)));
    }

    /** Applies {@code f} to a string or to each value of a multivalue; NULL gives NULL. */
    static Evaluator mapping(Evaluator arg, UnaryOperator<String> f) {
        return scope -> map(arg.eval(scope), f);
    }

    static Object map(Object value, UnaryOperator<String> f) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(f.apply(String.valueOf(item)));
            }
            return out;
        }
        return f.apply(Values.text(value));
    }

    private static Object length(Object value) {
        String text = Values.text(value);
        return text == null ? null : (double) text.codePointCount(0, text.length());
    }

    static Evaluator substr(List<Evaluator> args) {
        return scope -> {
            String text = Values.text(args.get(0).eval(scope));
            Double start = Values.number(args.get(1).eval(scope));
            Double length = args.size() > 2 ? Values.number(args.get(2).eval(scope)) : null;
            if (text == null || start == null || (args.size() > 2 && length == null)) {
                return null;
            }
            return substring(text, start.longValue(), length);
        };
    }

    /** SPL's 1-based substring; a negative start counts from the end. */
    static String substring(String text, long start, Double length) {
        int n = text.length();
        long from = start > 0 ? start - 1 : start < 0 ? Math.max(0, n + start) : 0;
        if (from >= n) {
            return "";
        }
        long to = length == null ? n : Math.min(n, from + Math.max(0, length.longValue()));
        return text.substring((int) from, (int) Math.max(from, to));
    }

    private static Evaluator trimming(List<Evaluator> args, boolean left, boolean right) {
        return scope -> {
            Object value = args.get(0).eval(scope);
            String chars = args.size() > 1 ? Values.text(args.get(1).eval(scope)) : " \t";
            if (value == null || chars == null) {
                return null;
            }
            return map(value, v -> trim(v, chars, left, right));
        };
    }

    static String trim(String text, String chars, boolean left, boolean right) {
        int start = 0;
        int end = text.length();
        while (left && start < end && chars.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String urldecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * {@code match}: unanchored regex search; a multivalue matches when any value does. NULL when
     * the pattern spends its read budget (see {@link BoundedText}).
     */
    private static Evaluator matching(Evaluator arg, Regexes.Source regex) {
        return anyValueMatches(arg, regex, false);
    }

    /** {@code like}: whole-string match of a LIKE pattern; any value of a multivalue. */
    static Evaluator whole(Evaluator arg, Regexes.Source regex) {
        return anyValueMatches(arg, regex, true);
    }

    /**
     * TRUE when the pattern matches any value of {@code arg} (the whole value when {@code whole},
     * else anywhere in it), FALSE when none does; NULL when the value or pattern is NULL or the
     * pattern spends its read budget (see {@link BoundedText}).
     */
    private static Evaluator anyValueMatches(Evaluator arg, Regexes.Source regex, boolean whole) {
        return scope -> {
            Object value = arg.eval(scope);
            Pattern pattern = regex.pattern(scope);
            if (value == null || pattern == null) {
                return null;
            }
            try {
                for (String text : Values.strings(value)) {
                    Matcher matcher = pattern.matcher(BoundedText.of(text));
                    if (whole ? matcher.matches() : matcher.find()) {
                        return Boolean.TRUE;
                    }
                }
                return Boolean.FALSE;
            } catch (BoundedText.Exhausted e) {
                return null;
            }
        };
    }

    private static Evaluator replacing(List<Evaluator> args, Regexes.Source regex) {
        return scope -> {
            Object value = args.get(0).eval(scope);
            Pattern pattern = regex.pattern(scope);
            String replacement = Values.text(args.get(2).eval(scope));
            if (value == null || pattern == null || replacement == null) {
                return null;
            }
            String javaReplacement = replacement(replacement);
            try {
                return map(
                        value, v -> pattern.matcher(BoundedText.of(v)).replaceAll(javaReplacement));
            } catch (BoundedText.Exhausted e) {
                return null;
            }
        };
    }

    /** Turns SPL's {@code \1} group references into Java's, quoting everything else. */
    static String replacement(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                out.append('$').append(text.charAt(++i));
            } else {
                out.append(Matcher.quoteReplacement(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
