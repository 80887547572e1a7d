package dev.entitynet.transport;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * Godot's offline peer: id 1, always connected, no traffic. Installed when no transport is set, so
 * authority checks work in single player. Sends to the broadcast or exclusion targets reach nobody
 * and succeed; a send to a specific peer reports {@link SendResult#UNKNOWN_PEER}.
 */
public final class OfflineMultiplayerPeer extends AbstractMultiplayerPeer {
    /** Offline peers accept any channel Godot allows. */
    private static final int CHANNELS = 256;
    private static final int MAX_PACKET_SIZE = 1 << 24;

    @Override
    public int uniqueId() {
        return PeerIds.SERVER;
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return ConnectionStatus.CONNECTED;
    }

    @Override
    public int channelCount() {
        return CHANNELS;
    }

    @Override
    public int maxPacketSize() {
        return MAX_PACKET_SIZE;
    }

    @Override
    public boolean isServerRelaySupported() {
        return false;
    }

    /** Offline peers are never closed. */
    @Override
    protected boolean isClosed() {
        return false;
    }

    @Override
    protected SendResult sendChecked(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        return sendNowhere(target);
    }

    @Override
    protected SendResult sendCheckedArray(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        return sendNowhere(target);
    }

    private static SendResult sendNowhere(int target) {
        return target > 0 ? SendResult.UNKNOWN_PEER : SendResult.SENT;
    }

    @Override
    public int poll(PeerEventListener listener) {
        return 0;
    }

    @Override
    public void disconnectPeer(int peerId, boolean force) {
        throw new IllegalArgumentException("peer " + peerId + " is not connected: the offline peer has no connections");
    }

    /** Offline peers stay connected: closing one changes nothing, as in Godot. */
    @Override
    public void close() {
    }
}
