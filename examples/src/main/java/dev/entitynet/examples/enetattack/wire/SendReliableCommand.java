package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/** SEND_RELIABLE (6 bytes + payload, acknowledge flag): one reliable, ordered packet on a channel. */
public final class SendReliableCommand {
    /** Bytes of the command without its payload. */
    public static final int SIZE = 6;

    private SendReliableCommand() {
    }

    /** Writes the command with reliable sequence number {@code sequence} and {@code length} payload bytes. */
    public static void write(ByteBuffer out, int channel, int sequence, byte[] payload, int offset, int length) {
        CommandHeader.write(out, Protocol.SEND_RELIABLE | Protocol.FLAG_ACKNOWLEDGE, channel, sequence);
        out.putShort((short) length);
        out.put(payload, offset, length);
    }
}
