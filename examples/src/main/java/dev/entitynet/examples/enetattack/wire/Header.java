package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/**
 * The datagram header: a 16-bit word with the receiver's peer id (12 bits), the sender's session
 * (2 bits) and the SENT_TIME flag, then the 16-bit sent time when flagged.
 *
 * @param peerId the receiver's peer id, {@link Protocol#MAXIMUM_PEER_ID} for "none yet" (CONNECT)
 * @param session the session bits, 0..3
 * @param sentTime the low 16 bits of the sender's millisecond clock, or {@link #NO_SENT_TIME}
 */
public record Header(int peerId, int session, int sentTime) {
    /** {@link #sentTime} of a header without the SENT_TIME flag. */
    public static final int NO_SENT_TIME = -1;

    /** Writes a header at the buffer's position; {@code sentTime} {@link #NO_SENT_TIME} writes the 2-byte form. */
    public static void write(ByteBuffer out, int peerId, int session, int sentTime) {
        int word = (peerId & Protocol.HEADER_PEER_ID_MASK) | (session & 3) << Protocol.HEADER_SESSION_SHIFT;
        if (sentTime == NO_SENT_TIME) {
            out.putShort((short) word);
        } else {
            out.putShort((short) (word | Protocol.HEADER_FLAG_SENT_TIME));
            out.putShort((short) sentTime);
        }
    }

    /** Reads the header at the start of {@code datagram}, or null when it is shorter than one. */
    public static Header read(ByteBuffer datagram) {
        if (datagram.limit() < Protocol.SHORT_HEADER_SIZE) {
            return null;
        }
        int word = datagram.getShort(0) & 0xFFFF;
        boolean timed = (word & Protocol.HEADER_FLAG_SENT_TIME) != 0;
        if (timed && datagram.limit() < Protocol.HEADER_SIZE) {
            return null;
        }
        return new Header(word & Protocol.HEADER_PEER_ID_MASK, (word & Protocol.HEADER_SESSION_MASK) >>> Protocol.HEADER_SESSION_SHIFT,
                timed ? datagram.getShort(2) & 0xFFFF : NO_SENT_TIME);
    }

    /** Bytes this header takes: 4 with a sent time, else 2. */
    public int size() {
        return sentTime == NO_SENT_TIME ? Protocol.SHORT_HEADER_SIZE : Protocol.HEADER_SIZE;
    }
}
