package dev.entitynet.replication.bits;

import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Reads what a {@link BitWriter} wrote: bits LSB-first from a region of an off-heap store, loaded a
 * little-endian word at a time into a 64-bit accumulator.
 *
 * <p>Built for untrusted input: a read past the end of the region returns 0 and sets
 * {@link #overflowed()} (every later read returns 0 too), an exp-Golomb prefix longer than
 * {@link ExpGolomb#MAX_PREFIX_ZEROS} zeros or a code whose value does not fit in a non-negative long
 * does the same, and nothing outside the region is ever read. Whatever the bytes, no read throws and
 * every read ends after at most {@code lengthBytes * 8} bits. Check {@code overflowed()} once after
 * reading a message and drop the message if it is set.
 */
public final class BitReader {
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private BytesStore<?, ?> store;
    /** Absolute offset of the first byte not yet loaded into the accumulator. */
    private long next;
    private long end;
    private long lengthBits;
    private long acc;
    private int accBits;
    private long bitsRead;
    private boolean overflowed;

    /**
     * Starts reading at {@code offset} of {@code store}, {@code lengthBytes} bytes long. Clears the
     * bit count and the overflow flag.
     *
     * @throws IllegalArgumentException when the region is not inside the store's allocated memory
     *                                  or is longer than {@code Integer.MAX_VALUE} bytes
     */
    public void wrap(BytesStore<?, ?> store, long offset, long lengthBytes) {
        Regions.check(store, offset, lengthBytes);
        this.store = store;
        this.next = offset;
        this.end = offset + lengthBytes;
        this.lengthBits = lengthBytes << 3;
        this.acc = 0;
        this.accBits = 0;
        this.bitsRead = 0;
        this.overflowed = false;
    }

    /**
     * Reads {@code bits} bits as the low bits of the result; 0 once the region is exhausted.
     *
     * @param bits 0 to 64
     * @throws IllegalArgumentException when bits is outside 0 to 64 (a programming error, never
     *                                  caused by the input)
     */
    public long read(int bits) {
        if (bits < 0 || bits > 64) {
            throw new IllegalArgumentException("a read takes 0 to 64 bits, not " + bits);
        }
        if (bits == 0 || overflowed) {
            return 0;
        }
        if (bits > lengthBits - bitsRead) {
            overflowed = true;
            return 0;
        }
        long mask = -1L >>> 64 - bits;
        if (bits <= accBits) {
            long v = acc & mask;
            consume(bits);
            return v;
        }
        long low = acc;
        int have = accBits;
        bitsRead += have;
        refill();
        int need = bits - have;
        long v = (low | acc << have) & mask;
        consume(need);
        return v;
    }

    /** Reads one bit; false once the region is exhausted. */
    public boolean readBit() {
        return read(1) != 0;
    }

    /**
     * Reads an order-{@code k} exp-Golomb code. Returns 0 and sets {@link #overflowed()} when the
     * region ends inside the code, the prefix has more than {@link ExpGolomb#MAX_PREFIX_ZEROS} zeros,
     * or the value would not fit in a non-negative long.
     *
     * @throws IllegalArgumentException when k is outside 0 to {@link ExpGolomb#MAX_ORDER}
     */
    public long readExpGolomb(int k) {
        ExpGolomb.checkOrder(k);
        int zeros = 0;
        while (!overflowed) {
            if (accBits == 0) {
                if (next == end) {
                    overflowed = true;
                    break;
                }
                refill();
            }
            int run = Long.numberOfTrailingZeros(acc);
            if (run < accBits) {
                zeros += run;
                consume(run + 1);
                break;
            }
            zeros += accBits;
            consume(accBits);
            if (zeros > ExpGolomb.MAX_PREFIX_ZEROS) {
                overflowed = true;
            }
        }
        if (overflowed || zeros > ExpGolomb.MAX_PREFIX_ZEROS) {
            overflowed = true;
            return 0;
        }
        long n = ((1L << zeros) | read(zeros)) - 1;
        if (n > Long.MAX_VALUE >>> k) {
            overflowed = true;
            return 0;
        }
        long value = n << k | read(k);
        return overflowed ? 0 : value;
    }

    /** Whether a read went past the end of the region or met a malformed code. */
    public boolean overflowed() {
        return overflowed;
    }

    /** The bits consumed since {@link #wrap}. */
    public long bitsRead() {
        return bitsRead;
    }

    /** The bits of the region not yet consumed. */
    public long bitsRemaining() {
        return lengthBits - bitsRead;
    }

    private void consume(int bits) {
        bitsRead += bits;
        acc = bits == 64 ? 0 : acc >>> bits;
        accBits -= bits;
    }

    /** Loads the next word, or the bytes left when fewer than 8 remain; the accumulator is empty. */
    private void refill() {
        long left = end - next;
        if (left >= 8) {
            long word = store.readLong(next);
            acc = BIG_ENDIAN ? Long.reverseBytes(word) : word;
            next += 8;
            accBits = 64;
        } else {
            long word = 0;
            for (int i = 0; i < left; i++) {
                word |= (store.readByte(next + i) & 0xFFL) << (i << 3);
            }
            acc = word;
            next += left;
            accBits = (int) left << 3;
        }
    }
}
