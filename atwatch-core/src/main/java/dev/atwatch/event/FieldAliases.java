package dev.atwatch.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field and sourcetype aliases of portable semantics: which other field names carry the value
 * of a field an event lacks, and which sourcetype names mean the same data.
 *
 * <p>The table is data: the bundled rule pack's {@code aliases.yaml} ({@code rules/aliases.yaml} in
 * the source tree, on the classpath with the pack) or a file of the same shape. Instances are
 * immutable and thread-safe.
 */
public final class FieldAliases {

    /** No aliases at all: what Splunk semantics uses. */
    public static final FieldAliases NONE = new FieldAliases(Map.of(), Map.of(), Set.of());

    /** The bundled rule pack's alias table, on the classpath beside its rules. */
    private static final String BUNDLED = "/dev/atwatch/rules/aliases.yaml";

    private final Map<String, List<Alias>> byField;
    private final Map<String, List<String>> sourcetypeGroups;
    private final Set<String> channelInSource;

    private FieldAliases(
            Map<String, List<Alias>> byField,
            Map<String, List<String>> sourcetypeGroups,
            Set<String> channelInSource) {
        this.byField = byField;
        this.sourcetypeGroups = sourcetypeGroups;
        this.channelInSource = channelInSource;
    }

    /**
     * One way to read {@code field} when an event lacks it: from {@code source}, whole or (when
     * {@code firstValue}) its first value only.
     */
    public record Alias(String field, String source, boolean firstValue) {

        /** How summaries name the alias: {@code field<-source}. */
        public String description() {
            return field + "<-" + source;
        }

        /** The value this alias gives for {@code fields}, or {@code null} when source is absent. */
        public FieldValue read(Fields fields) {
            FieldValue value = fields.get(source);
            if (value instanceof FieldValue.MultiValue multi && firstValue) {
                return new FieldValue.Text(multi.values().get(0));
            }
            return value;
        }
    }

    /** The bundled alias table (read once). */
    public static FieldAliases bundled() {
        return Bundled.TABLE;
    }

    /** Holds the bundled table, read on first use. */
    private static final class Bundled {
        static final FieldAliases TABLE = readBundled();
    }

    private static FieldAliases readBundled() {
        try (InputStream in = FieldAliases.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled alias table missing: " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads an alias table from a YAML file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid alias table
     */
    public static FieldAliases load(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    /**
     * Parses an alias table.
     *
     * @throws IllegalArgumentException when the text is not YAML of the expected shape
     */
    public static FieldAliases parse(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("alias table is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("alias table must be a mapping");
        }
        Map<String, List<Alias>> byField = fieldAliases(root.path("fields"));
        JsonNode sourcetypes = root.path("sourcetypes");
        return new FieldAliases(
                byField,
                sourcetypeGroups(sourcetypes.path("groups")),
                lowerSet(strings(sourcetypes.path("channelInSource"), "channelInSource")));
    }

    /** The aliases of {@code field}, in the order they are tried; empty when it has none. */
    public List<Alias> aliasesOf(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Whether this table has no field and no sourcetype alias. */
    public boolean isEmpty() {
        return byField.isEmpty() && sourcetypeGroups.isEmpty() && channelInSource.isEmpty();
    }

    /**
     * The other sourcetype names that mean the same data as {@code sourcetype} (compared ignoring
     * case); empty when it has none.
     */
    public List<String> sourcetypeEquivalents(String sourcetype) {
        return sourcetypeGroups.getOrDefault(sourcetype.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Whether events of {@code sourcetype} carry their channel in {@code source} (as {@code
     * WinEventLog} does in Splunk_TA_windows 5.0 and later), ignoring case.
     */
    public boolean carriesChannelInSource(String sourcetype) {
        return channelInSource.contains(sourcetype.toLowerCase(Locale.ROOT));
    }

    private static Map<String, List<Alias>> fieldAliases(JsonNode groups) {
        Map<String, List<Alias>> byField = new HashMap<>();
        if (groups.isMissingNode()) {
            return byField;
        }
        if (!groups.isArray()) {
            throw new IllegalArgumentException("'fields' must be a list of groups");
        }
        for (JsonNode group : groups) {
            List<String> names = strings(group.path("names"), "names");
            Set<String> first = new HashSet<>(strings(group.path("firstValue"), "firstValue"));
            for (String field : names) {
                List<Alias> aliases = new ArrayList<>();
                for (String source : names) {
                    if (!source.equals(field)) {
                        aliases.add(new Alias(field, source, first.contains(source)));
                    }
                }
                byField.merge(field, List.copyOf(aliases), FieldAliases::concat);
            }
        }
        return Map.copyOf(byField);
    }

    private static Map<String, List<String>> sourcetypeGroups(JsonNode groups) {
        Map<String, List<String>> result = new HashMap<>();
        if (groups.isMissingNode()) {
            return result;
        }
        if (!groups.isArray()) {
            throw new IllegalArgumentException("'sourcetypes.groups' must be a list of lists");
        }
        for (JsonNode group : groups) {
            List<String> names = strings(group, "sourcetype group");
            for (String name : names) {
                List<String> others = new ArrayList<>(names);
                others.remove(name);
                result.merge(
                        name.toLowerCase(Locale.ROOT), List.copyOf(others), FieldAliases::concat);
            }
        }
        return Map.copyOf(result);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> strings(JsonNode node, String what) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + what + "' must be a list of names");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw new IllegalArgumentException("'" + what + "' holds a non-name: " + item);
            }
            values.add(item.asText());
        }
        return values;
    }

    private static Set<String> lowerSet(List<String> names) {
        Set<String> set = new HashSet<>();
        for (String name : names) {
            set.add(name.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(set);
    }
}
