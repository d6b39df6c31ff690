package dev.atwatch.spl.func;

import dev.atwatch.spl.ast.Expr;
import java.util.List;

/**
 * One eval function: its name, how many arguments it takes, what it returns, and how to build it.
 *
 * @param maxArgs the most arguments, or {@link Integer#MAX_VALUE} for no limit
 * @param pairs whether the arguments come in pairs (as for {@code case})
 * @param factory builds the function from its compiled arguments and their syntax (so literal
 *     patterns compile once); {@code null} for functions the evaluator builds itself
 */
public record FunctionSpec(
        String name, int minArgs, int maxArgs, boolean pairs, Returns returns, Factory factory) {

    /** What a function returns, for type checks. */
    public enum Returns {
        BOOLEAN,
        VALUE,
        SAME_AS_ARGUMENTS
    }

    /** Builds a function's evaluator. */
    @FunctionalInterface
    public interface Factory {
        Evaluator create(List<Evaluator> args, List<Expr> syntax);
    }

    /** Whether {@code count} arguments are accepted. */
    public boolean accepts(int count) {
        return count >= minArgs && count <= maxArgs && (!pairs || count % 2 == 0);
    }

    /** How the accepted argument counts read in a message. */
    public String arity() {
        if (pairs) {
            return "pairs of arguments (at least " + minArgs + ")";
        }
        if (minArgs == maxArgs) {
            return minArgs + (minArgs == 1 ? " argument" : " arguments");
        }
        if (maxArgs == Integer.MAX_VALUE) {
            return "at least " + minArgs + " argument" + (minArgs == 1 ? "" : "s");
        }
        return minArgs + " to " + maxArgs + " arguments";
    }
}
