package dev.entitynet.ecs.protocol;

/**
 * The first byte of every packet, as in Godot: low 3 bits the command, high 4 bits its flags.
 * Layouts are in docs/protocol.md.
 */
public final class Command {
    /** An RPC. */
    public static final int REMOTE_CALL = 0;
    /** Announces sender path-cache id -> entity path. */
    public static final int SIMPLIFY_PATH = 1;
    /** Acknowledges a {@link #SIMPLIFY_PATH}. */
    public static final int CONFIRM_PATH = 2;
    /** Raw bytes from {@code sendBytes}. */
    public static final int RAW = 3;
    /** Replication: spawn. */
    public static final int SPAWN = 4;
    /** Replication: despawn. */
    public static final int DESPAWN = 5;
    /** Replication: state; with {@link #FLAG_DELTA} a reliable delta. */
    public static final int SYNC = 6;
    /** System messages: hello, authentication, peer add/remove, relay. */
    public static final int SYS = 7;

    /** Longest entity path (UTF-8 bytes, relative to the root path) accepted on the wire. */
    public static final int MAX_PATH_BYTES = 4096;

    /** Mask of the command in the command byte. */
    public static final int MASK = 0x07;
    /** Flag of {@link #SYNC}: the packet is a delta. */
    public static final int FLAG_DELTA = 0x10;
    /**
     * Flag of {@link #SYNC} (not in Godot): an unreliable snapshot delta-coded against a baseline
     * the receiver acknowledged.
     */
    public static final int FLAG_SNAPSHOT = 0x20;
    /** Flag of {@link #SYNC} (not in Godot): the receiver's acknowledgement of snapshots. */
    public static final int FLAG_SNAPSHOT_ACK = 0x40;

    private Command() {
    }

    /** The command of a command byte. */
    public static int of(int commandByte) {
        return commandByte & MASK;
    }

    /** The flag bits of a command byte. */
    public static int flags(int commandByte) {
        return commandByte & ~MASK & 0xFF;
    }
}
