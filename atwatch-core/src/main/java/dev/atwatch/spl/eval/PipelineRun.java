package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.spl.Execution;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Results;
import dev.atwatch.spl.Row;
import dev.atwatch.spl.Semantics;
import dev.atwatch.spl.ast.Assignment;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.Pipeline;
import dev.atwatch.spl.func.Evaluator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One run of a compiled pipeline over a stream of events. Single-threaded. */
public final class PipelineRun implements Execution {

    private final SearchPredicate first;
    private final List<Stage> stages = new ArrayList<>();
    private final BlockingStages.Collector collector = new BlockingStages.Collector();
    private final AliasTally tally;
    private boolean finished;

    /** Compiles {@code pipeline} for {@code options}; the pipeline must have passed its checks. */
    public PipelineRun(Pipeline pipeline, ExecutionOptions options) {
        FieldAliases aliases = options.activeAliases();
        boolean aliasesOn = options.semantics() == Semantics.PORTABLE && !aliases.isEmpty();
        this.tally = new AliasTally(aliasesOn, options.now());
        SearchCompiler searches = new SearchCompiler(aliases);
        ExprCompiler expressions = new ExprCompiler(searches);
        RowScope scope = new RowScope(aliases, aliasesOn, options.now());
        List<Command> commands = pipeline.commands();
        int start = 0;
        if (pipeline.firstSearch().isPresent()) {
            first = searches.compile(pipeline.firstSearch().get().node());
            start = 1;
        } else {
            first = null;
        }
        for (int i = start; i < commands.size(); i++) {
            Command next = i + 1 < commands.size() ? commands.get(i + 1) : null;
            stages.add(stage(commands.get(i), next, searches, expressions, scope));
        }
        stages.add(collector);
        for (int i = 0; i + 1 < stages.size(); i++) {
            stages.get(i).connect(stages.get(i + 1));
        }
    }

    /** A thread-safe filter applying the first search with {@code options}' aliases. */
    public static SearchPredicate firstSearch(Pipeline pipeline, ExecutionOptions options) {
        return pipeline.firstSearch()
                .map(search -> new SearchCompiler(options.activeAliases()).compile(search.node()))
                .orElse((fields, scope) -> true);
    }

    private Stage stage(
            Command command,
            Command next,
            SearchCompiler searches,
            ExprCompiler expressions,
            RowScope scope) {
        if (command instanceof Command.Search search) {
            return new StreamingStages.Search(searches.compile(search.node()), tally);
        }
        if (command instanceof Command.Eval eval) {
            List<String> targets = new ArrayList<>();
            List<Evaluator> values = new ArrayList<>();
            for (Assignment assignment : eval.assignments()) {
                targets.add(assignment.field());
                values.add(expressions.compile(assignment.value()));
            }
            return new StreamingStages.Eval(targets, values, scope, tally);
        }
        if (command instanceof Command.Where where) {
            return new StreamingStages.Where(expressions.compile(where.condition()), scope, tally);
        }
        return shaping(command, next);
    }

    private Stage shaping(Command command, Command next) {
        if (command instanceof Command.Table table) {
            return new StreamingStages.Select(table.fields(), false, false);
        }
        if (command instanceof Command.FieldList fields) {
            return new StreamingStages.Select(fields.fields(), fields.remove(), true);
        }
        if (command instanceof Command.Sort sort) {
            return new BlockingStages.Sort(sort.limit(), sortHold(sort, next), sort.keys());
        }
        if (command instanceof Command.Head head) {
            return new StreamingStages.Head(head.count());
        }
        if (command instanceof Command.Tail tail) {
            return new BlockingStages.Tail(tail.count());
        }
        if (command instanceof Command.Rename rename) {
            return new StreamingStages.Rename(rename.renamings());
        }
        if (command instanceof Command.Dedup dedup) {
            return new StreamingStages.Dedup(dedup.fields(), dedup.count(), dedup.keepEmpty());
        }
        Command.Stats stats = (Command.Stats) command;
        return new StatsStage(stats.aggregations(), stats.by(), tally);
    }

    /**
     * How many results {@code sort} must hold: its limit, or fewer when a {@code head} right after
     * it passes only its first rows (0 for every result).
     */
    private static int sortHold(Command.Sort sort, Command next) {
        if (!(next instanceof Command.Head head) || head.count() < 1) {
            return sort.limit();
        }
        return sort.limit() == 0 ? head.count() : Math.min(sort.limit(), head.count());
    }

    @Override
    public void accept(Event event) {
        if (finished) {
            throw new IllegalStateException("accept after finish");
        }
        Record record = first == null ? Record.of(event) : tally.first(first, event);
        if (record != null) {
            stages.get(0).push(record);
        }
    }

    @Override
    public boolean wantsMore() {
        if (finished) {
            return false;
        }
        for (Stage stage : stages) {
            if (stage.done()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Results finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        List<String> notes = new ArrayList<>();
        stages.get(0).finish(notes);
        List<String> columns = columns();
        List<Row> rows = new ArrayList<>(collector.results.size());
        for (Record record : collector.results) {
            rows.add(new Row(record.map(), record.provenance()));
            tally.countFields(record, columns);
        }
        return new Results(columns, rows, notes, tally.hits(), tally.places());
    }

    /** The fixed column order with wildcards expanded, or every field in first-seen order. */
    private List<String> columns() {
        List<String> plan = null;
        for (Stage stage : stages) {
            plan = stage.columns(plan);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Record record : collector.results) {
            record.names().forEach(seen::add);
        }
        if (plan == null) {
            return new ArrayList<>(seen);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String entry : plan) {
            if (!Wildcards.hasWildcard(entry)) {
                columns.add(entry);
                continue;
            }
            Pattern pattern = Wildcards.compile(entry);
            for (String name : seen) {
                if (pattern.matcher(name).matches()) {
                    columns.add(name);
                }
            }
        }
        return new ArrayList<>(columns);
    }
}
