package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.protocol.Wire;

/**
 * The fields of a server's VERIFY_CONNECT datagram (no checksum) that a client must echo or use:
 * what tests need to act as the client, or as a spoofer that cannot see them.
 *
 * @param nonceTime the header's sent time, echoed by the client's ACK
 * @param nonceSequence the command's reliable sequence number, named by the client's ACK
 * @param wireId the peer id the client must put in its headers
 * @param sessionToClient the session the server puts in its headers
 * @param sessionFromClient the session the client must put in its headers
 */
record VerifyConnect(int nonceTime, int nonceSequence, int wireId, int sessionToClient, int sessionFromClient) {
    static VerifyConnect of(byte[] datagram) {
        if (datagram.length != 48 || (datagram[4] & 0x0F) != 3) {
            throw new AssertionError("not a VERIFY_CONNECT datagram: " + datagram.length + " bytes");
        }
        return new VerifyConnect(Wire.u16(datagram, 2), Wire.u16(datagram, 6), Wire.u16(datagram, 8),
                Wire.u8(datagram, 10), Wire.u8(datagram, 11));
    }

    /** The peer-id word of the client's headers. */
    int clientWord() {
        return wireId | sessionFromClient << 12;
    }

    /** The client's answer: a datagram holding the ACK that echoes the nonce, sent at {@code now}. */
    String ackHex(long now) {
        return String.format("%04x%04x 01ff%04x %04x%04x", clientWord() | 0x8000, now & 0xFFFF, nonceSequence, nonceSequence, nonceTime);
    }
}
