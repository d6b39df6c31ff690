package dev.atwatch.spl.eval;

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
                public void aliasUsed(String description) {}
            };

    /** Aliases on, nothing recorded: for thread-safe filters. */
    MatchScope SILENT =
            new MatchScope() {
                @Override
                public boolean aliasesOn() {
                    return true;
                }

                @Override
                public void aliasUsed(String description) {}
            };

    boolean aliasesOn();

    /** Notes that the alias {@code description} supplied a value. */
    void aliasUsed(String description);
}
