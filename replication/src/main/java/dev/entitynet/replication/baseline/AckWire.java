package dev.entitynet.replication.baseline;

import dev.entitynet.ecs.protocol.Command;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The SNAPSHOT_ACK packet ({@code SYNC} with {@code FLAG_SNAPSHOT_ACK}, unreliable), written and
 * read in this one place:
 *
 * <pre>
 * u8  0x46
 * u16 newest sequence received (low 16 bits)
 * u32 bit i set: sequence newest - 1 - i was received too
 * </pre>
 *
 * A receiver sends one per tick in which snapshots arrived, so a lost ack is repeated by the next.
 */
final class AckWire {
    /** Bytes of the packet after the command byte. */
    static final int BODY = 6;

    int newest16;
    int history;

    /** Writes the packet (command byte included) into {@code out}, cleared first. */
    static void write(Bytes<?> out, int newestSequence, int history) {
        out.clear();
        out.writeByte((byte) (Command.SYNC | Command.FLAG_SNAPSHOT_ACK));
        out.writeUnsignedShort(newestSequence & 0xFFFF);
        out.writeInt(history);
    }

    /** Reads the body (read position after the command byte); false unless it is exactly {@link #BODY} bytes. */
    boolean read(Bytes<?> in) {
        long at = in.readPosition();
        if (in.readLimit() - at != BODY) {
            return false;
        }
        newest16 = in.readUnsignedShort(at);
        history = in.readInt(at + 2);
        return true;
    }

    /**
     * The full sequence number that {@code low16} stands for, taken as the one nearest at or
     * below {@code reference}.
     */
    static int extendBelow(int low16, int reference) {
        return reference - ((reference - low16) & 0xFFFF);
    }

    /** The full sequence number nearest {@code reference} (either side) that {@code low16} stands for. */
    static int extendNear(int low16, int reference) {
        return reference + (short) (low16 - reference);
    }
}
