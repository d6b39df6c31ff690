package dev.atwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.spl.Macros;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {

    @Test
    void bundledReferenceRuleIsTheSeedQueryVerbatim() throws Exception {
        Path seed =
                Path.of(System.getProperty("atwatch.shared", "../shared"), "spl", "seed-query.spl");
        assumeTrue(Files.isReadable(seed), "the shared seed query is absent: " + seed);

        Rule reference = RulePack.bundled().rule("t1053-002-reference");

        assertThat(reference.search())
                .isEqualTo(Files.readString(seed, StandardCharsets.UTF_8).strip());
    }

    @Test
    void bundledPackCarriesTheAliasTablePortableSemanticsUses() throws Exception {
        Path source = Path.of("..", "rules", RulePack.ALIASES);
        assumeTrue(Files.isReadable(source), "not run from the source tree: " + source);

        String text = RulePack.bundled().aliasesText();

        assertThat(text).isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
        assertThat(FieldAliases.parse(text).aliasesOf("Image"))
                .isEqualTo(FieldAliases.bundled().aliasesOf("Image"))
                .extracting(FieldAliases.Alias::source)
                .containsExactly("NewProcessName", "New_Process_Name");
        assertThat(RulePack.bundled().rules())
                .extracting(Rule::origin)
                .noneMatch(origin -> origin.endsWith(RulePack.ALIASES));
    }

    @Test
    void everyBundledRuleCompilesWithoutErrors() throws Exception {
        List<CompiledRule> compiled = Detector.compile(RulePack.bundled().rules(), Macros.NONE);

        assertThat(compiled).isNotEmpty();
        assertThat(compiled)
                .allSatisfy(
                        rule ->
                                assertThat(rule.ok())
                                        .as(rule.rule().origin() + ": " + rule.diagnostics())
                                        .isTrue());
    }

    @Test
    void missingSearchIsNamedWithTheFile() {
        assertThatThrownBy(() -> RulePack.parse("id: x\nname: y\n", "pack/x.yaml"))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("pack/x.yaml")
                .hasMessageContaining("'search'");
    }

    @Test
    void badYamlGivesLineAndColumn() {
        assertThatThrownBy(() -> RulePack.parse("id: x\nsearch: [unclosed\n", "r.yaml"))
                .isInstanceOf(RulePackException.class)
                .hasMessageMatching("(?s)r\\.yaml:\\d+:\\d+: not valid YAML.*");
    }

    @Test
    void unknownSeverityIsRejected() {
        assertThatThrownBy(() -> RulePack.parse("id: x\nsearch: a\nseverity: dire\n", "r.yaml"))
                .hasMessageContaining("dire");
    }

    @Test
    void directoryPackLoadsRulesSortedAndTheAliasFileApart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "id: b\nsearch: EventCode=2\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(
                dir.resolve("sub/a.yml"),
                "id: a\nsearch: EventCode=1\ntests:\n  - {data: x.xml, expect: 2}\n");
        Files.writeString(dir.resolve(RulePack.ALIASES), "fields: {}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a rule");

        RulePack pack = RulePack.load(dir);

        assertThat(pack.rules()).extracting(Rule::id).containsExactly("b", "a");
        assertThat(pack.rule("a").tests()).containsExactly(new Rule.RuleTest("x.xml", 2));
        assertThat(pack.aliasesText()).contains("fields");
    }

    @Test
    void duplicateIdsAreRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "id: same\nsearch: a\n");
        Files.writeString(dir.resolve("b.yaml"), "id: same\nsearch: b\n");

        assertThatThrownBy(() -> RulePack.load(dir)).hasMessageContaining("'same' is used twice");
    }
}
