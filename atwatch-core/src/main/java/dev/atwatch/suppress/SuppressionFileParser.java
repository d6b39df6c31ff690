package dev.atwatch.suppress;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suppression file token by token, so that every problem carries the line and column of the
 * key or entry at fault. Unknown keys are errors, not ignored: a misspelt criterion would otherwise
 * widen an entry to every alert.
 */
final class SuppressionFileParser {

    /** Most entries one file may hold. */
    static final int MAX_ENTRIES = 10_000;

    /** Longest pattern, owner or reason, in characters. */
    static final int MAX_VALUE_CHARS = 4_096;

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final String ROOT_KEY = "suppressions";

    private final String source;
    private final List<Suppression> entries = new ArrayList<>();
    private final List<SuppressionFileException.Problem> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private int entriesRead;

    private SuppressionFileParser(String source) {
        this.source = source;
    }

    /** Parses the whole file, or throws with every problem found. */
    static List<Suppression> parse(Reader reader, String source) throws SuppressionFileException {
        SuppressionFileParser parser = new SuppressionFileParser(source);
        try (JsonParser yaml = YAML.createParser(reader)) {
            parser.readDocument(yaml);
        } catch (JsonProcessingException e) {
            parser.problem(e.getLocation(), yamlError(e.getOriginalMessage()));
        } catch (IOException e) {
            parser.problem(null, "cannot read: " + e.getMessage());
        }
        if (!parser.problems.isEmpty()) {
            throw new SuppressionFileException(parser.problems);
        }
        return List.copyOf(parser.entries);
    }

    /** The YAML library's message on one line, with a hint for the usual mistake. */
    private static String yamlError(String message) {
        String text = message == null ? "" : message.strip().replaceAll("\\s*\\n\\s*", " ");
        if (text.length() > 300) {
            text = text.substring(0, 300) + "...";
        }
        String hint = text.contains("alias") ? " (quote a pattern that starts with '*')" : "";
        return "not valid YAML: " + text + hint;
    }

    private void readDocument(JsonParser yaml) throws IOException {
        JsonToken token = yaml.nextToken();
        if (token == null) {
            return;
        }
        if (token == JsonToken.START_ARRAY) {
            readEntries(yaml);
        } else if (token == JsonToken.START_OBJECT) {
            readRoot(yaml);
        } else {
            problem(yaml.currentTokenLocation(), "expected a '" + ROOT_KEY + "' list of entries");
        }
    }

    private void readRoot(JsonParser yaml) throws IOException {
        while (yaml.nextToken() == JsonToken.FIELD_NAME) {
            String key = yaml.currentName();
            JsonLocation where = yaml.currentTokenLocation();
            JsonToken value = yaml.nextToken();
            if (ROOT_KEY.equals(key) && value == JsonToken.START_ARRAY) {
                readEntries(yaml);
            } else if (ROOT_KEY.equals(key)) {
                problem(where, "'" + ROOT_KEY + "' must be a list of entries");
                yaml.skipChildren();
            } else {
                problem(where, "unknown key '" + key + "'; expected '" + ROOT_KEY + "'");
                yaml.skipChildren();
            }
        }
    }

    private void readEntries(JsonParser yaml) throws IOException {
        JsonToken token;
        while ((token = yaml.nextToken()) != JsonToken.END_ARRAY && token != null) {
            JsonLocation where = yaml.currentTokenLocation();
            if (++entriesRead > MAX_ENTRIES) {
                problem(where, "more than " + MAX_ENTRIES + " entries in one file");
                return;
            }
            if (token == JsonToken.START_OBJECT) {
                readEntry(yaml, where);
            } else {
                problem(where, "an entry must be a mapping of keys to values");
                yaml.skipChildren();
            }
        }
    }

    private void readEntry(JsonParser yaml, JsonLocation where) throws IOException {
        EntryDraft draft = new EntryDraft();
        while (yaml.nextToken() == JsonToken.FIELD_NAME) {
            String key = yaml.currentName();
            JsonLocation keyWhere = yaml.currentTokenLocation();
            yaml.nextToken();
            if (!draft.keys.add(key)) {
                problem(keyWhere, "key '" + key + "' given twice");
                yaml.skipChildren();
                continue;
            }
            readEntryValue(yaml, key, keyWhere, draft);
        }
        finish(draft, where);
    }

