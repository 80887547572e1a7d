package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/** DISCONNECT (8 bytes, system channel): reliable (0x84) or unreliable (0x44, takes effect at once). */
public final class DisconnectCommand {
    /** Bytes of the command. */
    public static final int SIZE = 8;

    private DisconnectCommand() {
    }

    /** Writes a DISCONNECT with system sequence number {@code sequence} and application {@code data}. */
    public static void write(ByteBuffer out, int sequence, int data, boolean reliable) {
        CommandHeader.write(out, Protocol.DISCONNECT | (reliable ? Protocol.FLAG_ACKNOWLEDGE : Protocol.FLAG_UNSEQUENCED),
                Protocol.SYSTEM_CHANNEL, sequence);
        out.putInt(data);
    }
}
