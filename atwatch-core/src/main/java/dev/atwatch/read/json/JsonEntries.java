package dev.atwatch.read.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaves of one JSON object as (path, value) pairs in document order, read from a streaming
 * parser without building a tree. Paths join keys with dots; an array repeats its path for each
 * element (a multivalue). An evtx_dump {@code #text} key adds nothing to the path and an {@code
 * #attributes} key adds {@value #ATTRIBUTES}, so {@code "EventID":{"#text":4688}} and {@code
 * "EventID":4688} both give {@code EventID}, and an attribute gives {@code Element.@.Name}.
 */
final class JsonEntries {

    /** The path segment that stands for an {@code #attributes} object. */
    static final String ATTRIBUTES = "@";

    private final List<String> paths = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final int maxEntries;

    JsonEntries(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Thrown when an object has more leaves than the fields-per-event limit allows. */
    static final class TooManyException extends Exception {
        TooManyException() {
            super(null, null, false, false);
        }
    }

    void clear() {
        paths.clear();
        values.clear();
    }

    int size() {
        return paths.size();
    }

    String path(int i) {
        return paths.get(i);
    }

    String value(int i) {
        return values.get(i);
    }

    /** The first value at {@code path}, or null. */
    String first(String path) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).equals(path)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Adds a leaf read elsewhere. */
    void add(String path, String value) throws TooManyException {
        if (paths.size() >= maxEntries) {
            throw new TooManyException();
        }
        paths.add(path);
        values.add(value);
    }

    /**
     * Reads the value at the parser's current token (a scalar, an object or an array) under {@code
     * path}; on return the parser is at the value's last token.
     */
    void readValue(JsonParser parser, String path) throws IOException, TooManyException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            readObject(parser, path);
        } else if (token == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                readValue(parser, path);
            }
        } else if (token != JsonToken.VALUE_NULL) {
            add(path, parser.getText());
        }
    }

    /** Reads the members of the object whose START_OBJECT is the current token. */
    void readObject(JsonParser parser, String path) throws IOException, TooManyException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            readValue(parser, child(path, name));
        }
    }

    private static String child(String path, String name) {
        if (name.equals("#text")) {
            return path;
        }
        String segment = name.equals("#attributes") ? ATTRIBUTES : name;
        return path.isEmpty() ? segment : path + "." + segment;
    }
}
