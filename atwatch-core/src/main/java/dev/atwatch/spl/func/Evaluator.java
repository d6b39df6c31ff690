package dev.atwatch.spl.func;

/**
 * A compiled expression. A value is {@code null} (SPL's NULL), a {@link String}, a {@link Double},
 * a {@link Boolean} (the result of a comparison or test) or a {@code List<String>} (a multivalue).
 */
@FunctionalInterface
public interface Evaluator {

    Object eval(Scope scope);
}
