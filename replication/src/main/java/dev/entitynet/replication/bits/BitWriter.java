package dev.entitynet.replication.bits;

import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Writes bits LSB-first into a region of an off-heap store: the first bit written is bit 0 of the
 * first byte. Bits gather in a 64-bit accumulator that is stored a whole little-endian word at a
 * time, so most writes touch no memory at all.
 *
 * <p>A write that does not fit in the region writes nothing and sets {@link #overflowed()}; every
 * later write is ignored. The writer never touches a byte outside the region given to
 * {@link #wrap}. One writer is reused for any number of regions and allocates nothing.
 *
 * <pre>{@code
 * writer.wrap(store, offset, capacity);
 * writer.write(code, 12);
 * writer.writeExpGolomb(ZigZag.encode(delta), k);
 * int used = writer.finish();           // check writer.overflowed() before sending
 * }</pre>
 */
public final class BitWriter {
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private BytesStore<?, ?> store;
    /** Absolute offset of the byte the accumulator's bit 0 goes to. */
    private long wordOffset;
    private long limitBits;
    private long acc;
    private int accBits;
    private long bitsWritten;
    private boolean overflowed;

    /**
     * Starts writing at {@code offset} of {@code store}, using at most {@code limitBytes} bytes from
     * there (a byte count, not an end offset). Clears the bit count and the overflow flag.
     *
     * @throws IllegalArgumentException when the region is not inside the store's allocated memory
     *                                  or is longer than {@code Integer.MAX_VALUE} bytes
     */
    public void wrap(BytesStore<?, ?> store, long offset, long limitBytes) {
        Regions.check(store, offset, limitBytes);
        this.store = store;
        this.wordOffset = offset;
        this.limitBits = limitBytes << 3;
        this.acc = 0;
        this.accBits = 0;
        this.bitsWritten = 0;
        this.overflowed = false;
    }

    /**
     * Writes the low {@code bits} bits of {@code value}, LSB first; higher bits of value are ignored.
     *
     * @param bits 0 to 64
     * @throws IllegalArgumentException when bits is outside 0 to 64
     */
    public void write(long value, int bits) {
        if (bits < 0 || bits > 64) {
            throw new IllegalArgumentException("a write takes 0 to 64 bits, not " + bits);
        }
        if (bits == 0 || overflowed) {
            return;
        }
        if (bits > limitBits - bitsWritten) {
            overflowed = true;
            return;
        }
        long v = value & -1L >>> 64 - bits;
        acc |= v << accBits;
        int total = accBits + bits;
        if (total >= 64) {
            // All 64 bits lie below bitsWritten + bits <= limitBits: the word is inside the region.
            store.writeLong(wordOffset, BIG_ENDIAN ? Long.reverseBytes(acc) : acc);
            wordOffset += 8;
            acc = accBits == 0 ? 0 : v >>> 64 - accBits;
            accBits = total - 64;
        } else {
            accBits = total;
        }
        bitsWritten += bits;
    }

    /** Writes one bit. */
    public void writeBit(boolean bit) {
        write(bit ? 1 : 0, 1);
    }

    /**
     * Writes the order-{@code k} exp-Golomb code of {@code value} ({@link ExpGolomb#cost} bits).
     *
     * @throws IllegalArgumentException when value is negative, k is outside 0 to
     *                                  {@link ExpGolomb#MAX_ORDER}, or the code's prefix would be
     *                                  longer than {@link ExpGolomb#MAX_PREFIX_ZEROS} (use a larger k)
     */
    public void writeExpGolomb(long value, int k) {
        int zeros = ExpGolomb.prefixZeros(value, k);
        if (zeros > ExpGolomb.MAX_PREFIX_ZEROS) {
            throw new IllegalArgumentException("value " + value + " is too large for an order-" + k
                    + " exp-Golomb code (more than " + ExpGolomb.MAX_PREFIX_ZEROS + " prefix zeros); use a larger order");
        }
        write(1L << zeros, zeros + 1);
        write((value >>> k) + 1, zeros);
        write(value, k);
    }

    /** The bits written since {@link #wrap}, not counting writes refused for overflow. */
    public long bitsWritten() {
        return bitsWritten;
    }

    /** Whether a write did not fit in the region (that write and every later one were dropped). */
    public boolean overflowed() {
        return overflowed;
    }

    /**
     * Stores the bits still in the accumulator, the unused high bits of the last byte as zeros, and
     * returns the bytes used, {@code ceil(bitsWritten() / 8)}. Writing may go on afterwards: a later
     * {@code finish} stores the same bytes again with the new bits.
     */
    public int finish() {
        int bytes = accBits + 7 >>> 3;
        for (int i = 0; i < bytes; i++) {
            store.writeByte(wordOffset + i, (byte) (acc >>> (i << 3)));
        }
        return (int) (bitsWritten + 7 >>> 3);
    }
}
