package dev.atwatch.spl.ast;

import java.util.List;

/** One command of a pipeline. */
public sealed interface Command {

    Span span();

    /** The command's name as written in SPL. */
    String name();

    /** {@code search}, explicit or implicit. */
    record Search(SearchNode node, Span span) implements Command {
        public String name() {
            return "search";
        }
    }

    /** {@code eval a=..., b=...}, assignments applied left to right. */
    record Eval(List<Assignment> assignments, Span span) implements Command {
        public Eval {
            assignments = List.copyOf(assignments);
        }

        public String name() {
            return "eval";
        }
    }

    /** {@code where expression}. */
    record Where(Expr condition, Span span) implements Command {
        public String name() {
            return "where";
        }
    }

    /** {@code table f1, f2*}. */
    record Table(List<String> fields, Span span) implements Command {
        public Table {
            fields = List.copyOf(fields);
        }

        public String name() {
            return "table";
        }
    }

    /** {@code fields [+] list} keeps, {@code fields - list} removes. */
    record FieldList(boolean remove, List<String> fields, Span span) implements Command {
        public FieldList {
            fields = List.copyOf(fields);
        }

        public String name() {
            return "fields";
        }
    }

    /** {@code sort [N] keys}; {@code limit} 0 means no limit. */
    record Sort(int limit, List<SortKey> keys, Span span) implements Command {
        public Sort {
            keys = List.copyOf(keys);
        }

        public String name() {
            return "sort";
        }
    }

    /** {@code head N}. */
    record Head(int count, Span span) implements Command {
        public String name() {
            return "head";
        }
    }

    /** {@code tail N}. */
    record Tail(int count, Span span) implements Command {
        public String name() {
            return "tail";
        }
    }

    /** {@code rename a AS b, ...}. */
    record Rename(List<Renaming> renamings, Span span) implements Command {
        public Rename {
            renamings = List.copyOf(renamings);
        }

        public String name() {
            return "rename";
        }
    }

    /** {@code dedup [N] f1 f2 [keepempty=true]}. */
    record Dedup(int count, List<String> fields, boolean keepEmpty, Span span) implements Command {
        public Dedup {
            fields = List.copyOf(fields);
        }

        public String name() {
            return "dedup";
        }
    }

    /** {@code stats agg, ... [by f1, f2]}. */
    record Stats(List<Aggregation> aggregations, List<String> by, Span span) implements Command {
        public Stats {
            aggregations = List.copyOf(aggregations);
            by = List.copyOf(by);
        }

        public String name() {
            return "stats";
        }
    }
}
