package dev.entitynet.replication.packet;

import net.openhft.chronicle.core.UnsafeMemory;

/** Copies of a few bytes between native addresses. */
public final class NativeCopy {
    private static final UnsafeMemory MEMORY = UnsafeMemory.MEMORY;

    private NativeCopy() {
    }

    /** Copies {@code length} bytes word by word: Unsafe.copyMemory costs more than the copy for values and records this small. */
    public static void copySmall(long from, long to, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            MEMORY.writeLong(to + i, MEMORY.readLong(from + i));
        }
        for (; i < length; i++) {
            MEMORY.writeByte(to + i, MEMORY.readByte(from + i));
        }
    }
}
