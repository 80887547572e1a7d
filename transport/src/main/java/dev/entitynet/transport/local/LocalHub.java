package dev.entitynet.transport.local;

import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.link.DatagramPool;
import dev.entitynet.transport.link.DelayLine;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.SplittableRandom;

/**
 * An in-process network: one server peer and any number of client peers, each client joined to
 * the server by two conditioned links (see {@link LinkProfile}). Everything random comes from one
 * seed and all time from the given clock, so a test with a manual clock replays exactly.
 * Single-threaded: create, send and poll every peer of a hub from one thread.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * LocalHub hub = new LocalHub(clock, 42, LinkProfile.perfect().withLatencyMillis(20, 5).withLoss(0.1));
 * MultiplayerPeer server = hub.createServer();
 * MultiplayerPeer client = hub.createClient();
 * clock.advanceMillis(50);
 * server.poll(listener);   // peerConnected(client id)
 * }</pre>
 */
public final class LocalHub implements AutoCloseable {
    private final Clock clock;
    private final SplittableRandom random;
    private final LinkProfile defaultProfile;
    private final DatagramPool pool = new DatagramPool();
    private final ObjectArrayList<LocalConnection> connections = new ObjectArrayList<>();
    private LocalServerPeer server;

    /** A hub whose links are perfect until changed. */
    public LocalHub(Clock clock, long seed) {
        this(clock, seed, LinkProfile.perfect());
    }

    /** A hub whose new links, both directions, get {@code defaultProfile}. */
    public LocalHub(Clock clock, long seed, LinkProfile defaultProfile) {
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.defaultProfile = defaultProfile;
    }

    /** Creates the server with default settings. */
    public LocalMultiplayerPeer createServer() {
        return createServer(LocalPeerConfig.defaults());
    }

    /**
     * Creates the hub's server (id 1).
     *
     * @throws IllegalStateException when the hub already has an open server
     */
    public LocalMultiplayerPeer createServer(LocalPeerConfig config) {
        if (server != null && !server.closed) {
            throw new IllegalStateException("this hub already has an open server; close it first or use another hub");
        }
        server = new LocalServerPeer(this, config);
        return server;
    }

    /** Creates a client with default settings; it starts connecting at once. */
    public LocalMultiplayerPeer createClient() {
        return createClient(LocalPeerConfig.defaults());
    }

    /**
     * Creates a client that starts connecting to the server at once; it reports
     * {@code peerConnected(1)} once the server accepted it.
     *
     * @throws IllegalStateException when the hub has no open server
     */
    public LocalMultiplayerPeer createClient(LocalPeerConfig config) {
        if (server == null || server.closed) {
            throw new IllegalStateException("create the server (hub.createServer()) before its clients");
        }
        int id = config.clientId() != 0 ? config.clientId() : PeerIds.generateUniqueId(random);
        LocalClientPeer client = new LocalClientPeer(this, config, id, server.channelCount());
        LocalConnection c = new LocalConnection(client, newLink(), newLink());
        connections.add(c);
        client.connect(c);
        return client;
    }

    /** Changes the conditions on both links of {@code client}, from now on. */
    public void linkProfile(MultiplayerPeer client, LinkProfile up, LinkProfile down) {
        LocalConnection c = connectionOf(client);
        c.up.line.profile(up);
        c.down.line.profile(down);
    }

    /** The line that carries {@code client}'s datagrams to the server (for its loss counters). */
    public DelayLine upLine(MultiplayerPeer client) {
        return connectionOf(client).up.line;
    }

    /** The line that carries the server's datagrams to {@code client}. */
    public DelayLine downLine(MultiplayerPeer client) {
        return connectionOf(client).down.line;
    }

    /** The hub's clock, in nanoseconds. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    /** The datagram pool, for checking that nothing leaks. */
    public DatagramPool pool() {
        return pool;
    }

    @Override
    public void close() {
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).discard();
        }
        pool.close();
    }

    ObjectArrayList<LocalConnection> connections() {
        return connections;
    }

    void pruneFinishedConnections() {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (connections.get(i).finished()) {
                connections.remove(i).discard();
            }
        }
    }

    private LocalLink newLink() {
        return new LocalLink(new DelayLine(defaultProfile, random.nextLong(), pool));
    }

    private LocalConnection connectionOf(MultiplayerPeer client) {
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).client == client) {
                return connections.get(i);
            }
        }
        throw new IllegalArgumentException("peer " + client.uniqueId() + " is not a client of this hub (or it has finished)");
    }
}
