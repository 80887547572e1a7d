package dev.entitynet.transport.secure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator of RFC 8439 section 2.5, streaming, allocation-free and not
 * thread-safe. Numbers modulo p = 2^130 - 5 are held in two 64-bit limbs and a small third one
 * (h = h0 + h1 2^64 + h2 2^128); a block costs four 64 x 64 -> 128-bit products (each a
 * multiplication and a {@link Math#multiplyHigh}) and two small ones.
 */
final class Poly1305 {
    /** Bytes of the one-time key: r (clamped) then s. */
    static final int KEY_BYTES = 32;
    /** Bytes of the tag. */
    static final int TAG_BYTES = 16;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    // Clamping (section 2.5): the top four bits of bytes 3, 7, 11 and 15 and the bottom two bits of
    // bytes 4, 8 and 12 are cleared, as r's two little-endian 64-bit halves.
    private static final long CLAMP_LOW = 0x0FFF_FFFC_0FFF_FFFFL;
    private static final long CLAMP_HIGH = 0x0FFF_FFFC_0FFF_FFFCL;
    /** 2^128 in limb 2: the bit appended to every full 16-byte block. */
    private static final long FULL_BLOCK_BIT = 1;

    // r = r0 + r1 2^64, both below 2^60 after clamping, and r1 a multiple of 4, so that
    // r1 2^128 = (r1 / 4) 2^130 = 5 r1 / 4 = s1 modulo p.
    private long r0, r1, s1;
    private long pad0, pad1;
    // h2 stays at most 4 between blocks.
    private long h0, h1, h2;
    private final byte[] pending = new byte[16];
    private int pendingLength;

    /** Starts a new tag under the 32-byte one-time key at {@code key[offset..]}. */
    void init(byte[] key, int offset) {
        r0 = (long) LONG.get(key, offset) & CLAMP_LOW;
        r1 = (long) LONG.get(key, offset + 8) & CLAMP_HIGH;
        s1 = r1 + (r1 >>> 2);
        pad0 = (long) LONG.get(key, offset + 16);
        pad1 = (long) LONG.get(key, offset + 24);
        h0 = h1 = h2 = 0;
        pendingLength = 0;
    }

    /** Adds {@code length} message bytes. */
    void update(byte[] message, int offset, int length) {
        if (pendingLength > 0) {
            int take = Math.min(length, 16 - pendingLength);
            System.arraycopy(message, offset, pending, pendingLength, take);
            pendingLength += take;
            offset += take;
            length -= take;
            if (pendingLength < 16) {
                return;
            }
            block(pending, 0, FULL_BLOCK_BIT);
            pendingLength = 0;
        }
        while (length >= 16) {
            block(message, offset, FULL_BLOCK_BIT);
            offset += 16;
            length -= 16;
        }
        if (length > 0) {
            System.arraycopy(message, offset, pending, 0, length);
            pendingLength = length;
        }
    }

    /** Adds zero bytes up to the next multiple of 16 message bytes, as the AEAD construction does. */
    void padToBlock() {
        if (pendingLength > 0) {
            Arrays.fill(pending, pendingLength, 16, (byte) 0);
            block(pending, 0, FULL_BLOCK_BIT);
            pendingLength = 0;
        }
    }

    /** Writes the 16-byte tag of the message so far to {@code out[offset..]}. */
    void finish(byte[] out, int offset) {
        if (pendingLength > 0) {
            // A short last block gets its 0x01 byte right after the data instead of at 2^128.
            pending[pendingLength] = 1;
            Arrays.fill(pending, pendingLength + 1, 16, (byte) 0);
            block(pending, 0, 0);
            pendingLength = 0;
        }
        // Fold what is above 2^130 back in (times 5): h is then below 2^130 + 5.
        long folded = (h2 >>> 2) * 5;
        long f0 = h0 + folded;
        long c = carry(h0, folded, f0);
        long f1 = h1 + c;
        c = carry(h1, c, f1);
        long f2 = (h2 & 3) + c;
        // g = h + 5 reaches 2^130 exactly when h >= p, and then h mod p = g - 2^130.
        long g0 = f0 + 5;
        c = carry(f0, 5, g0);
        long g1 = f1 + c;
        c = carry(f1, c, g1);
        long useG = -((f2 + c) >>> 2);
        // Selected with masks rather than a branch, so the timing does not depend on h.
        f0 = (f0 & ~useG) | (g0 & useG);
        f1 = (f1 & ~useG) | (g1 & useG);
        // The tag is h + s modulo 2^128.
        long t0 = f0 + pad0;
        LONG.set(out, offset, t0);
        LONG.set(out, offset + 8, f1 + pad1 + carry(f0, pad0, t0));
    }

    /** Overwrites the key and the accumulator with zeros. */
    void clear() {
        r0 = r1 = s1 = 0;
        pad0 = pad1 = 0;
        h0 = h1 = h2 = 0;
        Arrays.fill(pending, (byte) 0);
        pendingLength = 0;
    }

    /** h = (h + block + hibit 2^128) r, partially reduced modulo 2^130 - 5. */
    private void block(byte[] m, int offset, long hibit) {
        long m0 = (long) LONG.get(m, offset);
        long m1 = (long) LONG.get(m, offset + 8);
        long a0 = h0 + m0;
        long c = carry(h0, m0, a0);
        long a1 = h1 + m1 + c;
        long a2 = h2 + carry(h1, m1, a1) + hibit; // at most 6

        // a r = a0 r0 + a1 s1  +  (a0 r1 + a1 r0 + a2 s1) 2^64  +  a2 r0 2^128  (mod p)
        long x = a0 * r0;
        long y = a1 * s1;
        long d0 = x + y;
        long d0High = highOf(a0, r0) + highOf(a1, s1) + carry(x, y, d0);
        x = a0 * r1;
        y = a1 * r0;
        long d1 = x + y;
        long d1High = highOf(a0, r1) + highOf(a1, r0) + carry(x, y, d1);
        x = d1;
        y = a2 * s1; // below 2^63: a2 is small
        d1 = x + y;
        d1High += carry(x, y, d1);
        x = d1;
        d1 = x + d0High;
        long d2 = d1High + carry(x, d0High, d1) + a2 * r0;

        // Fold d2's bits from 2^130 up back in, times 5 (as 4 + 1); h2 keeps the two below.
        long folded = (d2 & ~3L) + (d2 >>> 2);
        h0 = d0 + folded;
        c = carry(d0, folded, h0);
        h1 = d1 + c;
        h2 = (d2 & 3) + carry(d1, c, h1);
    }

    /** The high 64 bits of the 128-bit product of {@code a} (unsigned) and {@code b} (below 2^63). */
    private static long highOf(long a, long b) {
        // multiplyHigh reads a as signed: when its top bit is set that is a - 2^64, so b 2^64 is missing.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b);
    }

    /** The carry out of {@code sum = a + b (+ a carry in)}, 0 or 1, without a branch. */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }
}
