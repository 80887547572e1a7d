package dev.entitynet.ecs.auth;

import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.peer.PeerTable;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.Hello;
import dev.entitynet.ecs.protocol.ProtocolVersion;
import dev.entitynet.ecs.protocol.SysCommand;
import dev.entitynet.ecs.signal.HandshakeFailure;
import dev.entitynet.ecs.signal.MultiplayerSignals;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.Clock;
import net.openhft.chronicle.bytes.Bytes;

import java.util.concurrent.TimeUnit;

/**
 * Admission of directly connected peers: the hello exchange (magic, protocol version, RPC table
 * fingerprint), then Godot's authentication (AUTH data both ways until both sides sent the empty
 * AUTH that means "completed"), with auth_timeout over both. A peer that passes goes to
 * {@link HandshakeHost#admit}; one that fails is dropped and reported with handshake_failed.
 */
public final class Handshake {
    private final HandshakeHost host;
    private final PeerTable peers;
    private final MultiplayerSignals signals;
    private final Clock clock;
    private final Bytes<?> control = Bytes.allocateElasticDirect(64);
    private AuthCallback callback;
    private long timeoutNanos;

    /** A handshake over {@code peers} with auth_timeout {@code timeoutNanos} (0 disables). */
    public Handshake(HandshakeHost host, PeerTable peers, MultiplayerSignals signals, Clock clock, long timeoutNanos) {
        this.host = host;
        this.peers = peers;
        this.signals = signals;
        this.clock = clock;
        this.timeoutNanos = timeoutNanos;
    }

    /** Sets the auth callback; null admits peers right after the hello. */
    public void callback(AuthCallback authCallback) {
        callback = authCallback;
    }

    /** The auth callback, or null. */
    public AuthCallback callback() {
        return callback;
    }

