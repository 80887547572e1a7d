package dev.entitynet.replication.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CodecsTest {
    /** A plain holder; codecs work on any type. */
    static final class Thing {
        int i;
        long l;
        float f;
        double d;
        boolean b;
        float x;
        float y;
        float z;
        String s = "";
    }

    private final Bytes<Void> buf = Bytes.allocateElasticDirect(256);

    @AfterEach
    void release() {
        buf.releaseLast();
    }

    private <C> C roundTrip(PropertyCodec<C> codec, C from, C to) {
        buf.ensureCapacity(codec.maxEncodedLength());
        int n = codec.write(from, buf, 0);
        assertTrue(n <= codec.maxEncodedLength());
        assertEquals(n, codec.measure(buf, 0, n));
        assertEquals(-1, codec.measure(buf, 0, n - 1), "a truncated value is rejected");
        codec.read(to, buf, 0);
        return to;
    }

    @Test
    void primitivesRoundTrip() {
        Thing a = new Thing();
        a.i = -7;
        a.l = Long.MIN_VALUE + 3;
        a.f = 1.5f;
        a.d = Math.PI;
        a.b = true;
        Thing b = new Thing();
        roundTrip(Codecs.int32((Thing t) -> t.i, (t, v) -> t.i = v), a, b);
        roundTrip(Codecs.int64((Thing t) -> t.l, (t, v) -> t.l = v), a, b);
        roundTrip(Codecs.float32((Thing t) -> t.f, (t, v) -> t.f = v), a, b);
        roundTrip(Codecs.float64((Thing t) -> t.d, (t, v) -> t.d = v), a, b);
        roundTrip(Codecs.bool((Thing t) -> t.b, (t, v) -> t.b = v), a, b);
        assertEquals(a.i, b.i);
        assertEquals(a.l, b.l);
        assertEquals(a.f, b.f);
        assertEquals(a.d, b.d);
        assertEquals(a.b, b.b);
    }

    @Test
    void boolRejectsValuesOtherThanZeroAndOne() {
        buf.writeByte(0, (byte) 2);
        assertEquals(-1, Codecs.bool((Thing t) -> t.b, (t, v) -> t.b = v).measure(buf, 0, 1));
    }

    @Test
    void vectorsRoundTrip() {
        Thing a = new Thing();
        a.x = 1;
        a.y = -2;
        a.z = 3.25f;
        Thing b = roundTrip(Codecs.vector3((Thing t) -> t.x, t -> t.y, t -> t.z, (t, x, y, z) -> {
            t.x = x;
            t.y = y;
            t.z = z;
        }), a, new Thing());
        assertEquals(a.z, b.z);
        Thing c = roundTrip(Codecs.vector2((Thing t) -> t.x, t -> t.y, (t, x, y) -> {
            t.x = x;
            t.y = y;
        }), a, new Thing());
        assertEquals(a.y, c.y);
    }

    @Test
    void quantizationStaysWithinPrecisionAndPacksBits() {
        Quantization q = new Quantization(-100, 100, 16);
        PropertyCodec<Thing> codec = Codecs.quantizedVector3((Thing t) -> t.x, t -> t.y, t -> t.z, (t, x, y, z) -> {
            t.x = x;
            t.y = y;
            t.z = z;
        }, q);
        assertEquals(6, codec.maxEncodedLength(), "3 x 16 bits in 6 bytes");
        Thing a = new Thing();
        a.x = 12.345f;
        a.y = -99.9f;
        a.z = 500; // clamped
        Thing b = roundTrip(codec, a, new Thing());
        assertEquals(a.x, b.x, q.precision());
        assertEquals(a.y, b.y, q.precision());
        assertEquals(100f, b.z, q.precision());
        PropertyCodec<Thing> tenBits = Codecs.quantizedFloat((Thing t) -> t.f, (t, v) -> t.f = v, new Quantization(0, 1, 10));
        assertEquals(2, tenBits.maxEncodedLength());
        buf.writeShort(0, (short) 0x0400); // bit 10 set: beyond a 10-bit code
        assertEquals(-1, tenBits.measure(buf, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new Quantization(1, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> new Quantization(0, 1, 33));
    }

    @Test
    void stringsAreBoundedUtf8() {
        PropertyCodec<Thing> codec = Codecs.string((Thing t) -> t.s, (t, v) -> t.s = v, 16);
        Thing a = new Thing();
        a.s = "héllo 😀";
        assertEquals("héllo 😀", roundTrip(codec, a, new Thing()).s);
        a.s = "this is far too long for sixteen bytes";
        assertThrows(IllegalStateException.class, () -> codec.write(a, buf, 0));
        buf.writeShort(0, (short) 17);
        assertEquals(-1, codec.measure(buf, 0, 100), "a declared length above the cap is rejected");
    }

    @Test
    void componentCodecConcatenatesParts() {
        PropertyCodec<Thing> codec = ComponentCodec.<Thing>builder()
                .add(Codecs.int32(t -> t.i, (t, v) -> t.i = v))
                .add(Codecs.string(t -> t.s, (t, v) -> t.s = v, 8))
                .add(Codecs.float32(t -> t.f, (t, v) -> t.f = v))
                .build();
        assertEquals(4 + 10 + 4, codec.maxEncodedLength());
        Thing a = new Thing();
        a.i = 3;
        a.s = "ab";
        a.f = 2;
        Thing b = roundTrip(codec, a, new Thing());
        assertEquals(3, b.i);
        assertEquals("ab", b.s);
        assertEquals(2f, b.f);
    }
}
