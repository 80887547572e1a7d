package dev.entitynet.examples.enetattack.wire;

import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;

/**
 * Walks the commands of one received datagram: after each {@link #next()} the fields describe the
 * current command. Stops at the first command that is invalid or runs past the datagram, as an
 * ENet receiver does. Reads the datagram between 0 and its limit; does not move its position.
 */
public final class CommandCursor {
    private ByteBuffer datagram;
    private int position;
    private int end;
    private int at;
    private int commandByte;
    private int payloadAt;
    private int payloadLength;

    /** Starts walking {@code datagram}, whose commands begin after {@code header}. */
    public CommandCursor reset(ByteBuffer datagram, Header header) {
        this.datagram = datagram;
        this.position = header.size();
        this.end = datagram.limit();
        return this;
    }

    /** Moves to the next command; false when there is none (or the rest is malformed). */
    public boolean next() {
        if (position + Protocol.COMMAND_HEADER_SIZE > end) {
            return false;
        }
        int b = datagram.get(position) & 0xFF;
        int number = b & Protocol.COMMAND_MASK;
        if (!Protocol.isValidCommand(number) || position + Protocol.commandSize(number) > end) {
            return false;
        }
        int fixed = Protocol.commandSize(number);
        int length = switch (number) {
            case Protocol.SEND_RELIABLE -> datagram.getShort(position + 4) & 0xFFFF;
            case Protocol.SEND_UNRELIABLE, Protocol.SEND_UNSEQUENCED, Protocol.SEND_FRAGMENT, Protocol.SEND_UNRELIABLE_FRAGMENT ->
                    datagram.getShort(position + 6) & 0xFFFF;
            default -> 0;
        };
        if (position + fixed + length > end) {
            return false;
        }
        at = position;
        commandByte = b;
        payloadAt = position + fixed;
        payloadLength = length;
        position = payloadAt + length;
        return true;
    }

    /** Offset of the current command in the datagram. */
    public int at() {
        return at;
    }

    /** The command number, 1..12. */
    public int number() {
        return commandByte & Protocol.COMMAND_MASK;
    }

    /** Whether the sender wants this command acknowledged. */
    public boolean acknowledgeRequested() {
        return (commandByte & Protocol.FLAG_ACKNOWLEDGE) != 0;
    }

    /** The channel id. */
    public int channel() {
        return datagram.get(at + 1) & 0xFF;
    }

    /** The reliable sequence number from the command header. */
    public int sequence() {
        return datagram.getShort(at + 2) & 0xFFFF;
    }

    /** Offset of the payload (for data commands). */
    public int payloadAt() {
        return payloadAt;
    }

    /** Payload length, 0 for commands without one. */
    public int payloadLength() {
        return payloadLength;
    }

    /** Whether the command carries application data (any SEND_* command). */
    public boolean isData() {
        int n = number();
        return n >= Protocol.SEND_RELIABLE && n <= Protocol.SEND_UNSEQUENCED || n == Protocol.SEND_UNRELIABLE_FRAGMENT;
    }
}
