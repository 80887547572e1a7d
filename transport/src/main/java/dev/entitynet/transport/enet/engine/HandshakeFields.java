package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Wire;

/**
 * The layout shared by CONNECT (48 bytes) and VERIFY_CONNECT (44 bytes): both carry the same fields
 * after the 4-byte command header, and CONNECT adds the user data. One writer for both.
 */
final class HandshakeFields {
    static final int PEER_ID = 4;
    static final int INCOMING_SESSION = 6;
    static final int OUTGOING_SESSION = 7;
    static final int MTU = 8;
    static final int WINDOW = 12;
    static final int CHANNELS = 16;
    static final int INCOMING_BANDWIDTH = 20;
    static final int OUTGOING_BANDWIDTH = 24;
    static final int THROTTLE_INTERVAL = 28;
    static final int THROTTLE_ACCELERATION = 32;
    static final int THROTTLE_DECELERATION = 36;
    static final int CONNECT_ID = 40;
    /** CONNECT only. */
    static final int DATA = 44;

    private HandshakeFields() {
    }

    /** Writes the fields common to CONNECT and VERIFY_CONNECT into the command at {@code at}. */
    static void write(byte[] b, int at, int peerId, int incomingSession, int outgoingSession, long mtu, long window,
                      long channels, long incomingBandwidth, long outgoingBandwidth, long throttleInterval,
                      long throttleAcceleration, long throttleDeceleration, int connectId) {
        Wire.put16(b, at + PEER_ID, peerId);
        Wire.put8(b, at + INCOMING_SESSION, incomingSession);
        Wire.put8(b, at + OUTGOING_SESSION, outgoingSession);
        Wire.put32(b, at + MTU, mtu);
        Wire.put32(b, at + WINDOW, window);
        Wire.put32(b, at + CHANNELS, channels);
        Wire.put32(b, at + INCOMING_BANDWIDTH, incomingBandwidth);
        Wire.put32(b, at + OUTGOING_BANDWIDTH, outgoingBandwidth);
        Wire.put32(b, at + THROTTLE_INTERVAL, throttleInterval);
        Wire.put32(b, at + THROTTLE_ACCELERATION, throttleAcceleration);
        Wire.put32(b, at + THROTTLE_DECELERATION, throttleDeceleration);
        Wire.put32(b, at + CONNECT_ID, connectId);
    }
}
