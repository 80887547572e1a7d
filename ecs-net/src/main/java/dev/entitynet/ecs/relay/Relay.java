package dev.entitynet.ecs.relay;

import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.peer.PeerTable;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.SysCommand;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.IntList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Godot's server relay, both sides. The server tells admitted clients about each other (ADD_PEER,
 * DEL_PEER) and forwards {@link RelayFrame} envelopes between them; a client keeps the other clients
 * as relayed peers and wraps traffic for them in an envelope to the server.
 */
public final class Relay {
    private final RelayHost host;
    private final PeerTable peers;
    private final Bytes<?> notice = Bytes.allocateElasticDirect(64);
    private final Bytes<?> outbound = Bytes.allocateElasticDirect(512);
    private final Bytes<?> forward = Bytes.allocateElasticDirect(512);
    private boolean enabled = true;

    /** A relay over {@code peers}, enabled. */
    public Relay(RelayHost host, PeerTable peers) {
        this.host = host;
        this.peers = peers;
    }

    /** Godot's {@code server_relay}. */
    public void enabled(boolean on) {
        enabled = on;
    }

    /** Whether server relay is on. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether relay is on and the transport supports it. */
    public boolean isActive() {
        return enabled && host.transport().isServerRelaySupported();
    }

    /** Server side: introduces {@code newcomer} and the admitted peers to each other; call before admitting it. */
    public void announceJoin(int newcomer) {
        if (!host.isServer() || !isActive()) {
            return;
        }
        IntList admitted = peers.admitted();
        for (int i = 0; i < admitted.size(); i++) {
            int other = admitted.getInt(i);
            sendNotice(other, SysCommand.ADD_PEER, newcomer);
            sendNotice(newcomer, SysCommand.ADD_PEER, other);
        }
    }

    /** Server side: tells the admitted peers that the direct peer {@code leaver} left. */
    public void announceLeave(PeerSession leaver) {
        if (!host.isServer() || !isActive() || !leaver.isDirect()) {
            return;
        }
        IntList admitted = peers.admitted();
        for (int i = 0; i < admitted.size(); i++) {
            sendNotice(admitted.getInt(i), SysCommand.DEL_PEER, leaver.id());
        }
    }

    /** An ADD_PEER or DEL_PEER ({@code sysCommand}) from {@code from}; {@code in} is positioned after the sub-command. */
    public void onPeerNotice(PeerSession from, int sysCommand, Bytes<?> in) {
        int sender = from.id();
        if (!from.isAdmitted()) {
            host.violation(sender, sender, Violation.NOT_ADMITTED);
        } else if (host.isServer()) {
            host.violation(sender, sender, Violation.UNEXPECTED_COMMAND);
        } else if (in.readRemaining() != 4) {
            host.violation(sender, sender, Violation.MALFORMED);
        } else if (sysCommand == SysCommand.ADD_PEER) {
            onAddPeer(in.readInt());
        } else {
            onDelPeer(in.readInt());
        }
    }

    /** A RELAY envelope from {@code from}; {@code in} is positioned after the sub-command. */
    public void onEnvelope(PeerSession from, Bytes<?> in, TransferMode mode, int channel) {
        int sender = from.id();
        if (!from.isAdmitted()) {
            host.violation(sender, sender, Violation.NOT_ADMITTED);
        } else if (host.isServer()) {
            fromClient(sender, in, mode, channel);
        } else {
            fromServer(in);
        }
    }

