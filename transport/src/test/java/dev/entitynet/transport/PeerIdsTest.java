package dev.entitynet.transport;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerIdsTest {
    @Test
    void generatedIdsArePositiveAndNeverTheServerOrBroadcast() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            int id = PeerIds.generateUniqueId(random);
            assertTrue(id >= 2, "id " + id);
        }
    }

    @Test
    void generationRetriesWhenTheRandomSourceGivesZeroOrOne() {
        int[] values = {0, 1, 0x8000_0001, 5};
        java.util.random.RandomGenerator scripted = new java.util.random.RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new AssertionError("only nextInt is used");
            }

            @Override
            public int nextInt() {
                return values[next++];
            }
        };
        // 0 and 1 are skipped, and 0x80000001 masks to 1, so 5 is the first usable value
        assertEquals(5, PeerIds.generateUniqueId(scripted));
    }

    @Test
    void targetsFollowGodotsRules() {
        assertTrue(PeerIds.targets(0, 1));
        assertTrue(PeerIds.targets(0, 99));
        assertTrue(PeerIds.targets(99, 99));
        assertFalse(PeerIds.targets(99, 98));
        assertFalse(PeerIds.targets(-99, 99));
        assertTrue(PeerIds.targets(-99, 98));
        assertTrue(PeerIds.targets(-99, 1));
    }

    @Test
    void transferModeIdsMatchGodot() {
        assertEquals(0, TransferMode.UNRELIABLE.id());
        assertEquals(1, TransferMode.UNRELIABLE_ORDERED.id());
        assertEquals(2, TransferMode.RELIABLE.id());
        assertEquals(TransferMode.RELIABLE, TransferMode.ofId(2));
        assertThrows(IllegalArgumentException.class, () -> TransferMode.ofId(3));
    }
}
