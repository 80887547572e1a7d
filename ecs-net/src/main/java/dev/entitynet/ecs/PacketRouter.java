package dev.entitynet.ecs;

import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.peer.PeerTable;
import dev.entitynet.ecs.relay.Relay;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.IntList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Sends encoded game packets to admitted peers only: the server addresses its admitted clients (never
 * those still in hello or authentication), a client goes through the {@link Relay} for other clients.
 */
final class PacketRouter {
    private final SceneMultiplayer multiplayer;
    private final PeerTable peers;
    private final Relay relay;

    PacketRouter(SceneMultiplayer multiplayer, PeerTable peers, Relay relay) {
        this.multiplayer = multiplayer;
        this.peers = peers;
        this.relay = relay;
    }

    /**
     * Sends an encoded packet whose first byte is the command to {@code target} (0 = everyone admitted,
     * negative = everyone admitted but); on a client, traffic for other clients goes through the
     * server's relay. Returns {@link SendResult#CLOSED} once the transport is closed or disconnected.
     */
    SendResult send(int target, TransferMode mode, int channel, Bytes<?> packet) {
        if (target == multiplayer.uniqueId()) {
            throw new IllegalArgumentException("cannot send to this peer itself (" + target + ")");
        }
        if (multiplayer.isClosed()) { // a closed transport throws on send
            return SendResult.CLOSED;
        }
        return multiplayer.isServer() ? sendAsServer(target, mode, channel, packet) : relay.sendFromClient(target, mode, channel, packet);
    }

    private SendResult sendAsServer(int target, TransferMode mode, int channel, Bytes<?> packet) {
        MultiplayerPeer transport = multiplayer.peer();
        long offset = packet.readPosition();
        int length = (int) packet.readRemaining();
        if (target > 0) {
            PeerSession s = peers.get(target);
            if (s == null || !s.isAdmitted()) {
                return SendResult.UNKNOWN_PEER;
            }
            return transport.send(target, mode, channel, packet, offset, length);
        }
        if (peers.pendingCount() == 0) {
            return transport.send(target, mode, channel, packet, offset, length);
        }
        // Peers still in hello or authentication must not see game traffic: address the admitted ones.
        SendResult result = SendResult.SENT;
        IntList admitted = peers.admitted();
        for (int i = 0; i < admitted.size(); i++) {
            int p = admitted.getInt(i);
            if (PeerIds.targets(target, p)) {
                SendResult r = transport.send(p, mode, channel, packet, offset, length);
                if (r != SendResult.SENT) {
                    result = r;
                }
            }
        }
        return result;
    }
}
