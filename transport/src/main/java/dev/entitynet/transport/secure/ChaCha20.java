package dev.entitynet.transport.secure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ChaCha20 block function and stream cipher of RFC 8439 section 2.3 and 2.4: a 256-bit key,
 * a 96-bit nonce and a 32-bit block counter. Keeps the key and nonce as words; each block of key
 * stream stays in local variables from the first round to the XOR, which takes eight bytes at a
 * time. Nothing is allocated per call. Not thread-safe. Callers check the ranges they pass (the
 * array views check each access again, so a wrong range throws, possibly after a partial write).
 */
final class ChaCha20 {
    /** Bytes in one block of key stream. */
    static final int BLOCK_BYTES = 64;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** XORed with the key stream, gives the key stream itself. */
    private static final byte[] ZEROS = new byte[BLOCK_BYTES];

    // "expand 32-byte k" as four little-endian words (RFC 8439 section 2.3).
    private static final int C0 = 0x61707865;
    private static final int C1 = 0x3320646e;
    private static final int C2 = 0x79622d32;
    private static final int C3 = 0x6b206574;

    private int k0, k1, k2, k3, k4, k5, k6, k7;
    private int n0, n1, n2;
    /** The key stream of a last, partial block. */
    private final byte[] tail = new byte[BLOCK_BYTES];

    /** Takes 32 key bytes from {@code bytes[offset..]}. */
    void setKey(byte[] bytes, int offset) {
        k0 = (int) INT.get(bytes, offset);
        k1 = (int) INT.get(bytes, offset + 4);
        k2 = (int) INT.get(bytes, offset + 8);
        k3 = (int) INT.get(bytes, offset + 12);
        k4 = (int) INT.get(bytes, offset + 16);
        k5 = (int) INT.get(bytes, offset + 20);
        k6 = (int) INT.get(bytes, offset + 24);
        k7 = (int) INT.get(bytes, offset + 28);
    }

    /** Takes 12 nonce bytes from {@code bytes[offset..]}. */
    void setNonce(byte[] bytes, int offset) {
        n0 = (int) INT.get(bytes, offset);
        n1 = (int) INT.get(bytes, offset + 4);
        n2 = (int) INT.get(bytes, offset + 8);
    }

    /** Overwrites the key, the nonce and the last partial block of key stream with zeros. */
    void clear() {
        k0 = k1 = k2 = k3 = k4 = k5 = k6 = k7 = 0;
        n0 = n1 = n2 = 0;
        Arrays.fill(tail, (byte) 0);
    }

    /** Writes the 64-byte key stream block number {@code counter} to {@code out[offset..]}. */
    void block(int counter, byte[] out, int offset) {
        xorBlock(counter, ZEROS, 0, out, offset);
    }

    /**
     * XORs {@code length} bytes of {@code src} with the key stream that starts at block
     * {@code counter} and writes them to {@code dst}. Bytes are read before the same position
     * is written, so {@code dst} may be {@code src} itself or start before it in the same array.
     */
    void xor(int counter, byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
        int done = 0;
        for (; length - done >= BLOCK_BYTES; done += BLOCK_BYTES) {
            xorBlock(counter++, src, srcOffset + done, dst, dstOffset + done);
        }
        if (done < length) {
            xorBlock(counter, ZEROS, 0, tail, 0);
            for (int i = 0; done < length; i++, done++) {
                dst[dstOffset + done] = (byte) (src[srcOffset + done] ^ tail[i]);
            }
        }
    }

    /**
     * Runs the 20 rounds on the state (constants, key, counter, nonce), adds the state back and
     * XORs the 64 bytes at {@code src[s..]} with the result into {@code dst[d..]}, eight bytes at a
     * time, each read before it is written.
     */
    private void xorBlock(int counter, byte[] src, int s, byte[] dst, int d) {
        int x0 = C0, x1 = C1, x2 = C2, x3 = C3;
        int x4 = k0, x5 = k1, x6 = k2, x7 = k3, x8 = k4, x9 = k5, x10 = k6, x11 = k7;
        int x12 = counter, x13 = n0, x14 = n1, x15 = n2;
        // Ten double rounds: four column quarter rounds, then four diagonal ones (section 2.3).
        // The quarter rounds are written out so that the state stays in registers.
        for (int round = 0; round < 10; round++) {
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);

            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
        }
        LONG.set(dst, d, (long) LONG.get(src, s) ^ words(x0 + C0, x1 + C1));
        LONG.set(dst, d + 8, (long) LONG.get(src, s + 8) ^ words(x2 + C2, x3 + C3));
        LONG.set(dst, d + 16, (long) LONG.get(src, s + 16) ^ words(x4 + k0, x5 + k1));
        LONG.set(dst, d + 24, (long) LONG.get(src, s + 24) ^ words(x6 + k2, x7 + k3));
        LONG.set(dst, d + 32, (long) LONG.get(src, s + 32) ^ words(x8 + k4, x9 + k5));
        LONG.set(dst, d + 40, (long) LONG.get(src, s + 40) ^ words(x10 + k6, x11 + k7));
        LONG.set(dst, d + 48, (long) LONG.get(src, s + 48) ^ words(x12 + counter, x13 + n0));
        LONG.set(dst, d + 56, (long) LONG.get(src, s + 56) ^ words(x14 + n1, x15 + n2));
    }

    /** Two little-endian key stream words as the eight bytes they make. */
    private static long words(int low, int high) {
        return (low & 0xFFFF_FFFFL) | (long) high << 32;
    }
}