    /**
     * Client side: sends {@code packet} (readable bytes, not consumed) to {@code target}, directly when
     * only the server is addressed, else in an envelope the server forwards.
     */
    public SendResult sendFromClient(int target, TransferMode mode, int channel, Bytes<?> packet) {
        MultiplayerPeer transport = host.transport();
        PeerSession server = peers.get(PeerIds.SERVER);
        if (server == null || !server.isAdmitted()) {
            return SendResult.NOT_CONNECTED;
        }
        if (target == PeerIds.SERVER) {
            return transport.send(PeerIds.SERVER, mode, channel, packet);
        }
        boolean othersKnown = peers.admitted().size() > 1;
        if (target > 0) {
            PeerSession s = peers.get(target);
            if (s == null || !s.isAdmitted() || !enabled) {
                return SendResult.UNKNOWN_PEER;
            }
        } else if (!othersKnown || !enabled) {
            // Nobody but the server to reach: no envelope needed.
            return PeerIds.targets(target, PeerIds.SERVER) ? transport.send(PeerIds.SERVER, mode, channel, packet) : SendResult.SENT;
        }
        RelayFrame.wrap(outbound, target, packet, packet.readPosition(), packet.readRemaining());
        return transport.send(PeerIds.SERVER, mode, channel, outbound);
    }

    private void sendNotice(int to, int sysCommand, int aboutPeer) {
        notice.clear();
        notice.writeUnsignedByte(Command.SYS);
        notice.writeUnsignedByte(sysCommand);
        notice.writeInt(aboutPeer);
        host.transport().send(to, TransferMode.RELIABLE, 0, notice);
    }

    private void onAddPeer(int id) {
        if (id < 2 || id == host.transport().uniqueId() || peers.contains(id)) {
            host.violation(PeerIds.SERVER, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        host.addRelayedPeer(id);
    }

    private void onDelPeer(int id) {
        PeerSession s = peers.get(id);
        if (s == null || s.isDirect()) {
            host.violation(PeerIds.SERVER, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        host.removeRelayedPeer(s);
    }

    /** Server side: a client's envelope names the destination; the source we put in is the transport's sender. */
    private void fromClient(int source, Bytes<?> in, TransferMode mode, int channel) {
        if (!isActive()) {
            host.violation(source, source, Violation.RELAY_DISABLED);
            return;
        }
        if (in.readRemaining() < 5) {
            host.violation(source, source, Violation.MALFORMED);
            return;
        }
        int target = in.readInt();
        long innerAt = in.readPosition();
        long innerLength = in.readRemaining();
        int innerCommand = in.readUnsignedByte(innerAt);
        if (Command.of(innerCommand) == Command.SYS || target == source) {
            host.violation(source, source, Violation.MALFORMED);
            return;
        }
        MultiplayerPeer transport = host.transport();
        if (target > 0) {
            if (target != PeerIds.SERVER) {
                PeerSession to = peers.get(target);
                if (to != null && to.isAdmitted()) {
                    RelayFrame.wrap(forward, source, in, innerAt, innerLength);
                    transport.send(target, mode, channel, forward);
                }
                return;
            }
        } else {
            RelayFrame.wrap(forward, source, in, innerAt, innerLength);
            IntList admitted = peers.admitted();
            for (int i = 0; i < admitted.size(); i++) {
                int p = admitted.getInt(i);
                if (p != source && PeerIds.targets(target, p)) {
                    transport.send(p, mode, channel, forward);
                }
            }
            if (!PeerIds.targets(target, PeerIds.SERVER)) {
                return;
            }
        }
        in.readSkip(1);
        host.dispatch(source, source, innerCommand, in);
    }

    /** Client side: the server's envelope names the source. */
    private void fromServer(Bytes<?> in) {
        if (in.readRemaining() < 5) {
            host.violation(PeerIds.SERVER, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        int source = in.readInt();
        PeerSession s = peers.get(source);
        if (s == null || s.isDirect() || !s.isAdmitted()) {
            host.violation(PeerIds.SERVER, PeerIds.SERVER, Violation.FORGED_SENDER);
            return;
        }
        int innerCommand = in.readUnsignedByte();
        if (Command.of(innerCommand) == Command.SYS) {
            host.violation(source, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        host.dispatch(source, PeerIds.SERVER, innerCommand, in);
    }
}
