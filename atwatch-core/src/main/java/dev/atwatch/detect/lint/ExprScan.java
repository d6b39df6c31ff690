package dev.atwatch.detect.lint;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.spl.Severity;
import dev.atwatch.spl.ast.BinaryOp;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the pitfalls of eval and where expressions and records the rewrite of each: classic field
 * names added to the reads, fields no format has and unreachable coalesce arguments dropped,
 * case-sensitive path comparisons made case-insensitive.
 */
final class ExprScan {

    /** Field names that hold file paths, whose case Windows ignores. */
    private static final Pattern PATH_FIELD =
            Pattern.compile("(?i).*(image|process_?name|path|file_?name)");

    private final String text;
    private final FieldNaming naming;
    private final Findings findings;
    private final TextEdits edits;

    /** Fields an earlier eval assigned: their value comes from the query, not from the event. */
    private final Set<String> assigned = new HashSet<>();

    ExprScan(String text, FieldNaming naming, Findings findings, TextEdits edits) {
        this.text = text;
        this.naming = naming;
        this.findings = findings;
        this.edits = edits;
    }

    /** Notes that later commands read {@code field} as assigned by the query. */
    void assigned(String field) {
        assigned.add(field);
    }

    /** Scans {@code expr}, whose parent is {@code parent} (or null), bottom-up. */
    void scan(Expr expr, Expr.Call parent) {
        if (expr instanceof Expr.Field field) {
            field(field, parent);
        } else if (expr instanceof Expr.Call call) {
            call(call);
        } else if (expr instanceof Expr.Binary binary) {
            binary(binary);
        } else if (expr instanceof Expr.Not not) {
            scan(not.operand(), null);
        } else if (expr instanceof Expr.Negate negate) {
            scan(negate.operand(), null);
        }
    }

    private void field(Expr.Field field, Expr.Call parent) {
        boolean inCoalesce = parent != null && parent.name().equals("coalesce");
        if (FieldNaming.NEVER_EXTRACTED.contains(field.name())) {
            findings.add(
                    LintCode.FIELD_NEVER_EXTRACTED,
                    Severity.WARNING,
                    field.span(),
                    "no Windows format has a field '" + field.name() + "'; it is always NULL");
            if (inCoalesce && parent.args().size() > 1) {
                dropArgument(parent, parent.args().indexOf(field));
            }
            return;
        }
        if (!assigned.contains(field.name())) {
            naming.classicOf(field.name())
                    .filter(alias -> !inCoalesce || !readsField(parent, alias.source()))
                    .ifPresent(alias -> classicRead(field, alias, inCoalesce));
        }
    }

    private void classicRead(Expr.Field field, FieldAliases.Alias alias, boolean inCoalesce) {
        findings.add(
                LintCode.CLASSIC_FIELD_NAME,
                Severity.WARNING,
                field.span(),
                "classic (non-XML) WinEventLog events name this field '"
                        + alias.source()
                        + "', not '"
                        + field.name()
                        + "'; it is NULL for them");
        String written = written(field.span());
        String classic = alias.firstValue() ? "mvindex(" + alias.source() + ", 0)" : alias.source();
        String both = written + ", " + classic;
        edits.replace(field.span(), inCoalesce ? both : "coalesce(" + both + ")");
    }

