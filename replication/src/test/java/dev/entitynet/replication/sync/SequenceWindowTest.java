package dev.entitynet.replication.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceWindowTest {

    @Test
    void dropsDuplicatesAcceptsReorderedAndSurvivesJumps() {
        SequenceWindow w = new SequenceWindow();
        assertTrue(w.accept(5, 10));
        assertFalse(w.accept(5, 10), "duplicate");
        assertTrue(w.accept(5, 12));
        assertTrue(w.accept(5, 11), "reordered, not seen yet");
        assertFalse(w.accept(5, 11));
        assertTrue(w.accept(6, 11), "streams are per sender");
        assertTrue(w.accept(5, 1_000_000));
        assertTrue(w.accept(5, 13), "far behind: let through, records are filtered by tick");
        assertTrue(w.accept(5, Integer.MIN_VALUE + 1_000_001), "wraps around");
    }
}
