package dev.entitynet.replication.wire;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.replication.packet.VarInt;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.UnsafeMemory;

/**
 * DESPAWN (command 5, RELIABLE, channel 0): {@code [0x05][varint net id]}, the namespace being the
 * sender. Encoded and decoded in this one place.
 */
public final class DespawnMessage {
    private DespawnMessage() {
    }

    /** Longest DESPAWN. */
    public static final int MAX_LENGTH = 6;

    /** Writes a DESPAWN of {@code netId} into {@code out} (cleared first; raw stores, it is sent per peer and change). */
    public static void encode(Bytes<?> out, int netId) {
        out.clear();
        if (out.realCapacity() < MAX_LENGTH) {
            out.ensureCapacity(MAX_LENGTH);
        }
        long address = out.addressForWrite(0);
        UnsafeMemory.MEMORY.writeByte(address, (byte) Command.DESPAWN);
        out.writePosition(1 + VarInt.put(address + 1, netId));
    }

    /**
     * The net id of the DESPAWN in {@code in} (read position after the command byte), or -1 when the
     * packet is not exactly one varint.
     */
    public static int decode(Bytes<?> in) {
        long r = VarInt.read(in, in.readPosition(), in.readLimit());
        return r < 0 || VarInt.length(r) != in.readRemaining() ? -1 : VarInt.value(r);
    }
}
