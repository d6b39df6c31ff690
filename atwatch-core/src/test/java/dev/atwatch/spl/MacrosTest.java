package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Macros files: {@code name = definition} lines, macros.conf stanzas, and their errors. */
class MacrosTest {

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private static int rows(Macros macros, String query, Object... fields) {
        CompileResult result = Spl.compile(query, macros);
        assertThat(result.errors()).isEmpty();
        return Runs.run(result.query().orElseThrow(), ExecutionOptions.splunk(), Runs.event(fields))
                .rows()
                .size();
    }

    @Test
    void nameEqualsDefinitionLinesDefineMacros() {
        Macros macros =
                Macros.parse(
                        lines(
                                "# site macros",
                                "windows = index=wineventlog",
                                "proc(name) = (Image=\"*\\\\$name$\""
                                        + " OR NewProcessName=\"*\\\\$name$\")",
                                "",
                                "at_exec = `windows` `proc(at.exe)`"));

        assertThat(macros.size()).isEqualTo(3);
        assertThat(macros.find("proc", 1).orElseThrow().args()).containsExactly("name");
        String query = "`at_exec` | table Image";
        assertThat(rows(macros, query, "index", "wineventlog", "Image", "C:\\at.exe")).isEqualTo(1);
        assertThat(rows(macros, query, "index", "wineventlog", "Image", "C:\\cat.exe")).isZero();
    }

    @Test
    void aDefinitionKeepsEverythingAfterTheFirstEqualsSign() {
        Macros macros = Macros.parse("code = EventCode=4688 OR EventCode=1");
        assertThat(macros.find("code", 0).orElseThrow().definition())
                .isEqualTo("EventCode=4688 OR EventCode=1");
    }

    @Test
    void linesAndStanzasMixInOneFile() {
        Macros macros =
                Macros.parse(
                        lines(
                                "windows = index=wineventlog",
                                "[proc(1)]",
                                "args = name",
                                "description = an image by its file name",
                                "definition = Image=\"*\\\\$name$\"",
                                "[both]",
                                "definition = `windows` \\",
                                "  `proc(at.exe)`"));

        assertThat(macros.size()).isEqualTo(3);
        assertThat(rows(macros, "`both`", "index", "wineventlog", "Image", "C:\\AT.exe"))
                .isEqualTo(1);
    }

    @Test
    void aStanzaWithoutADefinitionDefinesNothing() {
        assertThat(Macros.parse(lines("[default]", "description = none")).size()).isZero();
    }

    /** Bad lines, each with the start of the error it gives. */
    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of(
                        "a = x\\nnot a definition",
                        "line 2: not a macro definition: 'not a definition'; expected name ="
                                + " definition"),
                Arguments.of("a b = x", "line 1: 'a b' is not a macro name"),
                Arguments.of("= x", "line 1: '' is not a macro name"),
                Arguments.of("a =", "line 1: macro a has an empty definition"),
                Arguments.of(
                        "a = x\\n# c\\nA = y",
                        "line 3: macro A with 0 argument(s) is already defined on line 1"),
                Arguments.of("p(x, 2 y) = $x$", "line 1: '2 y' is not an argument name"),
                Arguments.of(
                        "definition = x",
                        "line 1: 'definition' is a stanza setting; put it under a [name] line"),
                Arguments.of(
                        "[a]\\ndefinition = x\\nnot a setting",
                        "line 3: not a setting of stanza [a]: 'not a setting'; expected key ="
                                + " value"),
                Arguments.of(
                        "[a]\\ndefiniton = x",
                        "line 2: 'definiton' is not a setting of stanza [a]; expected one of"
                                + " definition, args"),
                Arguments.of(
                        "[a]\\ndefinition = x\\nb = y",
                        "line 3: 'b' is not a setting of stanza [a]; expected one of"),
                Arguments.of("[a\\ndefinition = x", "line 1: stanza header '[a' does not end in ]"),
                Arguments.of("[a b]\\ndefinition = x", "line 1: [a b] does not name a macro"),
                Arguments.of(
                        "[p(2)]\\nargs = x\\ndefinition = $x$",
                        "line 1: macro [p(2)] declares 2 argument(s) but args names 1"),
                Arguments.of(
                        "[p(n)]\\ndefinition = x",
                        "line 1: [p(n)]: the argument count is not a whole number"),
                Arguments.of(
                        "[e]\\niseval = 1\\ndefinition = \"x\"",
                        "line 2: stanza [e] is an eval-based macro (iseval = 1), which atwatch"
                                + " does not expand"),
                Arguments.of("a = x \\\\\\ny\\nz", "line 3: not a macro definition: 'z'"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void aBadLineIsRejectedWithItsNumber(String text, String message) {
        String file = text.strip().replace("\\n", "\n").replace("\\\\", "\\");

        assertThatThrownBy(() -> Macros.parse(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
