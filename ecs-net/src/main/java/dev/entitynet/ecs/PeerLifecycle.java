package dev.entitynet.ecs;

import dev.entitynet.ecs.auth.Handshake;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.guard.ViolationCounters;
import dev.entitynet.ecs.guard.ViolationPolicy;
import dev.entitynet.ecs.path.PathCache;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.peer.PeerTable;
import dev.entitynet.ecs.relay.Relay;
import dev.entitynet.ecs.signal.MultiplayerSignals;
import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.clock.Clock;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Objects;

/**
 * Where peers come and go for one {@link SceneMultiplayer}: transport connects start the handshake,
 * admissions and departures update the peer table, path cache, violation counters, relay notices
 * and replication, and emit Godot's signals. Also drops peers whose violations the policy punishes.
 */
final class PeerLifecycle {
    private final SceneMultiplayer multiplayer;
    private final PeerTable peers;
    private final PathCache pathCache;
    private final ViolationCounters violations;
    private final MultiplayerSignals signals;
    private final Clock clock;
    private final Handshake handshake;
    private final Relay relay;
    private ViolationPolicy violationPolicy = ViolationPolicy.COUNT_ONLY;
    private ConnectionStatus lastStatus = ConnectionStatus.CONNECTED;
    /** Whether the transport ever reported the server: later failures are reported by the handshake instead. */
    private boolean serverMet;

    PeerLifecycle(SceneMultiplayer multiplayer, PeerTable peers, PathCache pathCache, ViolationCounters violations,
            MultiplayerSignals signals, Clock clock, Handshake handshake, Relay relay) {
        this.multiplayer = multiplayer;
        this.peers = peers;
        this.pathCache = pathCache;
        this.violations = violations;
        this.signals = signals;
        this.clock = clock;
        this.handshake = handshake;
        this.relay = relay;
    }

    void violationPolicy(ViolationPolicy policy) {
        violationPolicy = Objects.requireNonNull(policy, "policy");
    }

    /** A new transport was set: start watching its connection afresh. */
    void transportReplaced(ConnectionStatus status) {
        lastStatus = status;
        serverMet = false;
    }

    /**
     * Before and after each poll, as Godot's {@code SceneMultiplayer::_update_status}: when the
     * transport turns DISCONNECTED the session ends. A client whose transport gave up before it ever
     * met the server failed to connect. A transport the game closed reports no disconnections of its
     * own, so every peer still known is taken as disconnected here, with the same signals as a lost
     * connection: peer_disconnected for each admitted peer, and on a client then server_disconnected
     * (or connection_failed before admission); replicas are freed. Then everything is cleared, as
     * Godot's {@code clear()} does.
     */
    void watchConnection(ConnectionStatus status) {
        ConnectionStatus previous = lastStatus;
        lastStatus = status;
        if (status != ConnectionStatus.DISCONNECTED || previous == ConnectionStatus.DISCONNECTED) {
            return;
        }
        if (!multiplayer.isServer() && !serverMet && previous == ConnectionStatus.CONNECTING) {
            MultiplayerSignals.emit(signals.connectionFailed);
        }
        IntArrayList known = peers.ids();
        for (int i = 0; i < known.size(); i++) {
            onTransportDisconnected(known.getInt(i)); // on a client, peer 1 comes first and takes the relayed peers along
        }
        resetCaches();
    }

    void onTransportConnected(int peerId) {
        if (peers.contains(peerId)) {
            return;
        }
        serverMet |= peerId == PeerIds.SERVER;
        peers.addDirect(peerId, clock.nanoTime());
        violations.track(peerId);
        handshake.greet(peerId);
    }

    void onTransportDisconnected(int peerId) {
        PeerSession s = peers.get(peerId);
        if (s == null) {
            return;
        }
        boolean wasAdmitted = s.isAdmitted();
        boolean wasAuthenticating = s.state() == PeerSession.State.AUTHENTICATING;
        forget(s, true);
        if (peerId == PeerIds.SERVER && !multiplayer.isServer()) {
            dropRelayedPeers(true);
            if (wasAdmitted) {
                MultiplayerSignals.emit(signals.serverDisconnected);
            } else {
                if (wasAuthenticating) {
                    MultiplayerSignals.emit(signals.peerAuthenticationFailed, peerId);
                }
                MultiplayerSignals.emit(signals.connectionFailed);
            }
            resetCaches();
        } else if (wasAuthenticating) {
            MultiplayerSignals.emit(signals.peerAuthenticationFailed, peerId);
        }
    }