    /** Sets auth_timeout in nanoseconds (0 disables). */
    public void timeoutNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("auth timeout must be 0 (disabled) or positive, got " + nanos);
        }
        timeoutNanos = nanos;
    }

    /** auth_timeout in nanoseconds. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** Opens the exchange with a peer the transport just connected: sends this side's hello. */
    public void greet(int peerId) {
        Hello.write(control, host.rpcFingerprint());
        host.transport().send(peerId, TransferMode.RELIABLE, 0, control);
    }

    /** A HELLO from {@code s}; {@code in} is positioned after the SYS sub-command. */
    public void onHello(PeerSession s, Bytes<?> in) {
        int sender = s.id();
        if (s.state() != PeerSession.State.HELLO) {
            host.violation(sender, Violation.DUPLICATE_HELLO);
            return;
        }
        if (in.readRemaining() < 6 || in.readInt() != ProtocolVersion.MAGIC) {
            fail(s, HandshakeFailure.NOT_ENTITYNET, "peer " + sender + " sent a hello that is not entitynet's; is it another program?");
            return;
        }
        int version = in.readUnsignedShort();
        if (version != ProtocolVersion.CURRENT) {
            fail(s, HandshakeFailure.PROTOCOL_VERSION_MISMATCH, "peer " + sender + " speaks entitynet protocol version " + version
                    + " but this build speaks " + ProtocolVersion.CURRENT + "; run the same entitynet version on both sides");
            return;
        }
        if (in.readRemaining() != ProtocolVersion.HELLO_SIZE - 8) {
            fail(s, HandshakeFailure.NOT_ENTITYNET, "peer " + sender + " sent a hello of the wrong size for protocol version " + version);
            return;
        }
        long fingerprint = in.readLong();
        long ours = host.rpcFingerprint();
        if (fingerprint != ours) {
            fail(s, HandshakeFailure.RPC_TABLE_MISMATCH, "peer " + sender + " declared a different set of RPCs (names, modes or"
                    + " argument types): fingerprint " + Long.toHexString(fingerprint) + " vs ours " + Long.toHexString(ours)
                    + "; declare the same RPCs on every side");
            return;
        }
        if (callback == null) {
            host.admit(s);
        } else {
            s.state(PeerSession.State.AUTHENTICATING);
            MultiplayerSignals.emit(signals.peerAuthenticating, sender);
        }
    }

    /** An AUTH from {@code s}: data for the callback, or (empty) the other side completed. */
    public void onAuth(PeerSession s, Bytes<?> in) {
        int sender = s.id();
        if (s.isAdmitted()) {
            host.violation(sender, Violation.AUTH_AFTER_ADMISSION);
            return;
        }
        if (s.state() != PeerSession.State.AUTHENTICATING) {
            host.violation(sender, Violation.NOT_ADMITTED);
            return;
        }
        if (in.readRemaining() == 0) {
            s.remoteAuthDone(true);
            admitIfBothCompleted(s);
        } else if (callback != null) {
            callback.onAuthData(sender, in);
        }
    }

    /**
     * Sends authentication data to a pending peer (reliable, channel 0).
     *
     * @throws IllegalStateException when the peer is not authenticating
     * @throws IllegalArgumentException when {@code data} is empty (an empty AUTH means "completed")
     */
    public void sendAuth(int peerId, byte[] data) {
        PeerSession s = peers.get(peerId);
        if (s == null || s.state() != PeerSession.State.AUTHENTICATING) {
            throw new IllegalStateException("peer " + peerId + " is not authenticating; send auth data from a peerAuthenticating"
                    + " listener or the auth callback");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("auth data must not be empty: an empty AUTH message means 'completed'; call completeAuth instead");
        }
        writeAuthHeader();
        control.write(data);
        host.transport().send(peerId, TransferMode.RELIABLE, 0, control);
    }

    /**
     * This side accepts {@code peerId}; it is admitted once the other side completed too.
     *
     * @throws IllegalStateException when the peer is not authenticating or this side already completed
     */
    public void completeAuth(int peerId) {
        PeerSession s = peers.get(peerId);
        if (s == null || s.state() != PeerSession.State.AUTHENTICATING || s.localAuthDone()) {
            throw new IllegalStateException("peer " + peerId + " is not authenticating (or completeAuth was already called for it)");
        }
        writeAuthHeader();
        host.transport().send(peerId, TransferMode.RELIABLE, 0, control);
        s.localAuthDone(true);
        admitIfBothCompleted(s);
    }

    /** Fails every pending peer that has been in hello or authentication longer than auth_timeout. */
    public void expire() {
        if (timeoutNanos == 0 || peers.pendingCount() == 0) {
            return;
        }
        long now = clock.nanoTime();
        // Failing one peer runs listeners that may drop others: re-check the bound every step.
        for (int i = peers.pendingCount() - 1; i >= 0 && i < peers.pendingCount(); i--) {
            PeerSession s = peers.pendingAt(i);
            if (now - s.metAtNanos() > timeoutNanos) {
                fail(s, HandshakeFailure.AUTH_TIMEOUT, "peer " + s.id() + " did not finish hello and authentication within "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (auth_timeout)");
            }
        }
    }

    private void writeAuthHeader() {
        control.clear();
        control.writeUnsignedByte(Command.SYS);
        control.writeUnsignedByte(SysCommand.AUTH);
    }

    private void admitIfBothCompleted(PeerSession s) {
        if (s.localAuthDone() && s.remoteAuthDone() && !s.isAdmitted()) {
            host.admit(s);
        }
    }

    private void fail(PeerSession s, HandshakeFailure reason, String detail) {
        int id = s.id();
        boolean wasAuthenticating = s.state() == PeerSession.State.AUTHENTICATING;
        host.drop(s);
        if (wasAuthenticating) {
            MultiplayerSignals.emit(signals.peerAuthenticationFailed, id);
        }
        for (int i = 0; i < signals.handshakeFailed.size(); i++) {
            signals.handshakeFailed.get(i).onHandshakeFailed(id, reason, detail);
        }
        if (id == PeerIds.SERVER && !host.isServer()) {
            MultiplayerSignals.emit(signals.connectionFailed);
        }
    }
}
