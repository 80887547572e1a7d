package dev.entitynet.transport;

/**
 * Outcome of {@link MultiplayerPeer#send}, and of the scene layer's calls ({@code SceneMultiplayer}'s
 * {@code sendBytes} and RPCs). Conditions that can happen in a correct program because the network
 * or the world changed under it are results; programming errors (bad channel, oversize packet, a
 * send on a closed transport peer) are exceptions. A transport returns only {@link #SENT},
 * {@link #NOT_CONNECTED}, {@link #UNKNOWN_PEER} and {@link #BACK_PRESSURE}; the others come from the
 * scene layer, which counts every call that did not return {@link #SENT}.
 */
public enum SendResult {
    /** Queued for every addressed peer (possibly none, for a broadcast with nobody connected). */
    SENT("sent"),
    /** A client that is not (or no longer) connected to the server; nothing was queued. */
    NOT_CONNECTED("not connected to the server yet, or the connection was lost; wait for peerConnected(1)"),
    /** The target id is not a connected peer (it may have just left); nothing was queued. */
    UNKNOWN_PEER("the target peer is not connected; check the id against the connected peers"),
    /**
     * The outgoing queue is full; nothing was queued. Reliable data is never dropped silently:
     * retry on a later tick or send less. Counted by the transport.
     */
    BACK_PRESSURE("the outgoing queue is full; retry on a later tick or send less"),
    /**
     * Scene layer: the entity is hidden from at least one addressed peer by its synchronizer's
     * visibility, so the call did not go there; addressed peers that can see it got it.
     */
    NOT_VISIBLE("the entity is not visible to an addressed peer (synchronizer visibility), so the call did not go to it;"
            + " peers that can see it got it. Make it visible to that peer first, or do not address it"),
    /**
     * Scene layer: the entity does not exist on at least one addressed peer because it (or the spawn
     * it belongs to) was not spawned there, so the call did not go there; the others got it.
     */
    NOT_SPAWNED("the entity was not spawned on an addressed peer (its spawn was refused, for example by spawnLimit,"
            + " or a parent spawn is not there), so the call did not go to it; peers that have it got it"),
    /**
     * Scene layer: this side's multiplayer peer was closed or its connection ended (status
     * DISCONNECTED); nothing was sent.
     */
    CLOSED("the multiplayer peer is closed or disconnected; nothing was sent. Set a new peer with multiplayerPeer(...) to play again"),
    /** Scene layer: the root path names no entity (yet), so no entity path can be formed; nothing was sent. */
    NO_ROOT("the SceneMultiplayer's root path names no entity; nothing was sent. Create the root entity or fix rootPath");

    private final String description;

    SendResult(String description) {
        this.description = description;
    }

    /** A sentence saying what happened and what to do about it. */
    public String description() {
        return description;
    }
}
