package dev.entitynet.replication.spawn;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReceivedNamesTest {
    private final Bytes<?> in = Bytes.allocateElasticDirect(64);
    private final ReceivedNames names = new ReceivedNames();

    @AfterEach
    void release() {
        in.releaseLast();
    }

    private String decode(String name) {
        in.clear();
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        in.write(utf8);
        return names.decode(in, 0, utf8.length);
    }

    @Test
    void aNameSeenBeforeIsTheSameInstance() {
        String first = decode("mover_17");
        assertEquals("mover_17", first);
        assertSame(first, decode("mover_17"));
        assertEquals("mover_18", decode("mover_18"));
        assertEquals(2, names.size());
    }

    @Test
    void nonAsciiNamesDecodeCorrectlyEveryTime() {
        String first = decode("Zoë");
        assertEquals("Zoë", first);
        String second = decode("Zoë");
        assertEquals("Zoë", second);
        assertNotSame(first, second, "non-ASCII names are not compared in place, so they are decoded again");
    }

    @Test
    void theCacheStopsGrowingAtItsBound() {
        for (int i = 0; i < ReceivedNames.MAX_CACHED + 100; i++) {
            assertEquals("n" + i, decode("n" + i));
        }
        assertEquals(ReceivedNames.MAX_CACHED, names.size());
    }
}
