package dev.atwatch.flink;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds the host a log record is about, by reading it as atwatch reads any input: the {@code host}
 * field of its first event ({@code node=} of an audit record, the host of a syslog line, {@code
 * Computer} of a Windows event). A record that names no host, or cannot be read, has the empty
 * host: such records are searched together.
 */
final class RecordHosts {

    private final Readers readers = Readers.standard();

    String hostOf(String text) {
        String[] host = {""};
        RecordSink first =
                new RecordSink() {
                    @Override
                    public void event(Event event) {
                        if (host[0].isEmpty()) {
                            FieldValue value = event.get(Event.HOST);
                            host[0] = value == null ? "" : value.asString();
                        }
                    }

                    @Override
                    public void rejected(Rejected rejected) {}
                };
        try {
            readers.read(
                    new TextInput("record", text.getBytes(StandardCharsets.UTF_8)),
                    ReadOptions.DEFAULTS,
                    first);
        } catch (IOException e) {
            return ""; // text in memory: not expected
        }
        return host[0];
    }
}
