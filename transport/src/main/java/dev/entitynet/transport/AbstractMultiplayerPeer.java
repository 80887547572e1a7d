package dev.entitynet.transport;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * What every transport's {@link MultiplayerPeer} does the same way: keeps the refuse-new-connections
 * flag, checks send arguments ({@link SendArguments}) before anything is touched, and turns heap-array
 * sends into off-heap ones. Subclasses implement {@link #sendChecked} and the rest of the contract.
 */
public abstract class AbstractMultiplayerPeer implements MultiplayerPeer {
    private boolean refuseNewConnections;
    private Bytes<?> heapSendScratch;
    private final IntArrayList localDisconnects = new IntArrayList();

    @Override
    public final boolean isRefusingNewConnections() {
        return refuseNewConnections;
    }

    @Override
    public final void setRefuseNewConnections(boolean refuse) {
        refuseNewConnections = refuse;
    }

    @Override
    public final SendResult send(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        SendArguments.check(this, isClosed(), target, mode, channel, length);
        return sendChecked(target, mode, channel, data, offset, length);
    }

    @Override
    public final SendResult send(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        SendArguments.check(this, isClosed(), target, mode, channel, length);
        return sendCheckedArray(target, mode, channel, data, offset, length);
    }

    // The interface methods left to subclasses are declared here again on purpose: an abstract class
    // that leaves interface methods undeclared gets HotSpot-generated stubs whose error messages are
    // allocated on whichever thread first makes a method of this class hot (see JitPrimer).

    @Override
    public abstract int uniqueId();

    @Override
    public abstract ConnectionStatus connectionStatus();

    @Override
    public abstract int channelCount();

    @Override
    public abstract int maxPacketSize();

    @Override
    public abstract boolean isServerRelaySupported();

    @Override
    public abstract int poll(PeerEventListener listener);

    @Override
    public abstract void disconnectPeer(int peerId, boolean force);

    @Override
    public abstract void close();

    /**
     * Reports on the next poll that this side ended the connection to {@code peerId}: as in Godot,
     * a forced disconnect is delivered through {@code poll} like any other.
     */
    protected final void reportLocalDisconnect(int peerId) {
        localDisconnects.add(peerId);
    }

    /** Hands the reported local disconnects to {@code listener} and forgets them; returns how many. */
    protected final int deliverLocalDisconnects(PeerEventListener listener) {
        int count = localDisconnects.size();
        for (int i = 0; i < count; i++) {
            listener.peerDisconnected(localDisconnects.getInt(i));
        }
        localDisconnects.clear();
        return count;
    }

    /** Whether this peer was closed: sends then throw. */
    protected abstract boolean isClosed();

    /** Sends {@code length} bytes of {@code data} at {@code offset}; the arguments are already checked. */
    protected abstract SendResult sendChecked(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length);

    /**
     * Sends {@code length} bytes of a heap array; the arguments are already checked. By default copies
     * them into an off-heap scratch buffer (allocated at the first call, reused after) for {@link #sendChecked}.
     */
    protected SendResult sendCheckedArray(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        if (heapSendScratch == null) {
            heapSendScratch = Bytes.allocateElasticDirect(256);
        }
        heapSendScratch.clear();
        heapSendScratch.write(data, offset, length);
        return sendChecked(target, mode, channel, heapSendScratch, 0, length);
    }

    /** Frees the heap-send scratch buffer, if one was allocated; call when closing. */
    protected final void releaseHeapSendScratch() {
        if (heapSendScratch != null) {
            heapSendScratch.releaseLast();
            heapSendScratch = null;
        }
    }
}
