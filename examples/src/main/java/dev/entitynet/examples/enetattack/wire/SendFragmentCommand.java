package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/**
 * SEND_FRAGMENT (24 bytes + payload, acknowledge flag): one piece of a reliable packet. The
 * receiver groups pieces by (channel, start sequence number), sizes the packet from
 * {@code totalLength} and delivers it once {@code fragmentCount} distinct pieces arrived. Nothing
 * in the format forces the pieces to tile the packet: that is what the leak attack relies on.
 *
 * @param channel the channel
 * @param sequence this piece's own reliable sequence number (what the acknowledgement names)
 * @param startSequence the sequence number of the group's first piece
 * @param fragmentCount pieces in the group
 * @param fragmentNumber this piece's index
 * @param totalLength the packet's claimed length
 * @param fragmentOffset where this piece's bytes go
 */
public record SendFragmentCommand(int channel, int sequence, int startSequence, int fragmentCount, int fragmentNumber,
                                  int totalLength, int fragmentOffset) {
    /** Bytes of the command without its payload. */
    public static final int SIZE = Protocol.FRAGMENT_COMMAND_SIZE;

    /** Writes this piece with {@code length} payload bytes. */
    public void write(ByteBuffer out, byte[] payload, int offset, int length) {
        CommandHeader.write(out, Protocol.SEND_FRAGMENT | Protocol.FLAG_ACKNOWLEDGE, channel, sequence);
        out.putShort((short) startSequence);
        out.putShort((short) length);
        out.putInt(fragmentCount);
        out.putInt(fragmentNumber);
        out.putInt(totalLength);
        out.putInt(fragmentOffset);
        out.put(payload, offset, length);
    }

    /** Reads the fields of the SEND_FRAGMENT starting at {@code at} (its payload follows at {@code at + SIZE}). */
    public static SendFragmentCommand read(ByteBuffer in, int at) {
        return new SendFragmentCommand(in.get(at + 1) & 0xFF, in.getShort(at + 2) & 0xFFFF, in.getShort(at + 4) & 0xFFFF,
                in.getInt(at + 8), in.getInt(at + 12), in.getInt(at + 16), in.getInt(at + 20));
    }
}
