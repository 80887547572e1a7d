package dev.entitynet.examples.enetattack;

import dev.entitynet.ecs.protocol.Command;

import java.nio.ByteBuffer;

/**
 * Payloads shaped like SceneMultiplayer traffic, so an attack's data looks like a game client's:
 * reliable packets are RAW commands (command byte, then bytes), unreliable ones SYNC commands
 * (command byte, a 4-byte network id, then state bytes). Godot's ENet mapping sends the reliable
 * ones on ENet channel 0 and the unreliable ones unsequenced on channel 1.
 */
final class SceneTraffic {
    /** ENet channel of reliable SceneMultiplayer traffic. */
    static final int RELIABLE_CHANNEL = 0;
    /** ENet channel of unreliable SceneMultiplayer traffic. */
    static final int UNRELIABLE_CHANNEL = 1;

    private SceneTraffic() {
    }

    /** A RAW packet of {@code size} bytes (at least 5) numbered {@code index}. */
    static byte[] raw(int index, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(5, size));
        b.put((byte) Command.RAW).putInt(index);
        while (b.hasRemaining()) {
            b.put((byte) (index + b.position()));
        }
        return b.array();
    }

    /** A SYNC packet of {@code size} bytes (at least 5) for network id {@code netId}. */
    static byte[] sync(int netId, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(5, size));
        b.put((byte) Command.SYNC).putInt(netId);
        while (b.hasRemaining()) {
            b.put((byte) b.position());
        }
        return b.array();
    }
}
