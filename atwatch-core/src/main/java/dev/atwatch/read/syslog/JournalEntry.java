package dev.atwatch.read.syslog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code journalctl -o json}: a flat JSON object whose values are strings, numbers,
 * {@code null}, or (for a value that is not valid UTF-8) an array of byte values.
 */
final class JournalEntry {

    private static final JsonFactory JSON = new JsonFactory();

    private JournalEntry() {}

    /**
     * The fields of {@code line}, in order, byte arrays decoded as UTF-8.
     *
     * @throws IOException when the line is not such an object
     */
    static Map<String, String> parse(String line, int maxFields) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            for (JsonToken token = parser.nextToken();
                    token == JsonToken.FIELD_NAME;
                    token = parser.nextToken()) {
                String name = parser.currentName();
                String value = value(parser, parser.nextToken());
                if (value != null && fields.size() < maxFields) {
                    fields.put(name, value);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("unexpected " + parser.currentToken());
            }
        }
        return fields;
    }

    private static String value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the object is cut short");
        }
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                    parser.getText();
            case VALUE_NULL -> null;
            case START_ARRAY -> bytes(parser);
            default -> throw new IOException("unexpected " + token + " in a journal entry");
        };
    }

    private static String bytes(JsonParser parser) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonToken token = parser.nextToken();
                token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new IOException("a journal byte array holds " + token);
            }
            out.write(parser.getIntValue());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
