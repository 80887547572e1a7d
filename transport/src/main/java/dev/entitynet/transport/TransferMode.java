package dev.entitynet.transport;

/**
 * How a packet travels, with Godot's {@code MultiplayerPeer.TransferMode} semantics and numbering.
 */
public enum TransferMode {
    /** May be lost, duplicated or reordered. Godot's ENet mapping sends it unsequenced. */
    UNRELIABLE,
    /** May be lost; anything older than what was already delivered on the channel is dropped. */
    UNRELIABLE_ORDERED,
    /** Arrives exactly once, in order per channel. */
    RELIABLE;

    private static final TransferMode[] BY_ID = values();

    /** The mode's wire id (Godot's enum value: 0, 1, 2). */
    public int id() {
        return ordinal();
    }

    /**
     * The mode for a wire id.
     *
     * @throws IllegalArgumentException when {@code id} is not 0, 1 or 2
     */
    public static TransferMode ofId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("transfer mode id " + id + " is not 0, 1 or 2");
        }
        return BY_ID[id];
    }
}
