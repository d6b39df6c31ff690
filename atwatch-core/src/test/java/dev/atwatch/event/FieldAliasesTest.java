package dev.atwatch.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldAliasesTest {

    @Test
    void bundledTableTriesTheOtherNamesOfAGroupInOrder() {
        List<FieldAliases.Alias> aliases = FieldAliases.bundled().aliasesOf("Image");
        assertThat(aliases)
                .extracting(FieldAliases.Alias::description)
                .containsExactly("Image<-NewProcessName", "Image<-New_Process_Name");
        assertThat(FieldAliases.bundled().aliasesOf("CommandLine"))
                .extracting(FieldAliases.Alias::source)
                .containsExactly("Process_Command_Line");
        assertThat(FieldAliases.bundled().aliasesOf("NoSuchField")).isEmpty();
    }

    @Test
    void accountNameGivesItsFirstValueToSubjectUserName() {
        Event event =
                Event.builder(null).add("Account_Name", "alice").add("Account_Name", "-").build();
        FieldAliases.Alias alias = FieldAliases.bundled().aliasesOf("SubjectUserName").get(0);
        assertThat(alias.read(event)).isEqualTo(new FieldValue.Text("alice"));
        Event single = Event.builder(null).put("SubjectUserName", "bob").build();
        assertThat(FieldAliases.bundled().aliasesOf("Account_Name").get(0).read(single))
                .isEqualTo(new FieldValue.Text("bob"));
    }

    @Test
    void sourcetypeEquivalencesIgnoreCase() {
        FieldAliases aliases = FieldAliases.bundled();
        assertThat(aliases.sourcetypeEquivalents("wineventlog:security"))
                .containsExactly("XmlWinEventLog:Security");
        assertThat(aliases.carriesChannelInSource("XMLWINEVENTLOG")).isTrue();
        assertThat(aliases.carriesChannelInSource("XmlWinEventLog:Security")).isFalse();
    }

    @Test
    void loadsATableFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("aliases.yaml");
        Files.writeString(file, "fields:\n  - names: [a, b, c]\n    firstValue: [c]\n");
        FieldAliases aliases = FieldAliases.load(file);
        assertThat(aliases.aliasesOf("a"))
                .extracting(FieldAliases.Alias::firstValue)
                .containsExactly(false, true);
        assertThat(aliases.sourcetypeEquivalents("x")).isEmpty();
        assertThat(aliases.isEmpty()).isFalse();
        assertThat(FieldAliases.NONE.isEmpty()).isTrue();
    }

    @Test
    void rejectsTablesOfTheWrongShape() {
        assertThatThrownBy(() -> FieldAliases.parse("fields: 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields");
        assertThatThrownBy(() -> FieldAliases.parse("fields:\n  - names: [a, {b: 1}]"))
                .hasMessageContaining("non-name");
        assertThatThrownBy(() -> FieldAliases.parse("[: oops"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> FieldAliases.parse("- a")).hasMessageContaining("mapping");
    }
}
