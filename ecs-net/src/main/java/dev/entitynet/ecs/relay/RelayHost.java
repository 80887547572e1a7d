package dev.entitynet.ecs.relay;

import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.transport.MultiplayerPeer;
import net.openhft.chronicle.bytes.Bytes;

/** What the {@link Relay} needs from its {@code SceneMultiplayer}; implemented there, not by users. */
public interface RelayHost {
    /** The current transport. */
    MultiplayerPeer transport();

    /** Whether this side is the server. */
    boolean isServer();

    /** Handles an admitted, non-SYS command from {@code sender} that came through the transport peer {@code direct}. */
    void dispatch(int sender, int direct, int commandByte, Bytes<?> in);

    /** Counts a violation by {@code peerId}, whose packet came through the transport peer {@code direct}. */
    void violation(int peerId, int direct, Violation violation);

    /** Client side: the server announced another admitted client. */
    void addRelayedPeer(int peerId);

    /** Client side: the server announced that a relayed client left. */
    void removeRelayedPeer(PeerSession s);
}
