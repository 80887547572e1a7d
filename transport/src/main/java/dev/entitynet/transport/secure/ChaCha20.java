package dev.entitynet.transport.secure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ChaCha20 block function and stream cipher of RFC 8439 section 2.3 and 2.4: a 256-bit key,
 * a 96-bit nonce and a 32-bit block counter. Keeps the key and nonce as words and one block of
 * key stream, so nothing is allocated per call. Not thread-safe.
 */
final class ChaCha20 {
    /** Bytes in one block of key stream. */
    static final int BLOCK_BYTES = 64;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // "expand 32-byte k" as four little-endian words (RFC 8439 section 2.3).
    private static final int C0 = 0x61707865;
    private static final int C1 = 0x3320646e;
    private static final int C2 = 0x79622d32;
    private static final int C3 = 0x6b206574;

    private final int[] key = new int[8];
    private final int[] nonce = new int[3];
    /** The last block of key stream, as sixteen little-endian words. */
    private final int[] stream = new int[16];

    /** Takes 32 key bytes from {@code bytes[offset..]}. */
    void setKey(byte[] bytes, int offset) {
        for (int i = 0; i < 8; i++) {
            key[i] = (int) INT.get(bytes, offset + 4 * i);
        }
    }

    /** Takes 12 nonce bytes from {@code bytes[offset..]}. */
    void setNonce(byte[] bytes, int offset) {
        for (int i = 0; i < 3; i++) {
            nonce[i] = (int) INT.get(bytes, offset + 4 * i);
        }
    }

    /** Overwrites the key, the nonce and the last key stream block with zeros. */
    void clear() {
        Arrays.fill(key, 0);
        Arrays.fill(nonce, 0);
        Arrays.fill(stream, 0);
    }

    /** Writes the 64-byte key stream block number {@code counter} to {@code out[offset..]}. */
    void block(int counter, byte[] out, int offset) {
        computeBlock(counter);
        for (int i = 0; i < 16; i++) {
            INT.set(out, offset + 4 * i, stream[i]);
        }
    }

    /**
     * XORs {@code length} bytes of {@code src} with the key stream that starts at block
     * {@code counter} and writes them to {@code dst}. Bytes are read before the same position
     * is written, so {@code dst} may be {@code src} itself or start before it in the same array.
     */
    void xor(int counter, byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
        int done = 0;
        while (length - done >= BLOCK_BYTES) {
            computeBlock(counter++);
            for (int i = 0; i < 16; i += 2) {
                long k = (stream[i] & 0xFFFF_FFFFL) | (long) stream[i + 1] << 32;
                LONG.set(dst, dstOffset + done, (long) LONG.get(src, srcOffset + done) ^ k);
                done += 8;
            }
        }
        if (done < length) {
            computeBlock(counter);
            for (int i = 0; done < length; i++, done++) {
                int k = stream[i >>> 2] >>> ((i & 3) << 3);
                dst[dstOffset + done] = (byte) (src[srcOffset + done] ^ k);
            }
        }
    }

    /** Runs the 20 rounds on the state (constants, key, counter, nonce) and adds the state back. */
    private void computeBlock(int counter) {
        int k0 = key[0], k1 = key[1], k2 = key[2], k3 = key[3], k4 = key[4], k5 = key[5], k6 = key[6], k7 = key[7];
        int n0 = nonce[0], n1 = nonce[1], n2 = nonce[2];
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
        int[] s = stream;
        s[0] = x0 + C0; s[1] = x1 + C1; s[2] = x2 + C2; s[3] = x3 + C3;
        s[4] = x4 + k0; s[5] = x5 + k1; s[6] = x6 + k2; s[7] = x7 + k3;
        s[8] = x8 + k4; s[9] = x9 + k5; s[10] = x10 + k6; s[11] = x11 + k7;
        s[12] = x12 + counter; s[13] = x13 + n0; s[14] = x14 + n1; s[15] = x15 + n2;
    }
}
