package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/** PING (4 bytes, system channel, acknowledge flag): a keep-alive whose acknowledgement proves the connection works. */
public final class PingCommand {
    /** Bytes of the command. */
    public static final int SIZE = 4;

    private PingCommand() {
    }

    /** Writes a PING with system sequence number {@code sequence}. */
    public static void write(ByteBuffer out, int sequence) {
        CommandHeader.write(out, Protocol.PING | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL, sequence);
    }
}
