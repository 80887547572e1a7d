package dev.entitynet.transport.secure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator of RFC 8439 section 2.5, streaming, allocation-free and not
 * thread-safe. Numbers modulo 2^130 - 5 are held in five 26-bit limbs so that every product of
 * two limbs, and the sum of five of them, fits in a signed long.
 */
final class Poly1305 {
    /** Bytes of the one-time key: r (clamped) then s. */
    static final int KEY_BYTES = 32;
    /** Bytes of the tag. */
    static final int TAG_BYTES = 16;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LIMB = 0x3FF_FFFF;
    private static final long WORD = 0xFFFF_FFFFL;
    /** 2^128 in limb 4: the bit appended to every full 16-byte block. */
    private static final long FULL_BLOCK_BIT = 1L << 24;

    private long r0, r1, r2, r3, r4;
    // r1..r4 times 5: limbs that overflow 2^130 wrap around times 5, since 2^130 = 5 modulo p.
    private long s1, s2, s3, s4;
    private long pad0, pad1, pad2, pad3;
    private long h0, h1, h2, h3, h4;
    private final byte[] pending = new byte[16];
    private int pendingLength;

    /** Starts a new tag under the 32-byte one-time key at {@code key[offset..]}. */
    void init(byte[] key, int offset) {
        // Clamping (section 2.5): clear the top four bits of bytes 3, 7, 11 and 15 and the bottom
        // two bits of bytes 4, 8 and 12.
        long t0 = (int) INT.get(key, offset) & 0x0FFF_FFFFL;
        long t1 = (int) INT.get(key, offset + 4) & 0x0FFF_FFFCL;
        long t2 = (int) INT.get(key, offset + 8) & 0x0FFF_FFFCL;
        long t3 = (int) INT.get(key, offset + 12) & 0x0FFF_FFFCL;
        r0 = t0 & LIMB;
        r1 = (t0 >>> 26 | t1 << 6) & LIMB;
        r2 = (t1 >>> 20 | t2 << 12) & LIMB;
        r3 = (t2 >>> 14 | t3 << 18) & LIMB;
        r4 = t3 >>> 8;
        s1 = r1 * 5;
        s2 = r2 * 5;
        s3 = r3 * 5;
        s4 = r4 * 5;
        pad0 = (int) INT.get(key, offset + 16) & WORD;
        pad1 = (int) INT.get(key, offset + 20) & WORD;
        pad2 = (int) INT.get(key, offset + 24) & WORD;
        pad3 = (int) INT.get(key, offset + 28) & WORD;
        h0 = h1 = h2 = h3 = h4 = 0;
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
        // Carry twice around so that limbs 0..3 are below 2^26 and h below 2^130 + 2^104.
        long c;
        c = h1 >>> 26; h1 &= LIMB; h2 += c;
        c = h2 >>> 26; h2 &= LIMB; h3 += c;
        c = h3 >>> 26; h3 &= LIMB; h4 += c;
        c = h4 >>> 26; h4 &= LIMB; h0 += c * 5;
        c = h0 >>> 26; h0 &= LIMB; h1 += c;
        c = h1 >>> 26; h1 &= LIMB; h2 += c;
        c = h2 >>> 26; h2 &= LIMB; h3 += c;
        c = h3 >>> 26; h3 &= LIMB; h4 += c;
        // g = h - p = h + 5 - 2^130; its top limb is negative exactly when h < p.
        long g0 = h0 + 5;
        c = g0 >>> 26; g0 &= LIMB;
        long g1 = h1 + c;
        c = g1 >>> 26; g1 &= LIMB;
        long g2 = h2 + c;
        c = g2 >>> 26; g2 &= LIMB;
        long g3 = h3 + c;
        c = g3 >>> 26; g3 &= LIMB;
        long g4 = h4 + c - (1L << 26);
        long keepH = g4 >> 63;
        // Selected with masks rather than a branch, so the timing does not depend on h.
        long f0 = (h0 & keepH) | (g0 & ~keepH);
        long f1 = (h1 & keepH) | (g1 & ~keepH);
        long f2 = (h2 & keepH) | (g2 & ~keepH);
        long f3 = (h3 & keepH) | (g3 & ~keepH);
        long f4 = (h4 & keepH) | (g4 & ~keepH);
        // h mod 2^128 as four 32-bit words, plus s, carried word by word.
        long acc = f0 + (f1 << 26);
        long w0 = acc & WORD;
        acc = (acc >>> 32) + (f2 << 20);
        long w1 = acc & WORD;
        acc = (acc >>> 32) + (f3 << 14);
        long w2 = acc & WORD;
        acc = (acc >>> 32) + (f4 << 8);
        long w3 = acc & WORD;
        acc = w0 + pad0;
        INT.set(out, offset, (int) acc);
        acc = (acc >>> 32) + w1 + pad1;
        INT.set(out, offset + 4, (int) acc);
        acc = (acc >>> 32) + w2 + pad2;
        INT.set(out, offset + 8, (int) acc);
        acc = (acc >>> 32) + w3 + pad3;
        INT.set(out, offset + 12, (int) acc);
    }

    /** Overwrites the key and the accumulator with zeros. */
    void clear() {
        r0 = r1 = r2 = r3 = r4 = s1 = s2 = s3 = s4 = 0;
        pad0 = pad1 = pad2 = pad3 = 0;
        h0 = h1 = h2 = h3 = h4 = 0;
        Arrays.fill(pending, (byte) 0);
        pendingLength = 0;
    }

    /** h = (h + block + hibit) * r, partially reduced modulo 2^130 - 5. */
    private void block(byte[] m, int offset, long hibit) {
        long t0 = (int) INT.get(m, offset) & WORD;
        long t1 = (int) INT.get(m, offset + 4) & WORD;
        long t2 = (int) INT.get(m, offset + 8) & WORD;
        long t3 = (int) INT.get(m, offset + 12) & WORD;
        long a0 = h0 + (t0 & LIMB);
        long a1 = h1 + ((t0 >>> 26 | t1 << 6) & LIMB);
        long a2 = h2 + ((t1 >>> 20 | t2 << 12) & LIMB);
        long a3 = h3 + ((t2 >>> 14 | t3 << 18) & LIMB);
        long a4 = h4 + (t3 >>> 8 | hibit);

        long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
        long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
        long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
        long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
        long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;

        long c;
        c = d0 >>> 26; h0 = d0 & LIMB; d1 += c;
        c = d1 >>> 26; h1 = d1 & LIMB; d2 += c;
        c = d2 >>> 26; h2 = d2 & LIMB; d3 += c;
        c = d3 >>> 26; h3 = d3 & LIMB; d4 += c;
        c = d4 >>> 26; h4 = d4 & LIMB; h0 += c * 5;
        c = h0 >>> 26; h0 &= LIMB; h1 += c;
    }
}
