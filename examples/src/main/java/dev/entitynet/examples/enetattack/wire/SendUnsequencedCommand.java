package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/** SEND_UNSEQUENCED (8 bytes + payload, unsequenced flag): an unreliable, unordered packet (Godot's UNRELIABLE mode). */
public final class SendUnsequencedCommand {
    /** Bytes of the command without its payload. */
    public static final int SIZE = 8;

    private SendUnsequencedCommand() {
    }

    /** Writes the command in unsequenced group {@code group} with {@code length} payload bytes. */
    public static void write(ByteBuffer out, int channel, int group, byte[] payload, int offset, int length) {
        CommandHeader.write(out, Protocol.SEND_UNSEQUENCED | Protocol.FLAG_UNSEQUENCED, channel, 0);
        out.putShort((short) group);
        out.putShort((short) length);
        out.put(payload, offset, length);
    }
}
