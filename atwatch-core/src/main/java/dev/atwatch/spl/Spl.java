package dev.atwatch.spl;

import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.check.Checker;
import dev.atwatch.spl.parse.ParseResult;
import dev.atwatch.spl.parse.Parser;
import dev.atwatch.spl.parse.Reporter;
import dev.atwatch.spl.parse.SourceText;
import java.util.List;
import java.util.Optional;

/** Entry point: compiles SPL text into a {@link Query}. */
public final class Spl {

    private Spl() {}

    /** Parses and checks {@code text} without macros; never throws on any text. */
    public static CompileResult compile(String text) {
        return compile(text, Macros.NONE);
    }

    /**
     * Expands macros, parses and checks {@code text}; never throws on any text. The query is
     * present only when there are no errors.
     */
    public static CompileResult compile(String text, Macros macros) {
        String query = text == null ? "" : text;
        Macros definitions = macros == null ? Macros.NONE : macros;
        try {
            ParseResult parsed = Parser.parse(query, definitions);
            Reporter reporter = parsed.reporter();
            Checker.check(parsed.pipeline(), reporter);
            Optional<Query> compiled =
                    reporter.hasErrors()
                            ? Optional.empty()
                            : Optional.of(new Query(query, parsed.pipeline()));
            return new CompileResult(compiled, reporter.diagnostics());
        } catch (RuntimeException | StackOverflowError e) {
            // a defect of this engine, reported as a diagnostic so that callers never see a throw
            SourceText source = SourceText.plain(query);
            Diagnostic internal =
                    source.diagnostic(
                            DiagnosticCode.INTERNAL,
                            new Span(0, 1),
                            "internal error while compiling: " + e,
                            null,
                            null);
            return new CompileResult(Optional.empty(), List.of(internal));
        }
    }
}
