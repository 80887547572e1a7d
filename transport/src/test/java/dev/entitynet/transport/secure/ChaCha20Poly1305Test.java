package dev.entitynet.transport.secure;

import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;

import static dev.entitynet.transport.secure.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChaCha20Poly1305Test {
    private static final byte[] A5_KEY = bytes("1c 92 40 a5 eb 55 d3 8a f3 33 88 86 04 f6 b5 f0 47 39 17 c1 40 2b 80 09 9d ca 5c bc 20 70 75 c0");

    private static ChaCha20Poly1305 keyed(byte[] key) {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.setKey(key, 0);
        return aead;
    }

    private static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + ChaCha20Poly1305.TAG_BYTES];
        keyed(key).seal(nonce, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** The plaintext, or null when open refuses. */
    private static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        byte[] out = new byte[Math.max(0, sealed.length - ChaCha20Poly1305.TAG_BYTES)];
        return keyed(key).open(nonce, 0, aad, 0, aad.length, sealed, 0, sealed.length, out, 0) ? out : null;
    }

    /** The one-time Poly1305 key is the first half of ChaCha20 block 0 (section 2.6). */
    private static byte[] oneTimeKey(byte[] key, byte[] nonce) {
        ChaCha20 chacha = new ChaCha20();
        chacha.setKey(key, 0);
        chacha.setNonce(nonce, 0);
        byte[] block = new byte[64];
        chacha.block(0, block, 0);
        return Arrays.copyOf(block, 32);
    }

    @Test
    void keyGenerationSection262() {
        assertArrayEquals(bytes("8a d5 a0 8b 90 5f 81 cc 81 50 40 27 4a b2 94 71 a8 33 b6 37 e3 fd 0d a5 08 db b8 e2 fd d1 a6 46"),
                oneTimeKey(Hex.counting(0x80, 32), bytes("00 00 00 00 00 01 02 03 04 05 06 07")));
    }

    @Test
    void keyGenerationAppendixA4() {
        byte[] nonce2 = bytes("00 00 00 00 00 00 00 00 00 00 00 02");
        byte[] keyEndingInOne = new byte[32];
        keyEndingInOne[31] = 1;
        assertArrayEquals(bytes("76 b8 e0 ad a0 f1 3d 90 40 5d 6a e5 53 86 bd 28 bd d2 19 b8 a0 8d ed 1a a8 36 ef cc 8b 77 0d c7"),
                oneTimeKey(new byte[32], new byte[12]), "#1");
        assertArrayEquals(bytes("ec fa 25 4f 84 5f 64 74 73 d3 cb 14 0d a9 e8 76 06 cb 33 06 6c 44 7b 87 bc 26 66 dd e3 fb b7 39"),
                oneTimeKey(keyEndingInOne, nonce2), "#2");
        assertArrayEquals(bytes("96 5e 3b c6 f9 ec 7e d9 56 08 08 f4 d2 29 f9 4b 13 7f f2 75 ca 9b 3f cb dd 59 de aa d2 33 10 ae"),
                oneTimeKey(A5_KEY, nonce2), "#3");
    }

    @Test
    void aeadSection282() {
        byte[] key = Hex.counting(0x80, 32);
        byte[] nonce = bytes("07 00 00 00 40 41 42 43 44 45 46 47");
        byte[] aad = bytes("50 51 52 53 c0 c1 c2 c3 c4 c5 c6 c7");
        byte[] expected = bytes("""
                d3 1a 8d 34 64 8e 60 db 7b 86 af bc 53 ef 7e c2 a4 ad ed 51 29 6e 08 fe a9 e2 b5 a7 36 ee 62 d6
                3d be a4 5e 8c a9 67 12 82 fa fb 69 da 92 72 8b 1a 71 de 0a 9e 06 0b 29 05 d6 a5 b6 7e cd 3b 36
                92 dd bd 7f 2d 77 8b 8c 98 03 ae e3 28 09 1b 58 fa b3 24 e4 fa d6 75 94 55 85 80 8b 48 31 d7 bc
                3f f4 de f0 8e 4b 7a 9d e5 76 d2 65 86 ce c6 4b 61 16
                1a:e1:0b:59:4f:09:e2:6a:7e:90:2e:cb:d0:60:06:91""");
        assertArrayEquals(expected, seal(key, nonce, aad, RfcTexts.SUNSCREEN));
        assertArrayEquals(RfcTexts.SUNSCREEN, open(key, nonce, aad, expected));
    }

    @Test
    void decryptionAppendixA5() {
        byte[] sealed = bytes("""
                64 a0 86 15 75 86 1a f4 60 f0 62 c7 9b e6 43 bd 5e 80 5c fd 34 5c f3 89 f1 08 67 0a c7 6c 8c b2
                4c 6c fc 18 75 5d 43 ee a0 9e e9 4e 38 2d 26 b0 bd b7 b7 3c 32 1b 01 00 d4 f0 3b 7f 35 58 94 cf
                33 2f 83 0e 71 0b 97 ce 98 c8 a8 4a bd 0b 94 81 14 ad 17 6e 00 8d 33 bd 60 f9 82 b1 ff 37 c8 55
                97 97 a0 6e f4 f0 ef 61 c1 86 32 4e 2b 35 06 38 36 06 90 7b 6a 7c 02 b0 f9 f6 15 7b 53 c8 67 e4
                b9 16 6c 76 7b 80 4d 46 a5 9b 52 16 cd e7 a4 e9 90 40 c5 a4 04 33 22 5e e2 82 a1 b0 a0 6c 52 3e
                af 45 34 d7 f8 3f a1 15 5b 00 47 71 8c bc 54 6a 0d 07 2b 04 b3 56 4e ea 1b 42 22 73 f5 48 27 1a
                0b b2 31 60 53 fa 76 99 19 55 eb d6 31 59 43 4e ce bb 4e 46 6d ae 5a 10 73 a6 72 76 27 09 7a 10
                49 e6 17 d9 1d 36 10 94 fa 68 f0 ff 77 98 71 30 30 5b ea ba 2e da 04 df 99 7b 71 4d 6c 6f 2c 29
                a6 ad 5c b4 02 2b 02 70 9b
                ee ad 9d 67 89 0c bb 22 39 23 36 fe a1 85 1f 38""");
        byte[] nonce = bytes("00 00 00 00 01 02 03 04 05 06 07 08");
        byte[] aad = bytes("f3 33 88 86 00 00 00 00 00 00 4e 91");
        byte[] expected = Hex.ascii("Internet-Drafts are draft documents valid for a maximum of six months and may be"
                + " updated, replaced, or obsoleted by other documents at any time. It is inappropriate to use"
                + " Internet-Drafts as reference material or to cite them other than as /\u201cwork in progress./\u201d");
        assertArrayEquals(expected, open(A5_KEY, nonce, aad, sealed));
        assertArrayEquals(sealed, seal(A5_KEY, nonce, aad, expected));
    }

    @Test
    void agreesWithTheJdkBothWaysOnEveryLengthUpTo2000() throws GeneralSecurityException {
        long seed = new Random().nextLong();
        System.out.println("ChaCha20Poly1305Test JDK cross-check seed " + seed);
        Random random = new Random(seed);
        for (int length = 0; length <= 2000; length++) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[12];
            byte[] aad = new byte[random.nextInt(80)];
            byte[] plaintext = new byte[length];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(aad);
            random.nextBytes(plaintext);
            String context = "seed " + seed + " length " + length + " aad " + aad.length;

            byte[] ours = seal(key, nonce, aad, plaintext);
            assertArrayEquals(plaintext, JdkCiphers.open(key, nonce, aad, ours), "JDK opens ours, " + context);
            byte[] theirs = JdkCiphers.seal(key, nonce, aad, plaintext);
            assertArrayEquals(theirs, ours, "same bytes, " + context);
            assertArrayEquals(plaintext, open(key, nonce, aad, theirs), "we open the JDK's, " + context);
        }
    }

    @Test
    void sealsAndOpensInPlaceAndTowardsTheFront() {
        byte[] key = Hex.counting(7, 32);
        byte[] nonce = Hex.counting(100, 12);
        byte[] aad = Hex.counting(200, 9);
        byte[] plaintext = Hex.counting(1, 1200);
        byte[] expected = seal(key, nonce, aad, plaintext);
        ChaCha20Poly1305 aead = keyed(key);

        byte[] buffer = Arrays.copyOf(plaintext, plaintext.length + 16);
        assertEquals(1216, aead.seal(nonce, 0, aad, 0, aad.length, buffer, 0, 1200, buffer, 0));
        assertArrayEquals(expected, buffer, "sealed in place");
        assertTrue(aead.open(nonce, 0, aad, 0, aad.length, buffer, 0, 1216, buffer, 0));
        assertArrayEquals(plaintext, Arrays.copyOf(buffer, 1200), "opened in place");

        byte[] shifted = new byte[9 + 1216];
        System.arraycopy(plaintext, 0, shifted, 9, 1200);
        aead.seal(nonce, 0, aad, 0, aad.length, shifted, 9, 1200, shifted, 0);
        assertArrayEquals(expected, Arrays.copyOf(shifted, 1216), "sealed towards the front");
    }

    /** Open fails for any one flipped bit of ciphertext, tag or AAD, and then writes nothing. */
    @Test
    void everyFlippedBitIsRefusedAndLeavesTheOutputUntouched() {
        byte[] key = Hex.counting(3, 32);
        byte[] nonce = Hex.counting(50, 12);
        byte[] aad = Hex.counting(90, 13);
        byte[] sealed = seal(key, nonce, aad, Hex.counting(0, 45));
        ChaCha20Poly1305 aead = keyed(key);
        byte[] output = new byte[45];
        for (int bit = 0; bit < 8 * (sealed.length + aad.length); bit++) {
            byte[] tamperedSealed = sealed.clone();
            byte[] tamperedAad = aad.clone();
            int index = bit / 8;
            if (index < sealed.length) {
                tamperedSealed[index] ^= (byte) (1 << (bit % 8));
            } else {
                tamperedAad[index - sealed.length] ^= (byte) (1 << (bit % 8));
            }
            Arrays.fill(output, (byte) 0x5A);
            byte[] before = tamperedSealed.clone();
            assertFalse(aead.open(nonce, 0, tamperedAad, 0, aad.length, tamperedSealed, 0, sealed.length, output, 0), "bit " + bit);
            assertArrayEquals(filled(45, 0x5A), output, "separate output untouched after bit " + bit);
            assertFalse(aead.open(nonce, 0, tamperedAad, 0, aad.length, tamperedSealed, 0, sealed.length, tamperedSealed, 0));
            assertArrayEquals(before, tamperedSealed, "in-place input untouched after bit " + bit);
        }
        assertNotNull(open(key, nonce, aad, sealed), "the untampered message still opens");
    }

    @Test
    void wrongKeyNonceOrLengthIsRefused() {
        byte[] key = Hex.counting(3, 32);
        byte[] nonce = Hex.counting(50, 12);
        byte[] sealed = seal(key, nonce, new byte[0], Hex.counting(0, 64));
        assertEquals(null, open(Hex.counting(4, 32), nonce, new byte[0], sealed));
        assertEquals(null, open(key, Hex.counting(51, 12), new byte[0], sealed));
        assertEquals(null, open(key, nonce, new byte[0], Arrays.copyOf(sealed, sealed.length - 1)));
        assertEquals(null, open(key, nonce, new byte[0], new byte[15]), "shorter than a tag");
        assertNotNull(open(key, nonce, new byte[0], seal(key, nonce, new byte[0], new byte[0])), "empty plaintext");
    }

    @Test
    void sealAndOpenAllocateNothing() {
        ChaCha20Poly1305 aead = keyed(Hex.counting(9, 32));
        byte[] nonce = new byte[12];
        byte[] aad = new byte[9];
        byte[] buffer = new byte[1200 + 16];
        long allocated = Allocations.measure(20_000, () -> {
            nonce[4]++;
            aead.seal(nonce, 0, aad, 0, aad.length, buffer, 0, 1200, buffer, 0);
            if (!aead.open(nonce, 0, aad, 0, aad.length, buffer, 0, 1216, buffer, 0)) {
                throw new AssertionError("round trip failed");
            }
        });
        assertEquals(0, allocated, "bytes allocated by one 1,200-byte seal and open after warm-up");
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
