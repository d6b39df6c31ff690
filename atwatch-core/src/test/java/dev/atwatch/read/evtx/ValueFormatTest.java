package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

    @Test
    void integersRenderInDecimalWithTheirSignedness() {
        assertThat(render(0x03, 0xff)).isEqualTo("-1");
        assertThat(render(0x04, 0xff)).isEqualTo("255");
        assertThat(render(0x05, 0xfe, 0xff)).isEqualTo("-2");
        assertThat(render(0x06, 0xfe, 0xff)).isEqualTo("65534");
        assertThat(render(0x07, 0xfd, 0xff, 0xff, 0xff)).isEqualTo("-3");
        assertThat(render(0x08, 0xff, 0xff, 0xff, 0xff)).isEqualTo("4294967295");
        assertThat(render(0x09, le64(-4))).isEqualTo("-4");
        assertThat(render(0x0a, le64(-1))).isEqualTo("18446744073709551615");
    }

    @Test
    void hexIntegersAndSizesRenderLowerCaseWithoutLeadingZeros() {
        assertThat(render(0x14, 0xe7, 0x03, 0, 0)).isEqualTo("0x3e7");
        assertThat(render(0x15, le64(0x8020000000000000L))).isEqualTo("0x8020000000000000");
        assertThat(render(0x10, le64(0x7ff6L))).isEqualTo("0x7ff6");
        assertThat(render(0x10, 0x10, 0, 0, 0)).isEqualTo("0x10");
    }

    @Test
    void guidRendersUpperCaseInBraces() {
        byte[] guid = {
            0x25,
            (byte) 0x96,
            (byte) 0x84,
            0x54,
            0x78,
            0x54,
            (byte) 0x94,
            0x49,
            (byte) 0xa5,
            (byte) 0xba,
            0x3e,
            0x3b,
            0x03,
            0x28,
            (byte) 0xc3,
            0x0d
        };
        assertThat(render(0x0f, guid)).isEqualTo("{54849625-5478-4994-A5BA-3E3B0328C30D}");
    }

    @Test
    void sidRendersAsSecurityIdentifierString() {
        byte[] system = {1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0};
        byte[] user = {
            1,
            5,
            0,
            0,
            0,
            0,
            0,
            5,
            21,
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            2,
            0,
            0,
            0,
            3,
            0,
            0,
            0,
            (byte) 0xe9,
            3,
            0,
            0
        };
        byte[] bigAuthority = {1, 0, 1, 2, 3, 4, 5, 6};
        assertThat(render(0x13, system)).isEqualTo("S-1-5-18");
        assertThat(render(0x13, user)).isEqualTo("S-1-5-21-1-2-3-1001");
        assertThat(render(0x13, bigAuthority)).isEqualTo("S-1-0x010203040506");
    }

    @Test
    void timesRenderAsUtcWithSevenFractionDigits() {
        assertThat(render(0x11, le64(132775830390839658L)))
                .isEqualTo("2021-10-01T17:30:39.0839658Z");
        assertThat(render(0x11, le64(0))).isEqualTo("1601-01-01T00:00:00.0000000Z");
        byte[] systemTime =
                ByteBuffer.allocate(16)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) 2021)
                        .putShort((short) 10)
                        .putShort((short) 5)
                        .putShort((short) 1)
                        .putShort((short) 17)
                        .putShort((short) 30)
                        .putShort((short) 39)
                        .putShort((short) 83)
                        .array();
        assertThat(render(0x12, systemTime)).isEqualTo("2021-10-01T17:30:39.0830000Z");
    }

    @Test
    void otherScalarsRenderAsTheEventLogShowsThem() {
        assertThat(render(0x0d, 1, 0, 0, 0)).isEqualTo("true");
        assertThat(render(0x0d, 0, 0, 0, 0)).isEqualTo("false");
        assertThat(render(0x0e, 0x00, 0xff, 0x10)).isEqualTo("00FF10");
        assertThat(render(0x0b, le32(Float.floatToIntBits(1.5f)))).isEqualTo("1.5");
        assertThat(render(0x0c, le64(Double.doubleToLongBits(0.1)))).isEqualTo("0.1");
        assertThat(render(0x0c, le64(Double.doubleToLongBits(42.0)))).isEqualTo("42");
        assertThat(render(0x0c, le64(Double.doubleToLongBits(Double.NaN)))).isEqualTo("-1.#IND");
        assertThat(render(0x02, "caf\u00e9\0".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("caf\u00e9");
        assertThat(render(0x01, "at.exe\0".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo("at.exe");
        assertThat(render(0x00)).isEmpty();
    }

    @Test
    void arraysSplitIntoTheirItems() {
        byte[] strings = "one\0two\0".getBytes(StandardCharsets.UTF_16LE);
        byte[] ints = {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0};

        assertThat(items(strings, 0x81)).containsExactly("one", "two");
        assertThat(items("a\0bc".getBytes(StandardCharsets.ISO_8859_1), 0x82))
                .containsExactly("a", "bc");
        assertThat(items(ints, 0x88)).containsExactly("1", "2", "3");
        assertThat(items(ints, 0x94)).containsExactly("0x1", "0x2", "0x3");
        assertThat(items(new byte[0], 0x81)).isEmpty();
    }

    @Test
    void tooShortValuesAndTooLongArraysAreRejected() {
        assertThatThrownBy(() -> render(0x11, 1, 2, 3))
                .isInstanceOf(BinXmlException.class)
                .hasMessageContaining("expected 8");
        assertThatThrownBy(() -> render(0x13, 1, 9, 0, 0, 0, 0, 0, 5))
                .isInstanceOf(BinXmlException.class);
        byte[] many = new byte[8];
        assertThatThrownBy(() -> ValueFormat.arrayItems(many, 0, 8, 0x84, 4))
                .isInstanceOf(BinXmlException.class)
                .hasMessageContaining("values-per-field limit exceeded: 8 > 4");
    }

    private static String render(int type, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return render(type, b);
    }

    private static String render(int type, byte[] bytes) {
        byte[] padded = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        StringBuilder out = new StringBuilder();
        ValueFormat.append(out, padded, 3, bytes.length, type);
        return out.toString();
    }

    private static java.util.List<String> items(byte[] bytes, int type) {
        int[] ranges = ValueFormat.arrayItems(bytes, 0, bytes.length, type, 100);
        java.util.List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            StringBuilder out = new StringBuilder();
            ValueFormat.append(out, bytes, ranges[i], ranges[i + 1] - ranges[i], type & 0x7f);
            items.add(out.toString());
        }
        return items;
    }

    private static byte[] le64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
