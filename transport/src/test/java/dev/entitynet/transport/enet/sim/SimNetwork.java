package dev.entitynet.transport.enet.sim;

import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.link.Datagram;
import dev.entitynet.transport.link.DatagramPool;
import dev.entitynet.transport.link.DelayLine;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic datagram network for ENet engines: nodes on endpoints, one seeded
 * {@link DelayLine} per direction between two nodes (every datagram through
 * {@link DelayLine#sendUnreliable}, so it may be lost, duplicated, delayed or reordered), driven by
 * a {@link ManualClock} in 1 ms ticks. The same seed and calls give the same run.
 */
public final class SimNetwork implements AutoCloseable {
    private final ManualClock clock = new ManualClock();
    private final DatagramPool pool = new DatagramPool();
    private final SplittableRandom seeds;
    private final List<SimNode> nodes = new ArrayList<>();
    private final Long2IntOpenHashMap nodeByEndpoint = new Long2IntOpenHashMap();
    private final Long2ObjectOpenHashMap<DelayLine> lineByPair = new Long2ObjectOpenHashMap<>();
    private final List<DelayLine> lines = new ArrayList<>();
    private final List<SimNode> lineReceivers = new ArrayList<>();
    private final List<SimNode> lineSenders = new ArrayList<>();
    private LinkProfile defaultProfile;
    private long undeliverable;

    /** A network whose links all behave as {@code profile} unless {@link #profile} says otherwise. */
    public SimNetwork(long seed, LinkProfile profile) {
        this.seeds = new SplittableRandom(seed);
        this.defaultProfile = profile;
        nodeByEndpoint.defaultReturnValue(-1);
    }

    /** Adds an engine on {@code endpoint}; its seed comes from the network's. */
    public SimNode add(long endpoint, EnetConfig config) {
        if (nodeByEndpoint.containsKey(endpoint)) {
            throw new IllegalArgumentException("endpoint " + endpoint + " already has a node");
        }
        SimNode node = new SimNode(this, nodes.size(), endpoint, new EnetEngine(config, seeds.nextLong()));
        nodes.add(node);
        nodeByEndpoint.put(endpoint, node.index());
        return node;
    }

    /** Sets the profile of the direction {@code from → to} (created on first use otherwise). */
    public void profile(SimNode from, SimNode to, LinkProfile profile) {
        line(from, to).profile(profile);
    }

    /** Sets the profile of every existing line and of lines created later. */
    public void profileAll(LinkProfile profile) {
        this.defaultProfile = profile;
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).profile(profile);
        }
    }

    /** Current simulated time in milliseconds. */
    public long nowMillis() {
        return clock.nanoTime() / 1_000_000L;
    }

    /** Runs {@code millis} ticks of 1 ms: deliver what is due, service every engine, poll its events. */
    public void run(long millis) {
        for (long i = 0; i < millis; i++) {
            tick();
        }
    }

    /** Runs ticks until {@code done} holds or {@code maxMillis} passed; returns whether it holds. */
    public boolean runUntil(java.util.function.BooleanSupplier done, long maxMillis) {
        for (long i = 0; i < maxMillis; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            tick();
        }
        return done.getAsBoolean();
    }

    /** One 1 ms step. */
    public void tick() {
        long nowNanos = clock.nanoTime();
        long nowMillis = nowNanos / 1_000_000L;
        for (int i = 0; i < lines.size(); i++) {
            DelayLine line = lines.get(i);
            SimNode receiver = lineReceivers.get(i);
            long from = lineSenders.get(i).endpoint();
            Datagram d;
            while ((d = line.pollDue(nowNanos)) != null) {
                receiver.engine().receive(from, d.data(), 0, d.length(), nowMillis);
                pool.release(d);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).tick(nowMillis);
        }
        clock.advanceMillis(1);
    }

    /** Datagrams in flight on every line together. */
    public int inFlight() {
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            n += lines.get(i).inFlight();
        }
        return n;
    }

    /** Datagrams sent to an endpoint without a node. */
    public long undeliverable() {
        return undeliverable;
    }

    /** Datagrams this network's pool ever created: bounded when nothing leaks. */
    public int datagramsCreated() {
        return pool.created();
    }

    void transmit(SimNode from, long to, BytesStore<?, ?> data, long offset, int length) {
        int target = nodeByEndpoint.get(to);
        if (target < 0) {
            undeliverable++;
            return;
        }
        Datagram d = pool.acquire().payload(data, offset, length);
        d.from = from.index();
        d.to = target;
        line(from, nodes.get(target)).sendUnreliable(d, clock.nanoTime());
    }

    private DelayLine line(SimNode from, SimNode to) {
        long key = (long) from.index() << 32 | to.index();
        DelayLine line = lineByPair.get(key);
        if (line == null) {
            line = new DelayLine(defaultProfile, seeds.nextLong(), pool);
            lineByPair.put(key, line);
            lines.add(line);
            lineSenders.add(from);
            lineReceivers.add(to);
        }
        return line;
    }

    /** Closes every engine and frees the pooled datagrams. */
    @Override
    public void close() {
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).clear();
        }
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).engine().close();
        }
        pool.close();
    }
}
