package dev.atwatch.detect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A set of rules loaded from YAML files: one rule per file, files found recursively under a
 * directory (sorted by path), or a single file. The bundled pack ships inside the jar under {@value
 * #BUNDLED}. A file named {@value #ALIASES} beside the rules holds the pack's field aliases for
 * portable mode and is not a rule.
 */
public final class RulePack {

    /** Classpath folder of the bundled rule pack. */
    public static final String BUNDLED = "dev/atwatch/rules";

    /** File name of a pack's alias table. */
    public static final String ALIASES = "aliases.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SEVERITIES =
            Set.of("informational", "low", "medium", "high", "critical");

    private final List<Rule> rules;
    private final String aliasesText;
    private final String origin;

    private RulePack(List<Rule> rules, String aliasesText, String origin) {
        this.rules = List.copyOf(rules);
        this.aliasesText = aliasesText;
        this.origin = origin;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The text of the pack's alias table, or {@code null} when the pack has none. */
    public String aliasesText() {
        return aliasesText;
    }

    /** Where the pack came from: a path, or {@code bundled}. */
    public String origin() {
        return origin;
    }

    /** The rule with {@code id}, or {@code null}. */
    public Rule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** Loads the pack shipped with atwatch; threads may do so at once (Flink's subtasks do). */
    public static RulePack bundled() throws RulePackException {
        URL url = RulePack.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new RulePackException("the bundled rule pack is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // one jar file system may be open at a time: threads loading at once take turns
                synchronized (RulePack.class) {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        return load(jar.getPath(BUNDLED), "bundled");
                    }
                }
            }
            return load(Path.of(uri), "bundled");
        } catch (URISyntaxException | IOException e) {
            throw new RulePackException("cannot open the bundled rule pack: " + e.getMessage(), e);
        }
    }

    /** Loads the rules of a directory (recursively) or of one YAML file. */
    public static RulePack load(Path path) throws RulePackException {
        return load(path, path.toString());
    }

    private static RulePack load(Path path, String origin) throws RulePackException {
        if (!Files.exists(path)) {
            throw new RulePackException("rule pack not found: " + origin);
        }
        List<Path> files = ruleFiles(path);
        List<Rule> rules = new ArrayList<>();
        for (Path file : files) {
            rules.add(parseFile(file, displayName(path, file, origin)));
        }
        checkUniqueIds(rules);
        Path aliases = Files.isDirectory(path) ? path.resolve(ALIASES) : null;
        String aliasesText = aliases != null && Files.isRegularFile(aliases) ? read(aliases) : null;
        return new RulePack(rules, aliasesText, origin);
    }

    private static List<Path> ruleFiles(Path path) throws RulePackException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(RulePack::isRuleFile)
                    .sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new RulePackException("cannot list rules in " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(ALIASES);
    }

    private static String displayName(Path root, Path file, String origin) {
        if (!Files.isDirectory(root)) {
            return origin;
        }
        return origin + "/" + root.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path file) throws RulePackException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulePackException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one rule document; {@code name} is used in error messages. */
    public static Rule parse(String yaml, String name) throws RulePackException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new RulePackException(
                    name + where + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RulePackException(name + ": a rule must be a YAML mapping");
        }
        return toRule(root, name);
    }

    private static Rule parseFile(Path file, String name) throws RulePackException {
        return parse(read(file), name);
    }

    private static Rule toRule(JsonNode node, String name) throws RulePackException {
        String id = required(node, "id", name);
        String search = required(node, "search", name);
        String severity = text(node, "severity", "medium").toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(severity)) {
            throw new RulePackException(
                    name + ": severity '" + severity + "' is not one of " + SEVERITIES);
        }
        return new Rule(
                id,
                text(node, "name", id),
                text(node, "description", ""),
                list(node, "mitre_attack_id"),
                severity,
                list(node, "data_source"),
                search.strip(),
                text(node, "known_false_positives", ""),
                text(node, "how_to_implement", ""),
                tests(node, name),
                name);
    }

    private static String required(JsonNode node, String key, String name)
            throws RulePackException {
        JsonNode value = node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new RulePackException(name + ": required key '" + key + "' is missing");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asText().strip();
    }

    private static List<String> list(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value.asText());
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return Collections.unmodifiableList(items);
    }

    private static List<Rule.RuleTest> tests(JsonNode node, String name) throws RulePackException {
        JsonNode value = node.get("tests");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new RulePackException(name + ": 'tests' must be a list of {data, expect}");
        }
        List<Rule.RuleTest> tests = new ArrayList<>();
        for (JsonNode test : value) {
            JsonNode data = test.get("data");
            JsonNode expect = test.get("expect");
            if (data == null || expect == null || !expect.canConvertToInt()) {
                throw new RulePackException(
                        name + ": each test needs 'data' (a path) and 'expect' (a row count)");
            }
            tests.add(new Rule.RuleTest(data.asText(), expect.asInt()));
        }
        return List.copyOf(tests);
    }

    private static void checkUniqueIds(List<Rule> rules) throws RulePackException {
        Set<String> seen = new HashSet<>();
        for (Rule rule : rules) {
            if (!seen.add(rule.id())) {
                throw new RulePackException(
                        "rule id '" + rule.id() + "' is used twice (" + rule.origin() + ")");
            }
        }
    }
}
