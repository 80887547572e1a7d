package dev.entitynet.examples.enetattack.session;

import java.nio.ByteBuffer;

/** What a {@link RawPeer} hands on while it reads the server's datagrams; every method is optional. */
public interface SessionListener {
    /** Does nothing. */
    SessionListener NONE = new SessionListener() {
    };

    /**
     * A data command (SEND_*) arrived: {@code payloadLength} bytes at {@code payloadAt} in
     * {@code datagram}, valid only during the call. Commands come as they arrive: no reordering,
     * no removal of duplicates, no reassembly of fragments.
     */
    default void received(int command, int channel, ByteBuffer datagram, int payloadAt, int payloadLength) {
    }

    /** The server acknowledged our reliable command {@code sequence} on {@code channel}. */
    default void acknowledged(int channel, int sequence) {
    }

    /** A datagram of {@code length} bytes arrived (before its commands are handed on). */
    default void datagram(int length) {
    }

    /** The server sent DISCONNECT. */
    default void disconnected() {
    }
}
