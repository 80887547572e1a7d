package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/**
 * ACKNOWLEDGE (8 bytes, no flags): acknowledges one reliable command on its channel and echoes
 * the sent time of the datagram that carried it.
 *
 * @param channel the acknowledged command's channel
 * @param sequence its reliable sequence number (written in the header and the body)
 * @param receivedSentTime the 16-bit sent time echoed
 */
public record AcknowledgeCommand(int channel, int sequence, int receivedSentTime) {
    /** Bytes of the command. */
    public static final int SIZE = 8;

    /** Writes this command at the buffer's position. */
    public void write(ByteBuffer out) {
        CommandHeader.write(out, Protocol.ACKNOWLEDGE, channel, sequence);
        out.putShort((short) sequence);
        out.putShort((short) receivedSentTime);
    }

    /** Reads the ACKNOWLEDGE starting at {@code at}. */
    public static AcknowledgeCommand read(ByteBuffer in, int at) {
        return new AcknowledgeCommand(in.get(at + 1) & 0xFF, in.getShort(at + 4) & 0xFFFF, in.getShort(at + 6) & 0xFFFF);
    }
}
