package dev.entitynet.ecs;

import dev.entitynet.ecs.auth.Handshake;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.path.PathExchange;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.peer.PeerTable;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.SysCommand;
import dev.entitynet.ecs.relay.Relay;
import dev.entitynet.ecs.rpc.RpcInterface;
import dev.entitynet.ecs.signal.MultiplayerSignals;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Routes every packet the transport delivers by its command byte: SYS sub-commands to the
 * handshake and relay, and (from admitted peers only) RPCs, path exchange, raw packets and
 * replication. Anything else is counted as a violation and dropped.
 */
final class InboundDispatcher {
    private final SceneMultiplayer multiplayer;
    private final PeerTable peers;
    private final PeerLifecycle lifecycle;
    private final Handshake handshake;
    private final Relay relay;
    private final PathExchange pathExchange;
    private final RpcInterface rpc;
    private final MultiplayerSignals signals;

    InboundDispatcher(SceneMultiplayer multiplayer, PeerTable peers, PeerLifecycle lifecycle, Handshake handshake, Relay relay,
            PathExchange pathExchange, RpcInterface rpc, MultiplayerSignals signals) {
        this.multiplayer = multiplayer;
        this.peers = peers;
        this.lifecycle = lifecycle;
        this.handshake = handshake;
        this.relay = relay;
        this.pathExchange = pathExchange;
        this.rpc = rpc;
        this.signals = signals;
    }

    /** A packet from the transport. */
    void onPacket(ReceivedPacket packet) {
        int sender = packet.senderId();
        Bytes<?> in = packet.payload();
        PeerSession s = peers.get(sender);
        if (s == null || !s.isDirect()) {
            lifecycle.violation(sender, sender, Violation.UNKNOWN_SENDER);
            return;
        }
        if (in.readRemaining() < 1) {
            lifecycle.violation(sender, sender, Violation.MALFORMED);
            return;
        }
        int commandByte = in.readUnsignedByte();
        if (Command.of(commandByte) == Command.SYS) {
            if (commandByte != Command.SYS || in.readRemaining() < 1) {
                lifecycle.violation(sender, sender, Violation.MALFORMED);
                return;
            }
            onSys(s, in.readUnsignedByte(), in, packet.mode(), packet.channel());
        } else if (!s.isAdmitted()) {
            lifecycle.violation(sender, sender, Violation.NOT_ADMITTED);
        } else {
            dispatch(sender, sender, commandByte, in);
        }
    }

    /** Handles one admitted, non-SYS command from {@code sender}; {@code direct} is the transport peer it came through. */
    void dispatch(int sender, int direct, int commandByte, Bytes<?> in) {
        Violation v = switch (Command.of(commandByte)) {
            case Command.REMOTE_CALL -> rpc.receive(sender, commandByte, in);
            case Command.SIMPLIFY_PATH -> commandByte != Command.SIMPLIFY_PATH ? Violation.MALFORMED : pathExchange.onSimplifyPath(sender, in);
            case Command.CONFIRM_PATH -> commandByte != Command.CONFIRM_PATH ? Violation.MALFORMED : pathExchange.onConfirmPath(sender, in);
            case Command.RAW -> commandByte != Command.RAW ? Violation.MALFORMED : onRaw(sender, in);
            case Command.SPAWN, Command.DESPAWN, Command.SYNC -> onReplication(sender, commandByte, in);
            default -> Violation.MALFORMED;
        };
        if (v != null) {
            lifecycle.violation(sender, direct, v);
        }
    }

    private void onSys(PeerSession s, int sysCommand, Bytes<?> in, TransferMode mode, int channel) {
        switch (sysCommand) {
            case SysCommand.HELLO -> handshake.onHello(s, in);
            case SysCommand.AUTH -> handshake.onAuth(s, in);
            case SysCommand.ADD_PEER, SysCommand.DEL_PEER -> relay.onPeerNotice(s, sysCommand, in);
            case SysCommand.RELAY -> relay.onEnvelope(s, in, mode, channel);
            default -> lifecycle.violation(s.id(), s.id(), Violation.MALFORMED);
        }
    }

    private Violation onRaw(int sender, Bytes<?> in) {
        for (int i = 0; i < signals.peerPacket.size(); i++) {
            long position = in.readPosition();
            signals.peerPacket.get(i).onPacket(sender, in);
            in.readPosition(position);
        }
        return null;
    }

    private Violation onReplication(int sender, int commandByte, Bytes<?> in) {
        ReplicationHooks hooks = multiplayer.replicationHooks();
        if (hooks == null) {
            return Violation.UNEXPECTED_COMMAND;
        }
        int command = Command.of(commandByte);
        int flags = Command.flags(commandByte);
        if (command == Command.SYNC) {
            switch (flags) {
                case 0, Command.FLAG_DELTA -> hooks.syncReceived(sender, in, flags != 0);
                case Command.FLAG_SNAPSHOT -> hooks.snapshotReceived(sender, in);
                case Command.FLAG_SNAPSHOT_ACK -> hooks.snapshotAckReceived(sender, in);
                default -> {
                    return Violation.MALFORMED;
                }
            }
        } else if (flags != 0) {
            return Violation.MALFORMED;
        } else if (command == Command.SPAWN) {
            hooks.spawnReceived(sender, in);
        } else {
            hooks.despawnReceived(sender, in);
        }
        return null;
    }
}
