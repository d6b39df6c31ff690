package dev.atwatch.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes record bytes as UTF-8 the way Splunk indexes them: a byte sequence that is not UTF-8 is
 * read as U+FFFD and the rest of the record is kept, so that one hostile byte cannot hide an event.
 * The position of the first bad byte is returned for the reader's warning.
 */
public final class Utf8Text {

    /** A strict decoder per thread: most records are valid and decode once, without a copy. */
    private static final ThreadLocal<CharsetDecoder> STRICT =
            ThreadLocal.withInitial(
                    () ->
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8Text() {}

    /**
     * Decoded text.
     *
     * @param text the text, with U+FFFD where the bytes were not UTF-8
     * @param malformedAt the index, from the start of the decoded range, of the first byte that is
     *     not UTF-8, or -1 when every byte was
     */
    public record Decoded(String text, int malformedAt) {

        /** Whether some bytes were replaced. */
        public boolean repaired() {
            return malformedAt >= 0;
        }
    }

    /** Decodes {@code bytes[offset, offset+length)}, replacing what is not UTF-8. */
    public static Decoded decode(byte[] bytes, int offset, int length) {
        CharsetDecoder strict = STRICT.get();
        strict.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        try {
            return new Decoded(strict.decode(in).toString(), -1);
        } catch (CharacterCodingException e) {
            // The decoder stops with the buffer at the first malformed sequence.
            int at = in.position() - offset;
            return new Decoded(new String(bytes, offset, length, StandardCharsets.UTF_8), at);
        }
    }

    /** Whether {@code bytes[offset, offset+length)} is valid UTF-8. */
    public static boolean isValid(byte[] bytes, int offset, int length) {
        return !decode(bytes, offset, length).repaired();
    }

    /**
     * The warning detail for bytes decoded with a repair: the first bad byte's value and where it
     * is in {@code what} (such as "the event" or "the line").
     */
    public static String repairDetail(byte[] bytes, int offset, Decoded decoded, String what) {
        int at = decoded.malformedAt();
        return String.format(
                Locale.ROOT,
                "not valid UTF-8 from byte %d of %s (0x%02x), read as U+FFFD",
                at,
                what,
                bytes[offset + at] & 0xff);
    }
}
