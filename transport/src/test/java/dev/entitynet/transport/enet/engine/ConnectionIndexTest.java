package dev.entitynet.transport.enet.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionIndexTest {
    private record Key(long endpoint, int connectId) {
    }

    @Test
    void findsWhatAMultimapWouldWithManyConnectionsOnOneEndpoint() {
        SplittableRandom random = new SplittableRandom(20261203L);
        int ids = 500;
        ConnectionIndex index = new ConnectionIndex(ids, 42);
        Map<Key, List<Integer>> expected = new HashMap<>();
        Key[] keyOf = new Key[ids];
        for (int step = 0; step < 300_000; step++) {
            int id = random.nextInt(ids);
            if (keyOf[id] == null) {
                // one endpoint for most (one libenet host, many peers) and few connect ids, so keys repeat
                long endpoint = random.nextInt(4) == 0 ? random.nextLong(1L << 48) : 0x7F000001_9C40L;
                Key key = new Key(endpoint, random.nextInt(64));
                index.add(key.endpoint(), key.connectId(), id);
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                keyOf[id] = key;
            } else {
                Key key = keyOf[id];
                index.remove(key.endpoint(), key.connectId(), id);
                expected.get(key).remove(Integer.valueOf(id));
                keyOf[id] = null;
            }
            Key probe = keyOf[random.nextInt(ids)];
            if (probe != null) {
                int found = index.find(probe.endpoint(), probe.connectId());
                assertTrue(expected.get(probe).contains(found), "found " + found + " for " + probe);
            }
            Key absent = new Key(0x7F000001_9C40L, 64 + random.nextInt(64));
            assertEquals(-1, index.find(absent.endpoint(), absent.connectId()));
        }
    }
}