    /** Admits a direct peer that passed the handshake. */
    void admit(PeerSession s) {
        int id = s.id();
        relay.announceJoin(id);
        peers.admit(s);
        joined(id);
    }

    /** Client side: admits another client the server announced. */
    void addRelayed(int peerId) {
        peers.addRelayed(peerId, clock.nanoTime());
        violations.track(peerId);
        joined(peerId);
    }

    /** Removes {@code s}; with {@code signal}, emits peer_disconnected if it was admitted. */
    void forget(PeerSession s, boolean signal) {
        int id = s.id();
        boolean wasAdmitted = s.isAdmitted();
        peers.remove(s);
        violations.forget(id);
        if (!wasAdmitted) {
            return;
        }
        pathCache.removePeer(id);
        if (!multiplayer.isClosed()) {
            relay.announceLeave(s); // a closed transport cannot send, and its clients learn of it anyway
        }
        ReplicationHooks hooks = multiplayer.replicationHooks();
        if (hooks != null) {
            hooks.peerRemoved(id);
        }
        if (signal) {
            MultiplayerSignals.emit(signals.peerDisconnected, id);
        }
    }

    /** Forgets {@code s} without peer_disconnected and closes its transport link. */
    void drop(PeerSession s) {
        forget(s, false);
        if (!multiplayer.isClosed()) {
            multiplayer.peer().disconnectPeer(s.id(), false);
        }
    }

    /** Godot's disconnect_peer. */
    void disconnect(int peerId) {
        PeerSession s = peers.get(peerId);
        if (s == null || !s.isDirect()) {
            throw new IllegalArgumentException("peer " + peerId + " is not connected directly to this side (a client can disconnect only the server, 1)");
        }
        drop(s);
        if (peerId == PeerIds.SERVER && !multiplayer.isServer()) {
            dropRelayedPeers(false);
            resetCaches();
        }
    }

    /** Counts a violation by {@code peerId} (arrived through {@code direct}) and applies the policy. */
    void violation(int peerId, int direct, Violation violation) {
        long count = violations.record(peerId, violation);
        if (peerId == direct && count > 0 && violationPolicy.shouldDisconnect(peerId, violation, count)) {
            PeerSession s = peers.get(peerId);
            if (s != null && s.isDirect()) {
                disconnect(peerId);
            }
        }
    }

    /** Godot's clear: forgets every peer without signals, and the path cache and replication state. */
    void clear() {
        peers.clear();
        resetCaches();
    }

    /**
     * Godot's {@code SceneMultiplayer::_admit_peer} order: caches and replication first (the
     * newcomer's spawns go out here), then {@code connected_to_server} when the peer is the server,
     * then {@code peer_connected}.
     */
    private void joined(int id) {
        pathCache.addPeer(id);
        ReplicationHooks hooks = multiplayer.replicationHooks();
        if (hooks != null) {
            hooks.peerAdded(id);
        }
        if (id == PeerIds.SERVER) {
            MultiplayerSignals.emit(signals.connectedToServer);
        }
        MultiplayerSignals.emit(signals.peerConnected, id);
    }

    /** A client that lost its server starts over, as Godot's clear() on server loss. */
    private void resetCaches() {
        pathCache.clear();
        ReplicationHooks hooks = multiplayer.replicationHooks();
        if (hooks != null) {
            hooks.reset();
        }
    }

    private void dropRelayedPeers(boolean signal) {
        for (int i = peers.admitted().size() - 1; i >= 0; i--) {
            PeerSession s = peers.get(peers.admitted().getInt(i));
            if (s != null && !s.isDirect()) {
                forget(s, signal);
            }
        }
    }
}
