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

    /** Nothing left to deliver either way and neither side holds the connection open. */
    boolean finished() {
        return !accepted && client.isDone() && up.line.inFlight() == 0 && down.line.inFlight() == 0;
    }
}
