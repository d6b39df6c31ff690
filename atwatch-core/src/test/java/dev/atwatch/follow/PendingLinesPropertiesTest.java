package dev.atwatch.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever the pieces a file grows by, the chunks handed out hold exactly its bytes, in order, each
 * at its offset and first line (a last line without a newline gets one when it was held back).
 */
class PendingLinesPropertiesTest {

    @Property
    void chunksHoldEveryByteAtItsOffsetAndLine(
            @ForAll @StringLength(max = 400) String text,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 400) Integer> cuts,
            @ForAll @IntRange(min = 1, max = 64) int maxLineBytes) {
        byte[] bytes = text.replace('\r', '\n').getBytes(StandardCharsets.ISO_8859_1);
        PendingLines pending = new PendingLines(maxLineBytes);
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        for (int cut : cuts.stream().sorted().toList()) {
            int to = Math.min(cut, bytes.length);
            if (to > from) {
                pending.append(bytes, from, to - from);
                from = to;
            }
            Chunk chunk = pending.take();
            if (chunk != null) {
                chunks.add(chunk);
            }
        }
        pending.append(bytes, from, bytes.length - from);
        Chunk rest = pending.take();
        if (rest != null) {
            chunks.add(rest);
        }
        Chunk last = pending.flush();
        if (last != null) {
            chunks.add(last);
        }

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long lines = 0;
        for (Chunk chunk : chunks) {
            assertThat(chunk.offset()).isEqualTo(all.size());
            assertThat(chunk.firstLine()).isEqualTo(lines + 1);
            assertThat(chunk.lines())
                    .isEqualTo(Chunk.countLines(chunk.bytes(), chunk.bytes().length));
            all.writeBytes(chunk.bytes());
            lines += chunk.lines();
        }
        byte[] out = all.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\n') {
            assertThat(out).isEqualTo(bytes);
        } else {
            // the end of the stream ends a last line held back, not one handed out as too long
            byte[] ended = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            ended[bytes.length] = '\n';
            assertThat(out)
                    .satisfiesAnyOf(
                            o -> assertThat(o).isEqualTo(bytes),
                            o -> assertThat(o).isEqualTo(ended));
        }
    }
}
