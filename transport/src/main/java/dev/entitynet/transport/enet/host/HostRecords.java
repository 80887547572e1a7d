package dev.entitynet.transport.enet.host;

/**
 * Layouts of the records that cross the rings between an {@link EnetHost}'s caller thread and its
 * event loop. Offsets are from the start of a record's body; integers are native order (both ends
 * are this process).
 */
final class HostRecords {
    private HostRecords() {
    }

    // Commands, caller -> event loop.
    /** Send a packet: handle (or BROADCAST_HANDLE), channel, flags, then the payload. */
    static final int SEND = 1;
    /** End a connection: handle, data, kind. */
    static final int DISCONNECT = 2;
    /** Set a connection's timeouts (enet_peer_timeout) and ping interval: handle, limit, minimum, maximum, ping. */
    static final int TIMEOUT = 3;
    /** Configure a connection's packet throttle (enet_peer_throttle_configure): handle, interval, acceleration, deceleration. */
    static final int THROTTLE = 4;

    static final int SEND_HANDLE = 0;
    static final int SEND_CHANNEL = 4;
    static final int SEND_FLAGS = 8;
    static final int SEND_PAYLOAD = 12;
    /** The handle of a send that goes to every connected peer. */
    static final int BROADCAST_HANDLE = -1;

    static final int DISCONNECT_HANDLE = 0;
    static final int DISCONNECT_DATA = 4;
    static final int DISCONNECT_KIND = 8;
    static final int DISCONNECT_BYTES = 12;

    static final int TIMEOUT_HANDLE = 0;
    static final int TIMEOUT_LIMIT = 4;
    static final int TIMEOUT_MINIMUM = 8;
    static final int TIMEOUT_MAXIMUM = 12;
    static final int TIMEOUT_PING = 16;
    static final int TIMEOUT_BYTES = 20;

    static final int THROTTLE_HANDLE = 0;
    static final int THROTTLE_INTERVAL = 4;
    static final int THROTTLE_ACCELERATION = 8;
    static final int THROTTLE_DECELERATION = 12;
    static final int THROTTLE_BYTES = 16;

    static final int KIND_GRACEFUL = 0;
    static final int KIND_NOW = 1;
    static final int KIND_LATER = 2;
    static final int KIND_RESET = 3;

    // Events, event loop -> caller.
    /** A connection completed: handle, data, endpoint, channel count. */
    static final int CONNECTED = 1;
    /** A connection ended: handle, data, endpoint. */
    static final int DISCONNECTED = 2;
    /** A packet arrived: handle, channel, flags, then the payload. */
    static final int RECEIVED = 3;

    static final int EVENT_HANDLE = 0;
    static final int EVENT_DATA = 4;
    static final int EVENT_ENDPOINT = 8;
    static final int CONNECTED_CHANNELS = 16;
    static final int CONNECTED_BYTES = 20;
    static final int DISCONNECTED_BYTES = 16;

    static final int RECEIVED_CHANNEL = 4;
    static final int RECEIVED_FLAGS = 8;
    static final int RECEIVED_PAYLOAD = 12;
}
