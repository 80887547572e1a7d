package dev.entitynet.replication.packet;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.core.UnsafeMemory;

/**
 * Unsigned LEB128 for non-negative ints: 7 bits per byte, high bit = more follows, at most 5 bytes.
 * Reading never trusts the input: {@link #read} reports truncation and overlong values.
 */
public final class VarInt {
    private static final UnsafeMemory MEMORY = UnsafeMemory.MEMORY;
    /** What {@link #read} returns for malformed or truncated input. */
    public static final long MALFORMED = -1;

    private VarInt() {
    }

    /** Bytes {@link #write} takes for {@code value} (0 to Integer.MAX_VALUE). */
    public static int size(int value) {
        return value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;
    }

    /** Appends {@code value} (must be non-negative). */
    public static void write(Bytes<?> out, int value) {
        while ((value & ~0x7F) != 0) {
            out.writeByte((byte) (value & 0x7F | 0x80));
            value >>>= 7;
        }
        out.writeByte((byte) value);
    }

    /**
     * Writes {@code value} (must be non-negative) at a native {@code address} the caller reserved
     * (at least {@link #size} bytes).
     *
     * @return the bytes written
     */
    public static int put(long address, int value) {
        int n = 0;
        while ((value & ~0x7F) != 0) {
            MEMORY.writeByte(address + n++, (byte) (value & 0x7F | 0x80));
            value >>>= 7;
        }
        MEMORY.writeByte(address + n++, (byte) value);
        return n;
    }

    /**
     * Reads a value at {@code offset}, reading nothing at or beyond {@code limit}.
     *
     * @return {@code length << 32 | value}, or {@link #MALFORMED} when truncated, longer than 5
     *     bytes, or above Integer.MAX_VALUE
     */
    public static long read(BytesStore<?, ?> in, long offset, long limit) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            if (offset + i >= limit) {
                return MALFORMED;
            }
            int b = in.readUnsignedByte(offset + i);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value > Integer.MAX_VALUE ? MALFORMED : (long) (i + 1) << 32 | value;
            }
        }
        return MALFORMED;
    }

    /** The value part of a {@link #read} result. */
    public static int value(long read) {
        return (int) read;
    }

    /** The length part of a {@link #read} result. */
    public static int length(long read) {
        return (int) (read >>> 32);
    }
}
