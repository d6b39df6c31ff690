package dev.atwatch.suppress;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern one criterion of a suppression applies to one alert value: a case-insensitive glob in
 * which {@code *} stands for any run of characters and which must cover the whole value, or a
 * regular expression written between slashes ({@code /at\.exe$/}, or {@code /.../i} to ignore case)
 * which may match anywhere in the value, as SPL's {@code match} does.
 */
public sealed interface ValuePattern {

    /** The pattern as written in the file. */
    String source();

    /** Whether {@code value} matches; {@code null} never matches. */
    boolean matches(String value);

    /**
     * Reads a pattern: text that starts with {@code /} and ends with {@code /} or {@code /i} is a
     * regular expression, anything else a glob.
     *
     * @throws IllegalArgumentException when the text is empty or the regular expression is invalid
     */
    static ValuePattern parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a pattern must not be empty");
        }
        boolean ignoreCase = text.length() > 3 && text.endsWith("/i");
        int end = ignoreCase ? text.length() - 2 : text.length() - 1;
        if (text.length() >= 3 && text.charAt(0) == '/' && text.charAt(end) == '/') {
            return Regex.compile(text, text.substring(1, end), ignoreCase);
        }
        return new Glob(text);
    }

    /** A case-insensitive whole-value glob; only {@code *} is special. */
    record Glob(String source) implements ValuePattern {

        @Override
        public boolean matches(String value) {
            if (value == null) {
                return false;
            }
            return globMatches(source.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
        }

        // Iterative wildcard matching with one backtrack point: linear in practice and never
        // exponential, unlike a translated regular expression on a hostile command line.
        private static boolean globMatches(String glob, String text) {
            int g = 0;
            int t = 0;
            int star = -1;
            int resume = 0;
            while (t < text.length()) {
                if (g < glob.length() && glob.charAt(g) == '*') {
                    star = g++;
                    resume = t;
                } else if (g < glob.length() && glob.charAt(g) == text.charAt(t)) {
                    g++;
                    t++;
                } else if (star >= 0) {
                    g = star + 1;
                    t = ++resume;
                } else {
                    return false;
                }
            }
            while (g < glob.length() && glob.charAt(g) == '*') {
                g++;
            }
            return g == glob.length();
        }
    }

    /** A regular expression found anywhere in the value. */
    record Regex(String source, Pattern pattern) implements ValuePattern {

        static Regex compile(String source, String expression, boolean ignoreCase) {
            int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            try {
                return new Regex(source, Pattern.compile(expression, flags));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "invalid regular expression " + source + ": " + e.getDescription(), e);
            }
        }

        @Override
        public boolean matches(String value) {
            return value != null && pattern.matcher(value).find();
        }
    }
}
