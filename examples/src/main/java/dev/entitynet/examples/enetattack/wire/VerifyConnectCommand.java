package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/**
 * VERIFY_CONNECT (44 bytes, system channel, acknowledge flag): the server's answer to CONNECT.
 *
 * @param outgoingPeerId the server's slot for this connection: the peer id to address it with
 * @param incomingSession the session the client takes as its incoming one
 * @param outgoingSession the session the client puts in its headers
 * @param mtu the server's MTU
 * @param windowSize the window the server offers
 * @param channelCount channels granted
 * @param throttleInterval echoed from CONNECT
 * @param throttleAcceleration echoed from CONNECT
 * @param throttleDeceleration echoed from CONNECT
 * @param connectId echoed from CONNECT
 */
public record VerifyConnectCommand(int outgoingPeerId, int incomingSession, int outgoingSession, int mtu, int windowSize,
                                   int channelCount, int throttleInterval, int throttleAcceleration, int throttleDeceleration,
                                   int connectId) {
    /** Bytes of the command. */
    public static final int SIZE = 44;

    /** Writes this command with system sequence number {@code sequence} (fake servers in tests). */
    public void write(ByteBuffer out, int sequence) {
        CommandHeader.write(out, Protocol.VERIFY_CONNECT | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL, sequence);
        writeSharedFields(out, outgoingPeerId, incomingSession, outgoingSession, mtu, windowSize, channelCount,
                throttleInterval, throttleAcceleration, throttleDeceleration, connectId);
    }

    /** The fields CONNECT and VERIFY_CONNECT share, in their order (bandwidths 0: unlimited). */
    static void writeSharedFields(ByteBuffer out, int peerId, int incomingSession, int outgoingSession, int mtu, int windowSize,
                                  int channelCount, int throttleInterval, int throttleAcceleration, int throttleDeceleration,
                                  int connectId) {
        out.putShort((short) peerId);
        out.put((byte) incomingSession);
        out.put((byte) outgoingSession);
        out.putInt(mtu);
        out.putInt(windowSize);
        out.putInt(channelCount);
        out.putInt(0);
        out.putInt(0);
        out.putInt(throttleInterval);
        out.putInt(throttleAcceleration);
        out.putInt(throttleDeceleration);
        out.putInt(connectId);
    }

    /** Reads the VERIFY_CONNECT starting at {@code at} (its command header). */
    public static VerifyConnectCommand read(ByteBuffer in, int at) {
        return new VerifyConnectCommand(in.getShort(at + 4) & 0xFFFF, in.get(at + 6) & 0xFF, in.get(at + 7) & 0xFF, in.getInt(at + 8),
                in.getInt(at + 12), in.getInt(at + 16), in.getInt(at + 28), in.getInt(at + 32), in.getInt(at + 36), in.getInt(at + 40));
    }
}
