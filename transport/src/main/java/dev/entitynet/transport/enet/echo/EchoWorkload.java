package dev.entitynet.transport.enet.echo;

import dev.entitynet.transport.enet.EnetPacketFlags;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The echo workload, identical to transport/src/test/c/echo_workload.h so Java and libenet
 * programs can check each other: packet {@code i} has a kind, channel, size and content derived
 * from {@code i} alone. Every 50th packet is a large reliable one (every 200th exactly 1 MiB); the
 * rest cycle through reliable, unreliable sequenced, unsequenced and unreliable-fragment-flagged.
 * Bytes 0-3 hold {@code i}, 4-7 the size (little-endian), the rest a pattern.
 */
public final class EchoWorkload {
    /** Reliable. */
    public static final int RELIABLE = 0;
    /** Unreliable, sequenced (flags 0). */
    public static final int SEQUENCED = 1;
    /** Unsequenced. */
    public static final int UNSEQUENCED = 2;
    /** Unreliable with the UNRELIABLE_FRAGMENT flag (sequenced). */
    public static final int UNRELIABLE_FRAGMENT = 3;
    /** The largest packet of the workload. */
    public static final int MAX_SIZE = 1 << 20;

    private EchoWorkload() {
    }

    /** The kind of packet {@code i}. */
    public static int kind(int i) {
        return i % 50 == 49 ? RELIABLE : i % 4;
    }

    /** The channel of packet {@code i}. */
    public static int channel(int i, int channels) {
        return i % channels;
    }

    /** The size of packet {@code i}. */
    public static int size(int i) {
        if (i % 200 == 199) {
            return MAX_SIZE;
        }
        if (i % 50 == 49) {
            return 20000 + (int) (Integer.toUnsignedLong(i * 7919) % 200000);
        }
        return 8 + (int) (Integer.toUnsignedLong(i * 37) % 1000);
    }

    /** Whether packet {@code i} is reliable. */
    public static boolean isReliable(int i) {
        return kind(i) == RELIABLE;
    }

    /** Whether packet {@code i} must arrive in order among the sequenced ones of its channel. */
    public static boolean isSequenced(int i) {
        return kind(i) == SEQUENCED || kind(i) == UNRELIABLE_FRAGMENT;
    }

    /** The ENet flags packet {@code i} is sent with. */
    public static int flags(int i) {
        return switch (kind(i)) {
            case RELIABLE -> EnetPacketFlags.RELIABLE;
            case SEQUENCED -> 0;
            case UNSEQUENCED -> EnetPacketFlags.UNSEQUENCED;
            default -> EnetPacketFlags.UNRELIABLE_FRAGMENT;
        };
    }

    /**
     * Whether a packet delivered with {@code delivered} flags can be packet {@code i}: ENet reports
     * RELIABLE, UNSEQUENCED, or 0 / UNRELIABLE_FRAGMENT for both sequenced kinds.
     */
    public static boolean flagsMatch(int i, int delivered) {
        int mask = EnetPacketFlags.RELIABLE | EnetPacketFlags.UNSEQUENCED;
        return (delivered & mask) == (flags(i) & mask);
    }

    /** Writes packet {@code i} at {@code offset}; {@code target} needs {@link #size(int)} bytes. */
    public static void fill(int i, BytesStore<?, ?> target, long offset) {
        int size = size(i);
        target.writeInt(offset, i);
        target.writeInt(offset + 4, size);
        for (int j = 8; j < size; j++) {
            target.writeByte(offset + j, pattern(i, j));
        }
    }

    /** Packet {@code i}'s index if {@code length} bytes at {@code offset} are exactly packet i, else -1. */
    public static int check(BytesStore<?, ?> data, long offset, long length) {
        if (length < 8) {
            return -1;
        }
        int i = data.readInt(offset);
        int size = data.readInt(offset + 4);
        if (i < 0 || size != length || size(i) != size) {
            return -1;
        }
        for (int j = 8; j < size; j++) {
            if (data.readByte(offset + j) != pattern(i, j)) {
                return -1;
            }
        }
        return i;
    }

    private static byte pattern(int i, int j) {
        return (byte) (i * 131 + j * 7);
    }
}
