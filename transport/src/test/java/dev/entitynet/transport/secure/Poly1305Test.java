package dev.entitynet.transport.secure;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static dev.entitynet.transport.secure.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class Poly1305Test {
    private static byte[] tag(byte[] key, byte[] message) {
        Poly1305 poly = new Poly1305();
        poly.init(key, 0);
        poly.update(message, 0, message.length);
        byte[] tag = new byte[16];
        poly.finish(tag, 0);
        return tag;
    }

    /** Section 2.5 read literally, with big integers: the reference the limb arithmetic must match. */
    private static byte[] definition(byte[] key, byte[] message) {
        BigInteger p = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));
        BigInteger r = littleEndian(key, 0, 16).and(new BigInteger("0ffffffc0ffffffc0ffffffc0fffffff", 16));
        BigInteger s = littleEndian(key, 16, 16);
        BigInteger accumulator = BigInteger.ZERO;
        for (int i = 0; i < message.length; i += 16) {
            int n = Math.min(16, message.length - i);
            BigInteger block = littleEndian(message, i, n).setBit(8 * n);
            accumulator = accumulator.add(block).multiply(r).mod(p);
        }
        byte[] big = accumulator.add(s).toByteArray();
        byte[] tag = new byte[16];
        for (int i = 0; i < 16 && i < big.length; i++) {
            tag[i] = big[big.length - 1 - i];
        }
        return tag;
    }

    private static BigInteger littleEndian(byte[] bytes, int offset, int length) {
        byte[] big = new byte[length + 1];
        for (int i = 0; i < length; i++) {
            big[length - i] = bytes[offset + i];
        }
        return new BigInteger(big);
    }

    @Test
    void exampleSection252() {
        byte[] key = bytes("85:d6:be:78:57:55:6d:33:7f:44:52:fe:42:d5:06:a8:01:03:80:8a:fb:0d:b2:fd:4a:bf:f6:af:41:49:f5:1b");
        byte[] expected = bytes("a8:06:1d:c1:30:51:36:c6:c2:2b:8b:af:0c:01:27:a9");
        assertArrayEquals(expected, tag(key, Hex.ascii("Cryptographic Forum Research Group")));
        assertArrayEquals(expected, definition(key, Hex.ascii("Cryptographic Forum Research Group")));
    }

    @Test
    void appendixA3() {
        byte[] zeros32 = new byte[32];
        check("#1", zeros32, new byte[64], "00000000000000000000000000000000");
        check("#2", bytes("00000000000000000000000000000000 36e5f6b5c5e06070f0efca96227a863e"), RfcTexts.IETF,
                "36e5f6b5c5e06070f0efca96227a863e");
        check("#3", bytes("36e5f6b5c5e06070f0efca96227a863e 00000000000000000000000000000000"), RfcTexts.IETF,
                "f3477e7cd95417af89a6b8794c310cf0");
        check("#4", bytes("1c9240a5eb55d38af333888604f6b5f0 473917c1402b80099dca5cbc207075c0"), RfcTexts.JABBERWOCKY,
                "4541669a7eaaee61e708dc7cbcc5eb62");
        String r2 = "02000000000000000000000000000000";
        String r1 = "01000000000000000000000000000000";
        String s0 = "00000000000000000000000000000000";
        String ones = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
        check("#5", bytes(r2 + s0), bytes(ones), "03000000000000000000000000000000");
        check("#6", bytes(r2 + ones), bytes("02000000000000000000000000000000"), "03000000000000000000000000000000");
        check("#7", bytes(r1 + s0), bytes(ones + "F0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF 11000000000000000000000000000000"),
                "05000000000000000000000000000000");
        check("#8", bytes(r1 + s0), bytes(ones + "FBFEFEFEFEFEFEFEFEFEFEFEFEFEFEFE 01010101010101010101010101010101"),
                "00000000000000000000000000000000");
        check("#9", bytes(r2 + s0), bytes("FDFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), "FAFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
        String r10 = "01000000000000000400000000000000";
        String data10 = "E33594D7505E43B90000000000000000 3394D7505E4379CD0100000000000000 00000000000000000000000000000000";
        check("#10", bytes(r10 + s0), bytes(data10 + "01000000000000000000000000000000"), "14000000000000005500000000000000");
        check("#11", bytes(r10 + s0), bytes(data10), "13000000000000000000000000000000");
    }

    private static void check(String name, byte[] key, byte[] message, String expectedTag) {
        assertArrayEquals(bytes(expectedTag), tag(key, message), name);
        assertArrayEquals(bytes(expectedTag), definition(key, message), name + " (big integers)");
    }

    @Test
    void matchesTheDefinitionOnRandomKeysMessagesAndChunks() {
        long seed = new Random().nextLong();
        System.out.println("Poly1305Test seed " + seed);
        Random random = new Random(seed);
        Poly1305 poly = new Poly1305();
        for (int trial = 0; trial < 2000; trial++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            if (trial % 4 == 0) {
                // Extreme limbs: all ones where the clamp allows, and messages of all ones.
                Arrays.fill(key, (byte) 0xFF);
            }
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            if (trial % 8 == 0) {
                Arrays.fill(message, (byte) 0xFF);
            }
            poly.init(key, 0);
            for (int done = 0; done < message.length; ) {
                int chunk = Math.min(message.length - done, random.nextInt(40));
                poly.update(message, done, chunk);
                done += chunk;
            }
            byte[] tag = new byte[16];
            poly.finish(tag, 0);
            assertArrayEquals(definition(key, message), tag, "seed " + seed + " trial " + trial);
        }
    }
}
