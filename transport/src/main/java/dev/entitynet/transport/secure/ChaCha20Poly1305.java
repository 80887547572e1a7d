package dev.entitynet.transport.secure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * AEAD_CHACHA20_POLY1305 of RFC 8439 section 2.8 on byte arrays, allocation-free: a 256-bit key
 * set once, a 96-bit nonce and additional authenticated data (AAD) per message, a 16-byte tag
 * after the ciphertext.
 *
 * <p>{@link #seal} and {@link #open} read {@code src} and write {@code dst}; the two may be the
 * same bytes (in place), or {@code dst} may start before {@code src} in the same array (the bytes
 * move towards the front as they are processed); any other overlap is not allowed.
 *
 * <p>{@link #open} checks the tag before it decrypts anything: when it fails, {@code dst} is left
 * untouched (and so is {@code src}).
 *
 * <p>An instance holds the key and scratch state: one per thread, and never two messages under
 * the same key and nonce. The key never appears in {@code toString} or in exception messages.
 */
public final class ChaCha20Poly1305 {
    /** Key length. */
    public static final int KEY_BYTES = 32;
    /** Nonce length. */
    public static final int NONCE_BYTES = 12;
    /** Tag length. */
    public static final int TAG_BYTES = Poly1305.TAG_BYTES;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ChaCha20 chacha = new ChaCha20();
    private final Poly1305 poly = new Poly1305();
    private final byte[] oneTimeKey = new byte[ChaCha20.BLOCK_BYTES];
    private final byte[] lengths = new byte[16];
    private final byte[] expectedTag = new byte[TAG_BYTES];

    /** Uses the 32 bytes at {@code key[offset..]} as the key from now on (they are copied). */
    public void setKey(byte[] key, int offset) {
        Objects.checkFromIndexSize(offset, KEY_BYTES, key.length);
        chacha.setKey(key, offset);
    }

    /** Overwrites the key and all scratch state with zeros. */
    public void clear() {
        chacha.clear();
        poly.clear();
        Arrays.fill(oneTimeKey, (byte) 0);
        Arrays.fill(expectedTag, (byte) 0);
    }

    /**
     * Encrypts {@code length} bytes of {@code src} into {@code dst} and writes the tag right after
     * them.
     *
     * @return the bytes written to {@code dst}: {@code length + TAG_BYTES}
     */
    public int seal(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadLength,
                    byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        Objects.checkFromIndexSize(dstOffset, length + TAG_BYTES, dst.length);
        start(nonce, nonceOffset, aad, aadOffset, aadLength);
        chacha.xor(1, src, srcOffset, length, dst, dstOffset);
        authenticate(dst, dstOffset, length, aadLength);
        poly.finish(dst, dstOffset + length);
        return length + TAG_BYTES;
    }

    /**
     * Checks the tag of {@code length} bytes of {@code src} (ciphertext then tag) and, when it is
     * right, writes the {@code length - TAG_BYTES} plaintext bytes to {@code dst}.
     *
     * @return false, with {@code dst} untouched, when the input is shorter than a tag or the tag
     *     does not match the key, nonce, AAD and ciphertext
     */
    public boolean open(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadLength,
                        byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        if (length < TAG_BYTES) {
            return false;
        }
        int textLength = length - TAG_BYTES;
        Objects.checkFromIndexSize(dstOffset, textLength, dst.length);
        start(nonce, nonceOffset, aad, aadOffset, aadLength);
        authenticate(src, srcOffset, textLength, aadLength);
        poly.finish(expectedTag, 0);
        if (!tagMatches(src, srcOffset + textLength)) {
            return false;
        }
        chacha.xor(1, src, srcOffset, textLength, dst, dstOffset);
        return true;
    }

    /** Sets the nonce, derives the one-time Poly1305 key from block 0 and feeds the padded AAD. */
    private void start(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadLength) {
        Objects.checkFromIndexSize(nonceOffset, NONCE_BYTES, nonce.length);
        Objects.checkFromIndexSize(aadOffset, aadLength, aad.length);
        chacha.setNonce(nonce, nonceOffset);
        chacha.block(0, oneTimeKey, 0);
        poly.init(oneTimeKey, 0);
        poly.update(aad, aadOffset, aadLength);
        poly.padToBlock();
    }

    /** Feeds the padded ciphertext and the two lengths (section 2.8). */
    private void authenticate(byte[] ciphertext, int offset, int length, int aadLength) {
        poly.update(ciphertext, offset, length);
        poly.padToBlock();
        LONG.set(lengths, 0, (long) aadLength);
        LONG.set(lengths, 8, (long) length);
        poly.update(lengths, 0, 16);
    }

    /** Compares every byte whatever the first difference, so the time taken tells nothing. */
    private boolean tagMatches(byte[] received, int offset) {
        int difference = 0;
        for (int i = 0; i < TAG_BYTES; i++) {
            difference |= expectedTag[i] ^ received[offset + i];
        }
        return difference == 0;
    }
}
