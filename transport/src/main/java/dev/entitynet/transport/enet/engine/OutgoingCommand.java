package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;

/**
 * One queued outgoing command, already encoded: fixed part followed by its payload slice, so a
 * send pass only copies bytes. Sequence numbers are patched in when the command is queued.
 */
final class OutgoingCommand extends ListNode {
    /** Fixed part plus payload, big-endian, exactly as it goes on the wire. */
    byte[] bytes = new byte[64];
    int length;
    int command;
    int channel;
    int reliableSequence;
    int unreliableSequence;
    /** Whether this command carries application data (libenet's "packet != NULL"). */
    boolean hasPacket;
    int fragmentOffset;
    int fragmentLength;
    int sendAttempts;
    /** When the command was queued, per peer: datagrams are written in this order (as libenet 1.3.18). */
    long queueOrder;
    long sentTime;
    /** When the command first left: no acknowledgement of it can echo an earlier time. */
    long firstSentTime;
    long roundTripTimeout;
    long roundTripTimeoutLimit;

    /** Starts encoding a command with {@code fixedSize} bytes of fixed part and {@code payload} bytes after it. */
    void begin(int commandByte, int channelId, int fixedSize, int payload) {
        int total = fixedSize + payload;
        if (bytes.length < total) {
            bytes = new byte[Math.max(total, bytes.length * 2)];
        }
        java.util.Arrays.fill(bytes, 0, fixedSize, (byte) 0);
        length = total;
        command = commandByte;
        channel = channelId;
        bytes[0] = (byte) commandByte;
        bytes[1] = (byte) channelId;
        hasPacket = false;
        fragmentOffset = 0;
        fragmentLength = 0;
        reliableSequence = 0;
        unreliableSequence = 0;
        sendAttempts = 0;
        sentTime = 0;
        firstSentTime = 0;
        roundTripTimeout = 0;
        roundTripTimeoutLimit = 0;
    }

    int number() {
        return command & Protocol.COMMAND_MASK;
    }

    void patchReliableSequence(int sequence) {
        reliableSequence = sequence;
        Wire.put16(bytes, 2, sequence);
    }
}
