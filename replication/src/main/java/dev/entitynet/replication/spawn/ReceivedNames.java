package dev.entitynet.replication.spawn;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * Entity names from SPAWN packets, decoded once. Interest management respawns the same entities
 * on a client again and again as they come into view, so a name seen before is handed back
 * without allocating. Bounded, so a peer sending endless fresh names cannot grow it; past the
 * bound, and for non-ASCII names, each spawn decodes its own copy.
 */
final class ReceivedNames {
    static final int MAX_CACHED = 1 << 16;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Long2ObjectOpenHashMap<String> byHash = new Long2ObjectOpenHashMap<>();

    /** The name in the {@code length} UTF-8 bytes at {@code at} of {@code in}. */
    String decode(Bytes<?> in, long at, int length) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ (in.readByte(at + i) & 0xFF)) * FNV_PRIME;
        }
        String cached = byHash.get(hash);
        if (cached != null && sameAscii(cached, in, at, length)) {
            return cached;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = in.readByte(at + i);
        }
        String name = new String(bytes, StandardCharsets.UTF_8);
        if (byHash.size() < MAX_CACHED) {
            byHash.put(hash, name);
        }
        return name;
    }

    /** Names held. */
    int size() {
        return byHash.size();
    }

    /** Whether {@code s} is ASCII and its bytes are exactly these (a hash collision is not a hit). */
    private static boolean sameAscii(String s, Bytes<?> in, long at, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (byte) c != in.readByte(at + i)) {
                return false;
            }
        }
        return true;
    }
}
