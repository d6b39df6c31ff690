package dev.atwatch.detect.lint;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.Severity;
import dev.atwatch.spl.ast.CompareOp;
import dev.atwatch.spl.ast.SearchNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the pitfalls of search terms and records the rewrite of each into the fixed query. */
final class SearchScan {

    private final String text;
    private final FieldNaming naming;
    private final Profile profile;
    private final Findings findings;
    private final TextEdits edits;

    SearchScan(
            String text, FieldNaming naming, Profile profile, Findings findings, TextEdits edits) {
        this.text = text;
        this.naming = naming;
        this.profile = profile;
        this.findings = findings;
        this.edits = edits;
    }

    /** Scans a search command's expression. */
    void scan(SearchNode node) {
        scan(node, true, false, Set.of());
    }

    /**
     * Scans {@code node}; {@code inAnd} says whether a term may be dropped from its parent, {@code
     * sysmon} whether an enclosing AND admits Sysmon events only, {@code alternatives} the terms of
     * the enclosing OR (see {@link #alternatives(SearchNode.Or)}).
     */
    private void scan(SearchNode node, boolean inAnd, boolean sysmon, Set<String> alternatives) {
        if (node instanceof SearchNode.And and) {
            boolean only = sysmon || and.children().stream().anyMatch(SearchScan::isSysmonCode);
            and.children().forEach(child -> scan(child, true, only, Set.of()));
        } else if (node instanceof SearchNode.Or or) {
            Set<String> terms = alternatives(or);
            or.children().forEach(child -> scan(child, false, sysmon, terms));
        } else if (node instanceof SearchNode.Not not) {
            scan(not.child(), false, sysmon, Set.of());
        } else if (node instanceof SearchNode.Compare compare) {
            compare(compare, inAnd, sysmon, alternatives);
        }
    }

    /**
     * What the branches of {@code or} already admit, so that a term written together with its
     * portable form is not reported: each {@code field OP value} branch, and the {@code source} of
     * each branch that is an AND (such as {@code sourcetype=WinEventLog source="..."}).
     */
    private static Set<String> alternatives(SearchNode.Or or) {
        Set<String> terms = new HashSet<>();
        for (SearchNode child : or.children()) {
            if (child instanceof SearchNode.Compare c) {
                terms.add(key(c.field(), c.op(), c.value()));
            } else if (child instanceof SearchNode.And and) {
                for (SearchNode term : and.children()) {
                    if (term instanceof SearchNode.Compare c && c.field().equals("source")) {
                        terms.add(key("source", c.op(), c.value()));
                    }
                }
            }
        }
        return terms;
    }

    private static String key(String field, CompareOp op, String value) {
        return field + op.symbol() + value.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code node} is {@code EventCode=N} with a Sysmon event ID (1 to 255): Sysmon events
     * carry the same field names in their XML and classic renderings.
     */
    private static boolean isSysmonCode(SearchNode node) {
        if (node instanceof SearchNode.Compare c
                && c.field().equals("EventCode")
                && c.op() == CompareOp.EQ
                && c.value().matches("[0-9]{1,3}")) {
            int code = Integer.parseInt(c.value());
            return code >= 1 && code <= 255;
        }
        return false;
    }

    private void compare(
            SearchNode.Compare compare, boolean inAnd, boolean sysmon, Set<String> alternatives) {
        String field = compare.field();
        if (field.equals("sourcetype")) {
            if (!alternatives.contains(key("source", CompareOp.EQ, compare.value()))) {
                sourcetype(compare);
            }
        } else if (FieldNaming.NEVER_EXTRACTED.contains(field)) {
            findings.add(
                    LintCode.FIELD_NEVER_EXTRACTED,
                    Severity.WARNING,
                    compare.span(),
                    "no Windows format has a field '" + field + "', so this term never matches");
        } else if (!sysmon) {
            naming.classicOf(field)
                    .filter(
                            a ->
                                    !alternatives.contains(
                                            key(a.source(), compare.op(), compare.value())))
                    .ifPresent(alias -> classicField(compare, alias));
        }
    }

    private void sourcetype(SearchNode.Compare compare) {
        List<String> forms = naming.modernForms(compare.value());
        if (compare.op() != CompareOp.EQ || forms.isEmpty()) {
            return;
        }
        String kind = compare.value().substring(0, compare.value().indexOf(':'));
        Severity severity = profile == Profile.TA_WINDOWS_8 ? Severity.ERROR : Severity.WARNING;
        findings.add(
                LintCode.SOURCETYPE_RENAMED,
                severity,
                compare.span(),
                "Splunk_TA_windows 5.0 and later index this data as sourcetype "
                        + kind
                        + " with source=\""
                        + compare.value()
                        + "\", so sourcetype=\""
                        + compare.value()
                        + "\" matches nothing there (profile ta-windows-8)");
        if (compare.value().indexOf('*') < 0) {
            edits.replace(compare.span(), "(" + String.join(" OR ", alternatives(forms)) + ")");
        }
    }

    private List<String> alternatives(List<String> forms) {
        List<String> named = new ArrayList<>();
        List<String> inSource = new ArrayList<>();
        for (String form : forms) {
            named.add("sourcetype=" + LikeRegex.quoted(form));
            String kind = form.substring(0, Math.max(0, form.indexOf(':')));
            if (!kind.isEmpty() && naming.carriesChannelInSource(kind)) {
                inSource.add("(sourcetype=" + kind + " source=" + LikeRegex.quoted(form) + ")");
            }
        }
        named.addAll(inSource);
        return named;
    }

    private void classicField(SearchNode.Compare compare, FieldAliases.Alias alias) {
        findings.add(
                LintCode.CLASSIC_FIELD_NAME,
                Severity.WARNING,
                compare.span(),
                "classic (non-XML) WinEventLog events name this field '"
                        + alias.source()
                        + "', not '"
                        + compare.field()
                        + "'; the term matches nothing in them");
        String written = text.substring(compare.span().start(), compare.span().end());
        int op = operatorAt(written);
        if (op > 0) {
            String classic = alias.source() + written.substring(op);
            edits.replace(compare.span(), "(" + written + " OR " + classic + ")");
        }
    }

    /** The offset of the comparison operator in a written {@code field OP value} term. */
    private static int operatorAt(String written) {
        boolean quoted = written.startsWith("\"") || written.startsWith("'");
        int from = quoted ? written.indexOf(written.charAt(0), 1) + 1 : 0;
        for (int i = Math.max(from, 0); i < written.length(); i++) {
            if ("=!<>".indexOf(written.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
