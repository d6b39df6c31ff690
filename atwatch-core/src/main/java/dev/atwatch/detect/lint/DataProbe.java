package dev.atwatch.detect.lint;

import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.spl.CompileResult;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.Results;
import dev.atwatch.spl.Row;
import dev.atwatch.spl.Severity;
import dev.atwatch.spl.Spl;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a query over data to show where it is blind there: each top-level OR branch of its first
 * search alone under Splunk semantics (a branch that matches nothing is reported), and the whole
 * query under portable semantics (each alias that changed a result is reported).
 */
public final class DataProbe {

    private final FieldAliases aliases;
    private final Profile profile;
    private final Readers readers;
    private final ReadOptions options;
    private final int threads;

    /**
     * @param aliases the alias table of the portable run
     * @param profile the add-on naming the data is given
     * @param readers the readers that sniff the inputs
     * @param options read options (limits, index, host)
     * @param threads inputs read at once, at least 1
     */
    public DataProbe(
            FieldAliases aliases,
            Profile profile,
            Readers readers,
            ReadOptions options,
            int threads) {
        this.aliases = aliases;
        this.profile = profile;
        this.readers = readers;
        this.options = options;
        this.threads = threads;
    }

    /** One top-level OR branch of the first search, and the search that keeps only it. */
    record Branch(Span span, String search) {}

    /**
     * Adds to {@code report} what running its query over {@code inputs} shows; returns it unchanged
     * when the query does not compile.
     */
    public LintReport probe(LintReport report, List<Input> inputs) {
        CompileResult compiled = Spl.compile(report.query());
        if (!compiled.ok()) {
            return report;
        }
        List<Branch> branches = branches(report.query(), compiled);
        Findings findings = new Findings(report.query());
        List<String> notes = new ArrayList<>();

        Detection splunk = run(branches, report.query(), ExecutionOptions.splunk(), inputs);
        for (int i = 0; i < branches.size(); i++) {
            long events = count(splunk.results().get(i).results());
            branchNote(report.query(), branches.get(i), events, findings, notes);
        }
        int splunkRows = splunk.results().get(branches.size()).results().rows().size();

        Detection portable =
                run(List.of(), report.query(), ExecutionOptions.portable(aliases), inputs);
        Results query = portable.results().get(0).results();
        int portableRows = query.rows().size();
        notes.add(
                "rows: "
                        + splunkRows
                        + " under --semantics splunk, "
                        + portableRows
                        + " under --semantics portable (profile "
                        + profile.id()
                        + ")");
        aliasFindings(query, findings, notes);
        return report.with(findings.sorted(), notes);
    }

    /** The branches of each OR that is the first search or one of its top-level AND terms. */
    static List<Branch> branches(String text, CompileResult compiled) {
        Command.Search search = compiled.query().get().pipeline().firstSearch().orElse(null);
        if (search == null) {
            return List.of();
        }
        SearchNode root = search.node();
        int end = Math.max(search.span().end(), root.span().end());
        String searchText = text.substring(0, Math.min(end, text.length()));
        List<SearchNode> terms =
                root instanceof SearchNode.And and ? and.children() : List.of(root);
        List<Branch> branches = new ArrayList<>();
        for (SearchNode term : terms) {
            if (term instanceof SearchNode.Or or) {
                for (SearchNode child : or.children()) {
                    Span closed = closed(searchText, child.span());
                    branches.add(new Branch(closed, keepOnly(searchText, or, child)));
                }
            }
        }
        return branches;
    }

    private static String keepOnly(String searchText, SearchNode.Or or, SearchNode child) {
        Span whole = closed(searchText, or.span());
        Span own = closed(searchText, child.span());
        return searchText.substring(0, whole.start())
                + "("
                + searchText.substring(own.start(), own.end())
                + ")"
                + searchText.substring(whole.end());
    }

    /**
     * {@code span} widened over the parentheses it opens or closes without their partner: the span
     * of a node may end inside the group that closes its last term.
     */
    static Span closed(String text, Span span) {
        int[] depth = depth(text.substring(span.start(), span.end()));
        int start = span.start();
        int end = span.end();
        for (int open = depth[0]; open > 0; open--) {
            int next = skipSpaces(text, end, 1);
            if (next >= text.length() || text.charAt(next) != ')') {
                break;
            }
            end = next + 1;
        }
        for (int unopened = depth[1]; unopened > 0; unopened--) {
            int previous = skipSpaces(text, start - 1, -1);
            if (previous < 0 || text.charAt(previous) != '(') {
                break;
            }
            start = previous;
        }
        return new Span(start, end);
    }

    private static int skipSpaces(String text, int from, int step) {
        int at = from;
        while (at >= 0 && at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at += step;
        }
        return at;
    }

    /** Parentheses left open and closed without an opening one, outside quoted strings. */
    private static int[] depth(String text) {
        int open = 0;
        int unopened = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                open++;
            } else if (!quoted && c == ')') {
                if (open > 0) {
                    open--;
                } else {
                    unopened++;
                }
            }
        }
        return new int[] {open, unopened};
    }

    private Detection run(
            List<Branch> branches, String query, ExecutionOptions execution, List<Input> inputs) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            rules.add(rule("branch-" + (i + 1), branches.get(i).search() + "\n| stats count"));
        }
        // a branch that cannot be cut out as a search of its own is left out of the probe
        rules.removeIf(r -> !Spl.compile(r.search()).ok());
        rules.add(rule("query", query));
        List<CompiledRule> compiled = Detector.compile(rules, Macros.NONE);
        Detector detector =
                new Detector(compiled, execution, profile, TimeRange.ALL, threads, readers);
        return detector.run(inputs, options, RunListener.NONE);
    }

    private static Rule rule(String id, String search) {
        return new Rule(
                id, id, "", List.of(), "medium", List.of(), search, "", "", List.of(), "lint");
    }

    private static long count(Results results) {
        if (results.rows().isEmpty()) {
            return 0;
        }
        Row row = results.rows().get(0);
        String count = row.text("count");
        return count == null ? 0 : (long) Double.parseDouble(count);
    }

    private static void branchNote(
            String text, Branch branch, long events, Findings findings, List<String> notes) {
        String written = text.substring(branch.span().start(), branch.span().end());
        String shown = written.replaceAll("\\s+", " ");
        shown = shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
        notes.add("branch " + shown + ": " + events + " event(s) under --semantics splunk");
        if (events == 0) {
            findings.add(
                    LintCode.BRANCH_MATCHES_NOTHING,
                    Severity.WARNING,
                    branch.span(),
                    "this branch matches no event of the data under --semantics splunk");
        }
    }

    /**
     * A finding for each alias that changed a result, at the term or field read where it first did
     * (the start of the query when that place is not known).
     */
    private static void aliasFindings(Results query, Findings findings, List<String> notes) {
        for (Map.Entry<String, Long> hit : query.aliasHits().entrySet()) {
            String alias = hit.getKey();
            notes.add("alias " + alias + " changed the result of " + hit.getValue() + " event(s)");
            findings.add(
                    LintCode.ALIAS_CHANGED_RESULT,
                    Severity.WARNING,
                    query.aliasPlaces().getOrDefault(alias, new Span(0, 1)),
                    "under --semantics portable the alias "
                            + alias
                            + " changed the result of "
                            + hit.getValue()
                            + " event(s): Splunk misses them");
        }
    }
}
