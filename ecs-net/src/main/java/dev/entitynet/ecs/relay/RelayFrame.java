package dev.entitynet.ecs.relay;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.SysCommand;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Godot's relay envelope {@code [SYS][RELAY][i32 peer][inner packet]}: from a client the peer is the
 * destination (0 and negative targets allowed), from the server it is the source, set by the server
 * from the transport's sender id, never copied from the client.
 */
public final class RelayFrame {
    private RelayFrame() {
    }

    /** Writes the envelope around {@code length} bytes of {@code inner} at {@code offset} into {@code out} (cleared first). */
    public static void wrap(Bytes<?> out, int peer, BytesStore<?, ?> inner, long offset, long length) {
        out.clear();
        out.writeUnsignedByte(Command.SYS);
        out.writeUnsignedByte(SysCommand.RELAY);
        out.writeInt(peer);
        out.write(inner, offset, length);
    }
}
