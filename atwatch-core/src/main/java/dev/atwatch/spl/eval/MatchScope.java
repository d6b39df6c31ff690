package dev.atwatch.spl.eval;

import dev.atwatch.spl.ast.Span;

/** How a search test treats aliases, and where it reports the ones it used. */
public interface MatchScope {

    /** Aliases off: Splunk semantics, or the counterfactual test that measures alias effect. */
    MatchScope OFF =
            new MatchScope() {
                @Override
                public boolean aliasesOn() {
                    return false;
                }

                @Override
                public void aliasUsed(String description, Span where) {}
            };

    /** Aliases on, nothing recorded: for thread-safe filters. */
    MatchScope SILENT =
            new MatchScope() {
                @Override
                public boolean aliasesOn() {
                    return true;
                }

                @Override
                public void aliasUsed(String description, Span where) {}
            };

    boolean aliasesOn();

    /**
     * Notes that the alias {@code description} supplied a value to the term or field read at {@code
     * where} of the query text.
     */
    void aliasUsed(String description, Span where);

    /** {@code scope} with every alias use placed at {@code where} instead. */
    static MatchScope placed(MatchScope scope, Span where) {
        return new MatchScope() {
            @Override
            public boolean aliasesOn() {
                return scope.aliasesOn();
            }

            @Override
            public void aliasUsed(String description, Span ignored) {
                scope.aliasUsed(description, where);
            }
        };
    }
}
