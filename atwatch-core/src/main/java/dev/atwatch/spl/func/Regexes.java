package dev.atwatch.spl.func;

import dev.atwatch.spl.ast.Expr;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions of eval functions: compiled once when the pattern is a literal, else compiled
 * on use with the last pattern remembered.
 */
final class Regexes {

    private Regexes() {}

    /** A source of the pattern for each evaluation. */
    interface Source {
        /** The pattern, or {@code null} when its text is NULL or not a valid regex. */
        Pattern pattern(Scope scope);
    }

    static Source of(Evaluator text, Expr syntax, boolean like) {
        if (syntax instanceof Expr.Str literal) {
            Pattern fixed = compile(literal.value(), like);
            return scope -> fixed;
        }
        return new Source() {
            private String lastText;
            private Pattern last;

            @Override
            public Pattern pattern(Scope scope) {
                String value = Values.text(text.eval(scope));
                if (value == null) {
                    return null;
                }
                if (!value.equals(lastText)) {
                    lastText = value;
                    last = compile(value, like);
                }
                return last;
            }
        };
    }

    static Source of(List<Evaluator> args, List<Expr> syntax, int index, boolean like) {
        return of(args.get(index), syntax.get(index), like);
    }

    /** Compiles, or {@code null} when the text is not a valid pattern. */
    static Pattern compile(String text, boolean like) {
        try {
            return like ? LikePattern.compile(text) : Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