    /** Whether an argument of {@code call} reads {@code name}, whole or through mvindex(). */
    private static boolean readsField(Expr.Call call, String name) {
        for (Expr arg : call.args()) {
            Expr read =
                    arg instanceof Expr.Call inner
                                    && inner.name().equals("mvindex")
                                    && !inner.args().isEmpty()
                            ? inner.args().get(0)
                            : arg;
            if (read instanceof Expr.Field field && field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Removes argument {@code index} of {@code call} with its comma. */
    private void dropArgument(Expr.Call call, int index) {
        List<Expr> args = call.args();
        Span own = args.get(index).span();
        if (index > 0) {
            edits.replace(args.get(index - 1).span().end(), own.end(), "");
        } else {
            edits.replace(own.start(), args.get(1).span().start(), "");
        }
    }

    private void call(Expr.Call call) {
        List<Expr> args = call.args();
        if (call.name().equals("coalesce")) {
            int reached = alwaysPresentArgument(args);
            if (reached >= 0 && reached < args.size() - 1) {
                unreachable(call, reached);
                args.subList(0, reached + 1).forEach(arg -> scan(arg, call));
                return;
            }
        }
        args.forEach(arg -> scan(arg, call));
        if (call.name().equals("like") && args.size() == 2) {
            caseSensitivePath(call.span(), args.get(0), args.get(1), "like()");
        }
    }

    private static int alwaysPresentArgument(List<Expr> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Expr.Field field
                    && FieldNaming.ALWAYS_PRESENT.contains(field.name())) {
                return i;
            }
        }
        return -1;
    }

    private void unreachable(Expr.Call call, int reached) {
        List<Expr> args = call.args();
        String present = ((Expr.Field) args.get(reached)).name();
        Span rest = Span.cover(args.get(reached + 1).span(), args.get(args.size() - 1).span());
        findings.add(
                LintCode.UNREACHABLE_COALESCE,
                Severity.WARNING,
                rest,
                "every event has '"
                        + present
                        + "', so coalesce() never reaches the arguments after it");
        edits.replace(args.get(reached).span().end(), rest.end(), "");
    }

    private void binary(Expr.Binary binary) {
        scan(binary.left(), null);
        scan(binary.right(), null);
        if (binary.op() == BinaryOp.LIKE) {
            caseSensitivePath(binary.span(), binary.left(), binary.right(), "LIKE");
        } else if (binary.op() == BinaryOp.EQ || binary.op() == BinaryOp.NE) {
            equality(binary);
        }
    }

    private void caseSensitivePath(Span span, Expr value, Expr pattern, String how) {
        if (!(pattern instanceof Expr.Str literal) || !isPathComparison(value, literal)) {
            return;
        }
        findings.add(
                LintCode.CASE_SENSITIVE_PATH,
                Severity.WARNING,
                span,
                how
                        + " is case-sensitive, but Windows paths are not: "
                        + "\""
                        + literal.value()
                        + "\" misses the same path in another case "
                        + "(C:\\WINDOWS\\system32\\AT.EXE)");
        String regex = LikeRegex.quoted(LikeRegex.of(literal.value()));
        edits.replace(span, "match(lower(" + edits.take(value.span()) + "), " + regex + ")");
    }

    private void equality(Expr.Binary binary) {
        Expr.Str literal = binary.right() instanceof Expr.Str r ? r : null;
        Expr other = binary.left();
        if (literal == null && binary.left() instanceof Expr.Str l) {
            literal = l;
            other = binary.right();
        }
        if (literal == null || !isPathComparison(other, literal)) {
            return;
        }
        findings.add(
                LintCode.CASE_SENSITIVE_PATH,
                Severity.WARNING,
                binary.span(),
                "'"
                        + binary.op().symbol()
                        + "' compares case-sensitively in eval and where, but Windows paths"
                        + " are not case-sensitive");
        edits.replace(other.span(), "lower(" + edits.take(other.span()) + ")");
        edits.replace(literal.span(), LikeRegex.quoted(literal.value().toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether comparing {@code value} with {@code literal} compares paths with case: the literal
     * has letters and a path separator, or the value is a path field; a value already folded with
     * lower() or upper() is not.
     */
    private static boolean isPathComparison(Expr value, Expr.Str literal) {
        if (value instanceof Expr.Call call
                && (call.name().equals("lower") || call.name().equals("upper"))) {
            return false;
        }
        String pattern = literal.value();
        if (!pattern.chars().anyMatch(Character::isLetter)) {
            return false;
        }
        boolean separator = pattern.indexOf('\\') >= 0 || pattern.indexOf('/') >= 0;
        boolean pathField =
                value instanceof Expr.Field field && PATH_FIELD.matcher(field.name()).matches();
        return separator || pathField;
    }

    private String written(Span span) {
        return text.substring(span.start(), span.end());
    }
}
