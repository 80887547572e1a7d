package dev.entitynet.examples.enetattack.wire;

import java.nio.ByteBuffer;

/** The 4-byte header every command starts with: command byte (number and flags), channel, reliable sequence number. */
final class CommandHeader {
    private CommandHeader() {
    }

    static void write(ByteBuffer out, int commandByte, int channel, int sequence) {
        out.put((byte) commandByte);
        out.put((byte) channel);
        out.putShort((short) sequence);
    }
}