    private void readEntryValue(JsonParser yaml, String key, JsonLocation where, EntryDraft draft)
            throws IOException {
        AlertField field = AlertField.byKey(key);
        if (field != null) {
            List<ValuePattern> patterns = readPatterns(yaml, key, where);
            if (!patterns.isEmpty()) {
                draft.criteria.put(field, patterns);
            }
            return;
        }
        String text = readScalar(yaml, key, where);
        switch (key) {
            case "id" -> draft.id = text;
            case "owner" -> draft.owner = text;
            case "reason" -> draft.reason = text;
            case "expires" -> draft.expires = readDate(text, where);
            default ->
                    problem(
                            where,
                            "unknown key '"
                                    + key
                                    + "'; expected id, host, user, parent, command, rule,"
                                    + " owner, reason or expires");
        }
    }

    private List<ValuePattern> readPatterns(JsonParser yaml, String key, JsonLocation where)
            throws IOException {
        List<ValuePattern> patterns = new ArrayList<>();
        if (yaml.currentToken() != JsonToken.START_ARRAY) {
            addPattern(patterns, readScalar(yaml, key, where), where);
            return patterns;
        }
        while (yaml.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation itemWhere = yaml.currentTokenLocation();
            addPattern(patterns, readScalar(yaml, key, itemWhere), itemWhere);
        }
        if (patterns.isEmpty()) {
            problem(where, "'" + key + "' is an empty list; give at least one pattern");
        }
        return patterns;
    }

    private void addPattern(List<ValuePattern> patterns, String text, JsonLocation where) {
        if (text == null) {
            return;
        }
        try {
            patterns.add(ValuePattern.parse(text));
        } catch (IllegalArgumentException e) {
            problem(where, e.getMessage());
        }
    }

    /** The scalar under {@code key} as text, or {@code null} after reporting a non-scalar. */
    private String readScalar(JsonParser yaml, String key, JsonLocation where) throws IOException {
        JsonToken token = yaml.currentToken();
        if (token.isStructStart() || token == JsonToken.VALUE_NULL) {
            problem(where, "'" + key + "' must be a single text value");
            yaml.skipChildren();
            return null;
        }
        if (yaml instanceof YAMLParser parser && parser.isCurrentAlias()) {
            // An unquoted glob such as *\at.exe reads as a YAML alias; say so rather than guess.
            problem(
                    where,
                    "'"
                            + key
                            + "' is a YAML alias; quote a pattern that starts with '*', and"
                            + " write values out instead of using aliases");
            return null;
        }
        String text = yaml.getText().strip();
        if (text.length() > MAX_VALUE_CHARS) {
            problem(where, "'" + key + "' is longer than " + MAX_VALUE_CHARS + " characters");
            return null;
        }
        return text;
    }

    private LocalDate readDate(String text, JsonLocation where) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(where, "'expires' must be an ISO date such as 2027-01-31, not '" + text + "'");
            return null;
        }
    }

    private void finish(EntryDraft draft, JsonLocation where) {
        String name = draft.id == null ? "entry" : "entry '" + draft.id + "'";
        int before = problems.size();
        require(draft.id, "id", name, where);
        require(draft.owner, "owner", name, where);
        require(draft.reason, "reason", name, where);
        if (draft.criteria.isEmpty()
                && draft.keys.stream().noneMatch(SuppressionFileParser::isCriterion)) {
            problem(
                    where,
                    name
                            + " has no criteria; give at least one of host, user, parent, command,"
                            + " rule (an entry without criteria would suppress every alert)");
        }
        if (draft.id != null && !ids.add(draft.id)) {
            problem(where, "id '" + draft.id + "' is used by an earlier entry");
        }
        if (problems.size() == before && !draft.criteria.isEmpty()) {
            entries.add(draft.build(where));
        }
    }

    private static boolean isCriterion(String key) {
        return AlertField.byKey(key) != null;
    }

    private void require(String value, String key, String name, JsonLocation where) {
        if (value == null || value.isEmpty()) {
            problem(where, name + " lacks the required '" + key + "'");
        }
    }

    private void problem(JsonLocation where, String message) {
        int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
        int column = where == null ? 0 : Math.max(where.getColumnNr(), 0);
        problems.add(new SuppressionFileException.Problem(source, line, column, message));
    }

    /** The keys of one entry as read so far. */
    private static final class EntryDraft {
        final Set<String> keys = new HashSet<>();
        final Map<AlertField, List<ValuePattern>> criteria = new EnumMap<>(AlertField.class);
        String id;
        String owner;
        String reason;
        LocalDate expires;

        Suppression build(JsonLocation where) {
            return new Suppression(
                    id, criteria, owner, reason, expires, where.getLineNr(), where.getColumnNr());
        }
    }
}
