package dev.entitynet.transport.enet.engine;

/**
 * Events waiting for {@code pollEvents}, in the order they happened: a growable ring of parallel
 * primitive arrays, so queueing allocates only while it grows. Each event has a sequence number
 * (its position in the history) so a slot can discard what it queued before a local reset.
 */
final class EventQueue {
    static final int CONNECTED = 1;
    static final int DISCONNECTED = 2;
    static final int RECEIVED = 3;

    private int[] kind = new int[64];
    private int[] peer = new int[64];
    private long[] endpoint = new long[64];
    private int[] data = new int[64];
    private IncomingCommand[] packet = new IncomingCommand[64];
    private int head;
    private int size;
    private long headSequence;

    /** The sequence number the next queued event gets. */
    long nextSequence() {
        return headSequence + size;
    }

    int size() {
        return size;
    }

    void add(int eventKind, int peerId, long peerEndpoint, int eventData, IncomingCommand command) {
        if (size == kind.length) {
            grow();
        }
        int i = (head + size) & (kind.length - 1);
        kind[i] = eventKind;
        peer[i] = peerId;
        endpoint[i] = peerEndpoint;
        data[i] = eventData;
        packet[i] = command;
        size++;
    }

    int headKind() {
        return kind[head];
    }

    int headPeer() {
        return peer[head];
    }

    long headEndpoint() {
        return endpoint[head];
    }

    int headData() {
        return data[head];
    }

    IncomingCommand headPacket() {
        return packet[head];
    }

    long headSequence() {
        return headSequence;
    }

    void removeHead() {
        packet[head] = null;
        head = (head + 1) & (kind.length - 1);
        size--;
        headSequence++;
    }

    private void grow() {
        int n = kind.length * 2;
        int[] k = new int[n];
        int[] p = new int[n];
        long[] e = new long[n];
        int[] d = new int[n];
        IncomingCommand[] c = new IncomingCommand[n];
        for (int j = 0; j < size; j++) {
            int i = (head + j) & (kind.length - 1);
            k[j] = kind[i];
            p[j] = peer[i];
            e[j] = endpoint[i];
            d[j] = data[i];
            c[j] = packet[i];
        }
        kind = k;
        peer = p;
        endpoint = e;
        data = d;
        packet = c;
        head = 0;
    }
}
