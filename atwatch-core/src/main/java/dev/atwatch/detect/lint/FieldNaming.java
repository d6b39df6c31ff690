package dev.atwatch.detect.lint;

import dev.atwatch.event.FieldAliases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What lint knows about field names: which XML names have a classic WinEventLog equivalent (from
 * the alias table), which names no reader produces, and which metadata every event has.
 *
 * <p>The alias table lists each group in the order XML name, classic name, Sysmon name. A field is
 * an XML name with a classic equivalent when it has no underscore, an alias of its group has one
 * (the classic text reader turns labels into {@code Label_With_Underscores}), and that classic name
 * is read first from this field, that is the field comes first in the group. So {@code
 * NewProcessName} maps to {@code New_Process_Name}, while Sysmon's {@code Image}, which only Sysmon
 * events carry, is left alone.
 */
final class FieldNaming {

    /**
     * Fields that look like Windows event fields but that no Windows format carries, so no reader
     * produces them: {@code ProcessCommandLine} is neither the XML {@code CommandLine} nor the
     * classic {@code Process_Command_Line}.
     */
    static final Set<String> NEVER_EXTRACTED = Set.of("ProcessCommandLine");

    /** Metadata every event has, so nothing after it in a coalesce is ever reached. */
    static final Set<String> ALWAYS_PRESENT =
            Set.of("host", "source", "sourcetype", "index", "_time", "_raw");

    private final FieldAliases aliases;

    FieldNaming(FieldAliases aliases) {
        this.aliases = aliases;
    }

    /** The classic equivalent of an XML field name, when it has one. */
    Optional<FieldAliases.Alias> classicOf(String field) {
        if (field.indexOf('_') >= 0) {
            return Optional.empty();
        }
        for (FieldAliases.Alias alias : aliases.aliasesOf(field)) {
            if (alias.source().indexOf('_') > 0 && readFirstFrom(alias.source(), field)) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }

    private boolean readFirstFrom(String classic, String field) {
        List<FieldAliases.Alias> back = aliases.aliasesOf(classic);
        return !back.isEmpty() && back.get(0).source().equals(field);
    }

    /**
     * The sourcetype and source pairs that mean the same data as {@code sourcetype} in either
     * add-on naming: itself, its equivalents, and for each of them named {@code Kind:Channel} with
     * a kind that carries the channel in source, the kind with that source. Empty when the
     * sourcetype is not renamed by modern add-ons.
     */
    List<String> modernForms(String sourcetype) {
        int colon = sourcetype.indexOf(':');
        if (colon <= 0 || !aliases.carriesChannelInSource(sourcetype.substring(0, colon))) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(sourcetype);
        names.addAll(aliases.sourcetypeEquivalents(sourcetype));
        return names;
    }

    /**
     * Whether {@code name} names a kind (such as {@code WinEventLog}) with the channel in source.
     */
    boolean carriesChannelInSource(String kind) {
        return aliases.carriesChannelInSource(kind);
    }
}
