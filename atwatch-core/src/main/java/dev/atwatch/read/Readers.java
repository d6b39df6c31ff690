package dev.atwatch.read;

import dev.atwatch.read.auditd.AuditdReader;
import dev.atwatch.read.evtx.EvtxLimits;
import dev.atwatch.read.evtx.EvtxReader;
import dev.atwatch.read.json.JsonEventReader;
import dev.atwatch.read.syslog.SyslogReader;
import dev.atwatch.read.winclassic.WinClassicReader;
import dev.atwatch.read.winxml.WinXmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a reader for an input by its content, never by its file name: the first reader, in order,
 * whose {@link EventReader#recognizes} accepts the input's first {@value #HEAD_BYTES} bytes (after
 * gzip decompression). Put the most specific formats first. When none does, the reader whose first
 * record ({@link EventReader#firstRecord}) starts earliest in those bytes reads the input, and
 * reports what stands before that record as rejected.
 */
public final class Readers {

    /** How many leading bytes of an input sniffing looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private final List<EventReader> readers;

    /** Readers tried in the order given. */
    public Readers(List<EventReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** The Windows text readers, in the order they are tried: event XML, JSON, classic text. */
    public static List<EventReader> windows() {
        return List.of(new WinXmlReader(), new JsonEventReader(), new WinClassicReader());
    }

    /**
     * Every reader atwatch has, most specific first: EVTX (binary magic), event XML, Windows JSON
     * exports, audit logs, classic WinEventLog text, then syslog and journal JSON.
     */
    public static List<EventReader> all() {
        return all(EvtxLimits.DEFAULTS);
    }

    /** Every reader, as {@link #all()}, the EVTX reader applying {@code evtx}. */
    public static List<EventReader> all(EvtxLimits evtx) {
        return List.of(
                new EvtxReader(evtx),
                new WinXmlReader(),
                new JsonEventReader(),
                new AuditdReader(),
                new WinClassicReader(),
                new SyslogReader());
    }

    /** Readers over {@link #all()}: what the command line sniffs inputs with. */
    public static Readers standard() {
        return new Readers(all());
    }

    /** Readers over {@link #all(EvtxLimits)}. */
    public static Readers standard(EvtxLimits evtx) {
        return new Readers(all(evtx));
    }

    /** The readers in the order they are tried. */
    public List<EventReader> readers() {
        return readers;
    }

    /** What sniffing found; {@link #input()} is the input to read from its start. */
    public sealed interface Sniff {

        /**
         * The input to pass to the reader. For an input that can be opened only once (standard
         * input) it replays the bytes sniffing consumed.
         */
        Input input();

        /** The recognising reader, or empty for an unknown format or an empty input. */
        default Optional<EventReader> reader() {
            return this instanceof Recognized recognized
                    ? Optional.of(recognized.format())
                    : Optional.empty();
        }

        /** {@code format} recognised the input. */
        record Recognized(Input input, EventReader format) implements Sniff {}

        /** No reader recognised the input ("unknown format"). */
        record Unknown(Input input) implements Sniff {}

        /** The input holds no bytes at all ("empty input"). */
        record Empty(Input input) implements Sniff {}
    }

    /**
     * Reads the head of {@code input} and returns the reader that recognises it.
     *
     * @throws IOException when the input cannot be opened or read
     */
    public Sniff sniff(Input input) throws IOException {
        byte[] head;
        Input replay;
        if (input.path().isPresent()) {
            try (InputStream in = input.open()) {
                head = in.readNBytes(HEAD_BYTES);
            }
            replay = input;
        } else {
            InputStream in = input.open();
            head = in.readNBytes(HEAD_BYTES);
            replay = new ReplayInput(input, head, in);
        }
        if (head.length == 0) {
            return new Sniff.Empty(replay);
        }
        for (EventReader reader : readers) {
            if (reader.recognizes(head, head.length)) {
                return new Sniff.Recognized(replay, reader);
            }
        }
        EventReader later = readerOfFirstRecord(head);
        return later == null ? new Sniff.Unknown(replay) : new Sniff.Recognized(replay, later);
    }

    /** The reader whose first record starts earliest in {@code head}, or null. */
    private EventReader readerOfFirstRecord(byte[] head) {
        EventReader earliest = null;
        int start = Integer.MAX_VALUE;
        for (EventReader reader : readers) {
            int at = reader.firstRecord(head, head.length);
            if (at >= 0 && at < start) {
                earliest = reader;
                start = at;
            }
        }
        return earliest;
    }

    /**
     * Sniffs {@code input} and, when a reader recognises it, reads it into {@code sink}. An unknown
     * or empty input passes nothing to the sink: the returned {@link Sniff} says why, for the
     * caller to report.
     */
    public Sniff read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        Sniff sniff = sniff(input);
        if (sniff instanceof Sniff.Recognized recognized) {
            recognized.format().read(recognized.input(), options, sink);
        }
        return sniff;
    }

    /** A one-time input whose stream starts with the bytes already taken for sniffing. */
    private static final class ReplayInput implements Input {
        private final Input original;
        private byte[] head;
        private InputStream rest;

        ReplayInput(Input original, byte[] head, InputStream rest) {
            this.original = original;
            this.head = head;
            this.rest = rest;
        }

        @Override
        public String name() {
            return original.name();
        }

        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public long size() {
            return original.size();
        }

        @Override
        public synchronized InputStream open() throws IOException {
            if (rest == null) {
                throw new IOException(name() + " can be read only once");
            }
            InputStream stream = new SequenceInputStream(new ByteArrayInputStream(head), rest);
            head = null;
            rest = null;
            return stream;
        }
    }
}
