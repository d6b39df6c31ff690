package dev.atwatch.spl.parse;

import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces {@code `macro`} and {@code `macro(args)`} calls outside quoted strings by their
 * definitions, recursively, keeping for each output character the offset of the text it came from
 * (a macro's whole expansion points at its call).
 */
final class MacroExpander {

    /** Deepest chain of macros calling macros. */
    static final int MAX_DEPTH = 20;

    /** Longest expanded text, against macros that multiply each other. */
    static final int MAX_CHARS = 1 << 20;

    private final Macros macros;
    private final SourceText plain;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int[] origin = new int[64];

    private MacroExpander(String text, Macros macros) {
        this.macros = macros;
        this.plain = SourceText.plain(text);
    }

    /** Expands {@code text}; problems are reported as diagnostics of the written text. */
    static Expansion expand(String text, Macros macros) {
        MacroExpander expander = new MacroExpander(text, macros);
        if (text.indexOf('`') < 0) {
            return new Expansion(SourceText.plain(text), List.of());
        }
        expander.expandInto(text, -1, 0);
        expander.mark(text.length());
        int[] map = java.util.Arrays.copyOf(expander.origin, expander.out.length() + 1);
        return new Expansion(new SourceText(text, expander.out.toString(), map), expander.problems);
    }

    record Expansion(SourceText source, List<Diagnostic> problems) {}

    /**
     * Appends {@code text}; {@code callSite} is -1 for the written text (identity offsets) or the
     * offset of the call whose definition this is.
     */
    private void expandInto(String text, int callSite, int depth) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                append(c, callSite, i);
                append(text.charAt(++i), callSite, i);
            } else if (c == '"') {
                quoted = !quoted;
                append(c, callSite, i);
            } else if (c == '`' && !quoted) {
                i = call(text, i, callSite, depth);
            } else {
                append(c, callSite, i);
            }
        }
    }

    /** Expands the call starting at backtick {@code open}; returns the offset of its end. */
    private int call(String text, int open, int callSite, int depth) {
        int close = text.indexOf('`', open + 1);
        int site = callSite >= 0 ? callSite : open;
        if (close < 0) {
            report(
                    DiagnosticCode.UNCLOSED_QUOTE,
                    site,
                    text.length() - open,
                    "macro call has no closing backtick",
                    "'`'",
                    "end of query");
            return text.length();
        }
        String call = text.substring(open + 1, close).strip();
        int width = callSite >= 0 ? 1 : close + 1 - open;
        String name = call;
        List<String> args = List.of();
        int paren = call.indexOf('(');
        if (paren > 0 && call.endsWith(")")) {
            name = call.substring(0, paren).strip();
            args = splitArgs(call.substring(paren + 1, call.length() - 1));
        }
        Optional<Macros.Macro> macro = macros.find(name, args.size());
        if (macro.isEmpty()) {
            String why =
                    macros.size() == 0
                            ? "no macros file was given"
                            : "the macros file does not define it with "
                                    + args.size()
                                    + " argument(s)";
            report(
                    DiagnosticCode.UNDEFINED_MACRO,
                    site,
                    width,
                    "undefined macro '" + name + "': " + why,
                    null,
                    "'`" + call + "`'");
        } else if (depth >= MAX_DEPTH || out.length() > MAX_CHARS) {
            report(
                    DiagnosticCode.MACRO_RECURSION,
                    site,
                    width,
                    "macros nest deeper than "
                            + MAX_DEPTH
                            + " levels or expand past "
                            + MAX_CHARS
                            + " characters (a macro calling itself?)",
                    null,
                    "'`" + call + "`'");
        } else {
            expandInto(substitute(macro.get(), args), site, depth + 1);
        }
        return close;
    }

    private static String substitute(Macros.Macro macro, List<String> values) {
        String body = macro.definition();
        for (int i = 0; i < values.size(); i++) {
            body = body.replace("$" + macro.args().get(i) + "$", values.get(i));
        }
        return body;
    }

    /** Splits macro arguments at top-level commas, outside quotes and parentheses. */
    private static List<String> splitArgs(String text) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                args.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!text.isBlank() || !args.isEmpty()) {
            args.add(text.substring(start).strip());
        }
        return args;
    }

    private void report(
            DiagnosticCode code, int at, int width, String message, String expected, String found) {
        problems.add(
                plain.diagnostic(
                        code, new Span(at, at + Math.max(1, width)), message, expected, found));
    }

    private void append(char c, int callSite, int offset) {
        mark(callSite >= 0 ? callSite : offset);
        out.append(c);
    }

    private void mark(int originOffset) {
        if (out.length() >= origin.length) {
            origin = java.util.Arrays.copyOf(origin, origin.length * 2);
        }
        origin[out.length()] = originOffset;
    }
}
