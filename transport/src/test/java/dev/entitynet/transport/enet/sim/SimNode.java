package dev.entitynet.transport.enet.sim;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEventListener;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/** One engine on one simulated endpoint: what it sends goes through the network's delay lines. */
public final class SimNode implements DatagramOutput {
    private static final EnetEventListener IGNORE = new EnetEventListener() {
        @Override
        public void connected(int peerId, long endpoint, int data) {
        }

        @Override
        public void disconnected(int peerId, long endpoint, int data) {
        }

        @Override
        public void received(int peerId, int channel, int flags, Bytes<?> payload) {
        }
    };

    private final SimNetwork network;
    private final int index;
    private final long endpoint;
    private final EnetEngine engine;
    private EnetEventListener listener = IGNORE;
    private boolean silent;
    private long datagramsSent;

    SimNode(SimNetwork network, int index, long endpoint, EnetEngine engine) {
        this.network = network;
        this.index = index;
        this.endpoint = endpoint;
        this.engine = engine;
    }

    /** The node's engine. */
    public EnetEngine engine() {
        return engine;
    }

    /** The node's endpoint. */
    public long endpoint() {
        return endpoint;
    }

    /** Where the node's events go from now on (events are polled every tick). */
    public SimNode listener(EnetEventListener eventListener) {
        this.listener = eventListener;
        return this;
    }

    /** A silent node's datagrams vanish: the way to make a peer "go away" without a word. */
    public SimNode silent(boolean value) {
        this.silent = value;
        return this;
    }

    /** Datagrams this node's engine handed to the network. */
    public long datagramsSent() {
        return datagramsSent;
    }

    int index() {
        return index;
    }

    void tick(long nowMillis) {
        engine.service(nowMillis, this);
        engine.pollEvents(listener);
    }

    @Override
    public void send(long to, BytesStore<?, ?> data, long offset, int length) {
        datagramsSent++;
        if (!silent) {
            network.transmit(this, to, data, offset, length);
        }
    }
}
