package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/**
 * CONNECT (48 bytes, system channel, acknowledge flag): what a client sends first, in a datagram
 * addressed to peer id 0xFFF. Bandwidths are 0 (unlimited) and the throttle fields libenet's
 * defaults, 5000/2/2.
 *
 * @param outgoingPeerId the sender's own slot index
 * @param incomingSession the sender's stored incoming session, 0xFF for a never-used slot
 * @param outgoingSession the sender's stored outgoing session, 0xFF for a never-used slot
 * @param mtu the MTU the sender proposes
 * @param windowSize the window the sender proposes
 * @param channelCount channels asked for, 1..255
 * @param connectId the 32-bit token the server echoes in VERIFY_CONNECT
 * @param data the application data delivered with the server's connect event
 */
public record ConnectCommand(int outgoingPeerId, int incomingSession, int outgoingSession, int mtu, int windowSize,
                             int channelCount, int connectId, int data) {
    /** Bytes of the command. */
    public static final int SIZE = 48;
    /** Bytes of a datagram holding only this command, with the 4-byte header: 52. */
    public static final int DATAGRAM_SIZE = Protocol.HEADER_SIZE + SIZE;
    /** libenet's default throttle interval, echoed by the server. */
    public static final int THROTTLE_INTERVAL = 5000;

    /** A fresh client's CONNECT: sessions 0xFF, MTU 1400, window 65536. */
    public static ConnectCommand fresh(int outgoingPeerId, int channelCount, int connectId) {
        return new ConnectCommand(outgoingPeerId, 0xFF, 0xFF, 1400, Protocol.MAXIMUM_WINDOW_SIZE, channelCount, connectId, 0);
    }

    /** Writes this command with system sequence number {@code sequence}. */
    public void write(ByteBuffer out, int sequence) {
        CommandHeader.write(out, Protocol.CONNECT | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL, sequence);
        VerifyConnectCommand.writeSharedFields(out, outgoingPeerId, incomingSession, outgoingSession, mtu, windowSize, channelCount,
                THROTTLE_INTERVAL, Protocol.PACKET_THROTTLE_ACCELERATION, Protocol.PACKET_THROTTLE_DECELERATION, connectId);
        out.putInt(data);
    }

    /** Reads the CONNECT starting at {@code at} (its command header). */
    public static ConnectCommand read(ByteBuffer in, int at) {
        return new ConnectCommand(in.getShort(at + 4) & 0xFFFF, in.get(at + 6) & 0xFF, in.get(at + 7) & 0xFF, in.getInt(at + 8),
                in.getInt(at + 12), in.getInt(at + 16), in.getInt(at + 40), in.getInt(at + 44));
    }
}
