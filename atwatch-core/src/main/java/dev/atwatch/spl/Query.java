package dev.atwatch.spl;

import dev.atwatch.spl.ast.Pipeline;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.eval.MatchScope;
import dev.atwatch.spl.eval.PipelineRun;
import dev.atwatch.spl.eval.SearchPredicate;

/** A compiled query. Immutable and thread-safe; each run gets its own {@link Execution}. */
public final class Query {

    private final String text;
    private final Pipeline pipeline;
    private final Prefilter prefilter;

    Query(String text, Pipeline pipeline) {
        this.text = text;
        this.pipeline = pipeline;
        this.prefilter = Prefilter.of(pipeline.firstSearch().map(s -> s.node()).orElse(null));
    }

    /** The query text as given. */
    public String text() {
        return text;
    }

    /** The parsed commands (after macro expansion). */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** Starts a run; the returned execution is single-threaded. */
    public Execution start(ExecutionOptions options) {
        return new PipelineRun(pipeline, options);
    }

    /**
     * A thread-safe test of the first search command alone, with the aliases of {@code options}
     * under portable semantics. Accepts every event when the query does not start with a search.
     */
    public EventFilter filter(ExecutionOptions options) {
        SearchPredicate predicate = PipelineRun.firstSearch(pipeline, options);
        MatchScope scope =
                options.semantics() == Semantics.PORTABLE ? MatchScope.SILENT : MatchScope.OFF;
        return event -> predicate.test(event, scope);
    }

    /** The byte-level prefilter of the first search (sound in both semantics). */
    public Prefilter prefilter() {
        return prefilter;
    }

    /**
     * The byte-level prefilter of the first search with its field form added for {@code options}
     * (whose aliases decide which fields a comparison may read).
     */
    public Prefilter prefilter(ExecutionOptions options) {
        SearchNode search = pipeline.firstSearch().map(s -> s.node()).orElse(null);
        return prefilter.withFields(search, options.activeAliases());
    }

    @Override
    public String toString() {
        return text;
    }
}
