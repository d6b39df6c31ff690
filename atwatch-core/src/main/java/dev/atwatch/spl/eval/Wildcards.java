package dev.atwatch.spl.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field-name patterns of table, fields and rename: {@code *} matches any run, case-sensitive. */
final class Wildcards {

    private Wildcards() {}

    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0;
    }

    /** A regex for {@code pattern} with one capturing group per {@code *}. */
    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
            regex.append(Pattern.quote(pattern.substring(start, star))).append("(.*?)");
            start = star + 1;
        }
        regex.append(Pattern.quote(pattern.substring(start)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** {@code target} with its {@code *}s replaced by what {@code match} captured, in order. */
    static String substitute(String target, Matcher match) {
        StringBuilder out = new StringBuilder();
        int group = 1;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '*' && group <= match.groupCount()) {
                out.append(match.group(group++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
