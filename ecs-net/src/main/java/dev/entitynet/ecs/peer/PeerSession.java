package dev.entitynet.ecs.peer;

/**
 * What one side knows about one remote peer. Direct peers are reached through the transport (a
 * server's clients, a client's server); relayed peers are other clients a client learned of from
 * the server's ADD_PEER and reaches through the server.
 */
public final class PeerSession {
    /** Where admission stands. */
    public enum State {
        /** Transport connected; waiting for the other side's hello. */
        HELLO,
        /** Hellos matched; exchanging authentication data. */
        AUTHENTICATING,
        /** Admitted: peer_connected was emitted; all traffic accepted. */
        ADMITTED
    }

    private final int id;
    private final boolean direct;
    private final long metAtNanos;
    private State state;
    private boolean localAuthDone;
    private boolean remoteAuthDone;

    /** A session for {@code id}, started at {@code metAtNanos}. */
    public PeerSession(int id, boolean direct, State state, long metAtNanos) {
        this.id = id;
        this.direct = direct;
        this.state = state;
        this.metAtNanos = metAtNanos;
    }

    /** The peer's id. */
    public int id() {
        return id;
    }

    /** Whether the transport reaches it directly. */
    public boolean isDirect() {
        return direct;
    }

    /** When the transport connected (for auth_timeout). */
    public long metAtNanos() {
        return metAtNanos;
    }

    /** Where admission stands. */
    public State state() {
        return state;
    }

    /** Moves admission on. */
    public void state(State next) {
        state = next;
    }

    /** Whether this side called completeAuth. */
    public boolean localAuthDone() {
        return localAuthDone;
    }

    /** Notes that this side called completeAuth. */
    public void localAuthDone(boolean done) {
        localAuthDone = done;
    }

    /** Whether the other side sent its empty AUTH. */
    public boolean remoteAuthDone() {
        return remoteAuthDone;
    }

    /** Notes that the other side completed. */
    public void remoteAuthDone(boolean done) {
        remoteAuthDone = done;
    }

    /** Whether the peer is admitted. */
    public boolean isAdmitted() {
        return state == State.ADMITTED;
    }
}
