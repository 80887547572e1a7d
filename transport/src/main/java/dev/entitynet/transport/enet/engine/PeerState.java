package dev.entitynet.transport.enet.engine;

/** libenet's ENetPeerState values. */
final class PeerState {
    static final int DISCONNECTED = 0;
    static final int CONNECTING = 1;
    static final int ACKNOWLEDGING_CONNECT = 2;
    static final int CONNECTION_PENDING = 3;
    static final int CONNECTION_SUCCEEDED = 4;
    static final int CONNECTED = 5;
    static final int DISCONNECT_LATER = 6;
    static final int DISCONNECTING = 7;
    static final int ACKNOWLEDGING_DISCONNECT = 8;
    static final int ZOMBIE = 9;

    private PeerState() {
    }

    /** CONNECTED or DISCONNECT_LATER: the states that carry data. */
    static boolean carriesData(int state) {
        return state == CONNECTED || state == DISCONNECT_LATER;
    }
}
