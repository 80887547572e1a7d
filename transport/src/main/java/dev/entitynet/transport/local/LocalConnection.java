package dev.entitynet.transport.local;

/** A client's two links to the server on a {@link LocalHub}, and whether the server admitted it. */
final class LocalConnection {
    final LocalClientPeer client;
    final LocalLink up;
    final LocalLink down;
    /** Set by the server when it accepted the client, cleared when either side ends it. */
    boolean accepted;

    LocalConnection(LocalClientPeer client, LocalLink up, LocalLink down) {
        this.client = client;
        this.up = up;
        this.down = down;
    }

    /**
     * Neither side holds the connection open and the server has seen everything the client sent.
     * What is still on its way to a closed client will never be read.
     */
    boolean finished() {
        return !accepted && client.isDone() && up.line.inFlight() == 0 && (client.closed || down.line.inFlight() == 0);
    }

    /** Returns whatever is still in flight to the pool. */
    void discard() {
        up.line.clear();
        down.line.clear();
    }
}
