package dev.entitynet.transport.secure;

import dev.entitynet.transport.secure.SecureDatagram.Side;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecureDatagramTest {
    private static final long PROTOCOL = 0x1234_5678_9ABC_DEF0L;
    private static final byte[] C2S = Hex.counting(10, 32);
    private static final byte[] S2C = Hex.counting(70, 32);

    private final SecureDatagram client = started(Side.CLIENT, PROTOCOL, C2S, S2C);
    private final SecureDatagram server = started(Side.SERVER, PROTOCOL, C2S, S2C);

    private static SecureDatagram started(Side side, long protocol, byte[] c2s, byte[] s2c) {
        SecureDatagram codec = new SecureDatagram(protocol);
        codec.start(side, c2s, 0, s2c, 0);
        return codec;
    }

    private static byte[] seal(SecureDatagram codec, int kind, byte[] payload) {
        byte[] out = new byte[payload.length + SecureDatagram.MAX_OVERHEAD_BYTES];
        return Arrays.copyOf(out, codec.seal(kind, payload, 0, payload.length, out, 0));
    }

    private static byte[] payloadOf(SecureDatagram codec, byte[] datagram) {
        return Arrays.copyOfRange(datagram, codec.payloadOffset(), codec.payloadOffset() + codec.payloadLength());
    }

    @Test
    void roundTripsBothWays() {
        for (int length : new int[] {0, 1, 63, 64, 65, 1200}) {
            byte[] payload = Hex.counting(length, length);
            byte[] up = seal(client, 3, payload);
            assertEquals(DatagramResult.ACCEPTED, server.open(up, 0, up.length), "length " + length);
            assertArrayEquals(payload, payloadOf(server, up));
            assertEquals(3, server.kind());
            byte[] down = seal(server, 15, payload);
            assertEquals(DatagramResult.ACCEPTED, client.open(down, 0, down.length));
            assertArrayEquals(payload, payloadOf(client, down));
            assertEquals(15, client.kind());
        }
        assertEquals(5, server.sequence(), "the sixth datagram from the client");
    }

    @Test
    void overheadGrowsWithTheSequenceNumberFrom18To25() {
        byte[] payload = new byte[10];
        for (int s = 0; s < 256; s++) {
            assertEquals(10 + 18, seal(client, 0, payload).length, "sequence " + s);
        }
        assertEquals(10 + 19, seal(client, 0, payload).length, "sequence 256");
        client.skipTo(1L << 16);
        assertEquals(10 + 20, seal(client, 0, payload).length);
        client.skipTo(Long.MIN_VALUE);
        byte[] longest = seal(client, 0, payload);
        assertEquals(10 + SecureDatagram.MAX_OVERHEAD_BYTES, longest.length);
        assertEquals(DatagramResult.ACCEPTED, server.open(longest, 0, longest.length));
        assertEquals(Long.MIN_VALUE, server.sequence());
    }

    @Test
    void refusesToSealOnceSequenceNumbersRunOut() {
        client.skipTo(-2L);
        byte[] last = seal(client, 0, new byte[1]);
        assertEquals(DatagramResult.ACCEPTED, server.open(last, 0, last.length));
        assertThrows(IllegalStateException.class, () -> seal(client, 0, new byte[1]));
    }

    @Test
    void sealsInPlaceBehindHeaderRoom() {
        byte[] payload = Hex.counting(1, 100);
        SecureDatagram twin = started(Side.CLIENT, PROTOCOL, C2S, S2C);
        byte[] expected = seal(twin, 2, payload);

        byte[] buffer = new byte[SecureDatagram.MAX_HEADER_BYTES + 100 + 16];
        System.arraycopy(payload, 0, buffer, SecureDatagram.MAX_HEADER_BYTES, 100);
        int length = client.seal(2, buffer, SecureDatagram.MAX_HEADER_BYTES, 100, buffer, 0);
        assertArrayEquals(expected, Arrays.copyOf(buffer, length));
        assertEquals(DatagramResult.ACCEPTED, server.open(buffer, 0, length));
        assertArrayEquals(payload, payloadOf(server, buffer));

        assertThrows(IllegalArgumentException.class, () -> client.seal(0, buffer, 4, 100, buffer, 0), "too little header room");
        assertThrows(IllegalArgumentException.class, () -> client.seal(16, payload, 0, 1, buffer, 0), "kind above 15");
    }

    @Test
    void refusesForgedDatagramsAndLeavesThemUntouched() {
        byte[] datagram = seal(client, 1, Hex.counting(0, 40));
        for (int bit = 8; bit < 8 * datagram.length; bit++) {
            byte[] forged = datagram.clone();
            forged[bit / 8] ^= (byte) (1 << (bit % 8));
            byte[] before = forged.clone();
            DatagramResult result = server.open(forged, 0, forged.length);
            assertEquals(DatagramResult.BAD_TAG, result, "bit " + bit);
            assertArrayEquals(before, forged, "untouched after bit " + bit);
        }
        for (int bit = 0; bit < 8; bit++) {
            byte[] forged = datagram.clone();
            forged[0] ^= (byte) (1 << bit);
            DatagramResult result = server.open(forged, 0, forged.length);
            // The low bits are the sequence byte count; the high bits the kind, which the tag covers.
            assertNotEquals(DatagramResult.ACCEPTED, result, "prefix bit " + bit);
        }
        assertEquals(DatagramResult.ACCEPTED, server.open(datagram, 0, datagram.length), "the real one still passes");
    }

    @Test
    void refusesTruncatedDatagrams() {
        byte[] datagram = seal(client, 1, Hex.counting(0, 40));
        for (int length = 0; length < datagram.length; length++) {
            DatagramResult result = server.open(datagram.clone(), 0, length);
            assertEquals(length < SecureDatagram.MIN_DATAGRAM_BYTES ? DatagramResult.TOO_SHORT : DatagramResult.BAD_TAG,
                    result, "length " + length);
        }
        byte[] eightSequenceBytes = {0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(DatagramResult.TOO_SHORT, server.open(eightSequenceBytes, 0, eightSequenceBytes.length),
                "no room for the tag after eight sequence bytes");
    }

    @Test
    void refusesBadPrefixesAndPaddedSequenceNumbers() {
        byte[] datagram = seal(client, 1, new byte[8]);
        for (int count : new int[] {0, 9, 12, 15}) {
            byte[] bad = datagram.clone();
            bad[0] = (byte) (0x10 | count);
            assertEquals(DatagramResult.BAD_PREFIX, server.open(bad, 0, bad.length), "count " + count);
        }
        byte[] padded = new byte[datagram.length + 1];
        padded[0] = 0x12;
        System.arraycopy(datagram, 1, padded, 1, 1);
        System.arraycopy(datagram, 2, padded, 3, datagram.length - 2);
        assertEquals(DatagramResult.BAD_SEQUENCE, server.open(padded, 0, padded.length), "sequence 0 in two bytes");
    }

    @Test
    void dropsReplaysAndWhatFellBehindTheWindow() {
        byte[] first = seal(client, 0, new byte[5]);
        assertEquals(DatagramResult.ACCEPTED, server.open(first.clone(), 0, first.length));
        assertEquals(DatagramResult.DUPLICATE, server.open(first.clone(), 0, first.length));

        byte[][] sent = new byte[ReplayWindow.SIZE + 10][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = seal(client, 0, new byte[5]);
        }
        // Delivered newest first: all but the oldest ten fit in the window.
        for (int i = sent.length - 1; i >= 0; i--) {
            DatagramResult expected = i >= 10 ? DatagramResult.ACCEPTED : DatagramResult.TOO_OLD;
            assertEquals(expected, server.open(sent[i], 0, sent[i].length), "datagram " + (i + 1));
        }
        assertEquals(DatagramResult.TOO_OLD, server.open(first, 0, first.length));
    }

    @Test
    void refusesDatagramsOfAnotherSessionProtocolOrDirection() {
        byte[] datagram = seal(client, 0, Hex.counting(0, 30));
        SecureDatagram otherSession = started(Side.SERVER, PROTOCOL, Hex.counting(11, 32), S2C);
        assertEquals(DatagramResult.BAD_TAG, otherSession.open(datagram.clone(), 0, datagram.length));
        SecureDatagram otherProtocol = started(Side.SERVER, PROTOCOL + 1, C2S, S2C);
        assertEquals(DatagramResult.BAD_TAG, otherProtocol.open(datagram.clone(), 0, datagram.length));

        // Even with one key for both directions, a datagram reflected back to its sender fails.
        SecureDatagram sameKeys = started(Side.CLIENT, PROTOCOL, C2S, C2S);
        byte[] own = seal(sameKeys, 0, Hex.counting(0, 30));
        assertEquals(DatagramResult.BAD_TAG, sameKeys.open(own, 0, own.length));
    }

    @Test
    void aRestartedCodecStartsANewSession() {
        byte[] old = seal(client, 0, new byte[3]);
        server.stop();
        assertThrows(IllegalStateException.class, () -> server.open(old, 0, old.length));
        byte[] newC2s = Hex.counting(99, 32);
        server.start(Side.SERVER, newC2s, 0, S2C, 0);
        client.start(Side.CLIENT, newC2s, 0, S2C, 0);
        assertEquals(DatagramResult.BAD_TAG, server.open(old.clone(), 0, old.length), "the old key is gone");
        byte[] fresh = seal(client, 0, new byte[3]);
        assertEquals(DatagramResult.ACCEPTED, server.open(fresh, 0, fresh.length));
        assertEquals(0, server.sequence());
    }

    @Test
    void randomGarbageAlwaysGetsAReasonAndNeverThrows() {
        long seed = new Random().nextLong();
        System.out.println("SecureDatagramTest garbage seed " + seed);
        Random random = new Random(seed);
        Map<DatagramResult, Integer> counts = new EnumMap<>(DatagramResult.class);
        byte[] real = seal(client, 4, Hex.counting(0, 200));
        for (int i = 0; i < 50_000; i++) {
            byte[] garbage;
            if (i % 2 == 0) {
                garbage = new byte[random.nextInt(1500)];
                random.nextBytes(garbage);
            } else {
                // A real datagram with a few random bytes changed and a random length.
                garbage = Arrays.copyOf(real, random.nextInt(real.length + 20));
                for (int j = 1 + random.nextInt(3); j > 0 && garbage.length > 0; j--) {
                    garbage[random.nextInt(garbage.length)] = (byte) random.nextInt();
                }
            }
            byte[] before = garbage.clone();
            DatagramResult result = server.open(garbage, 0, garbage.length);
            assertNotNull(result);
            if (result == DatagramResult.ACCEPTED) {
                // Only the real datagram, unchanged, may pass (once).
                assertArrayEquals(real, before, "seed " + seed + " iteration " + i);
            } else {
                assertArrayEquals(before, garbage, "dropped bytes untouched, seed " + seed + " iteration " + i);
            }
            counts.merge(result, 1, Integer::sum);
        }
        System.out.println("SecureDatagramTest garbage results " + counts);
    }

    @Test
    void sealAndOpenAllocateNothing() {
        byte[] small = new byte[64 + SecureDatagram.MAX_OVERHEAD_BYTES];
        byte[] large = new byte[1200 + SecureDatagram.MAX_OVERHEAD_BYTES];
        byte[] payload = new byte[1200];
        long allocated = Allocations.measure(20_000, () -> {
            int n = client.seal(1, payload, 0, 64, small, 0);
            if (server.open(small, 0, n) != DatagramResult.ACCEPTED) {
                throw new AssertionError("64-byte round trip failed");
            }
            n = client.seal(1, payload, 0, 1200, large, 0);
            if (server.open(large, 0, n) != DatagramResult.ACCEPTED) {
                throw new AssertionError("1,200-byte round trip failed");
            }
            if (server.open(large, 0, n) != DatagramResult.DUPLICATE) {
                throw new AssertionError("replay accepted");
            }
        });
        assertEquals(0, allocated);
    }
}
