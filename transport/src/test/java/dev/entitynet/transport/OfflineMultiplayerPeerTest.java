package dev.entitynet.transport;

import dev.entitynet.transport.testing.RecordingListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineMultiplayerPeerTest {
    private final OfflineMultiplayerPeer peer = new OfflineMultiplayerPeer();

    @Test
    void isTheServerAndAlwaysConnected() {
        assertEquals(1, peer.uniqueId());
        assertTrue(peer.isServer());
        assertEquals(ConnectionStatus.CONNECTED, peer.connectionStatus());
        peer.close();
        assertEquals(ConnectionStatus.CONNECTED, peer.connectionStatus());
    }

    @Test
    void sendsGoNowhereAndPollDeliversNothing() {
        byte[] data = {1, 2, 3};
        assertEquals(SendResult.SENT, peer.send(0, TransferMode.RELIABLE, 0, data, 0, 3));
        assertEquals(SendResult.SENT, peer.send(-5, TransferMode.UNRELIABLE, 0, data, 0, 3));
        assertEquals(SendResult.UNKNOWN_PEER, peer.send(5, TransferMode.RELIABLE, 0, data, 0, 3));
        RecordingListener listener = new RecordingListener();
        assertEquals(0, peer.poll(listener));
        assertTrue(listener.packets.isEmpty());
    }

    @Test
    void userMistakesStillThrow() {
        byte[] data = {1};
        assertThrows(IllegalArgumentException.class, () -> peer.send(1, TransferMode.RELIABLE, 0, data, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> peer.send(0, TransferMode.RELIABLE, 300, data, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> peer.disconnectPeer(5, false));
    }
}
