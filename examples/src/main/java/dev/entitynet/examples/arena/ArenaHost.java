package dev.entitynet.examples.arena;

import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHostOptions;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The arena in one process: a server and bot clients, each with its own World, talking ENet over
 * real UDP on loopback, ticked in turn on the calling thread at the rules' tick rate.
 */
final class LocalArena implements AutoCloseable {
    /** ENet channels each side asks for. */
    static final int CHANNELS = 2;
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    final ArenaRules rules;
    final ArenaServer server;
    final List<ArenaBot> bots = new ArrayList<>();
    final List<CountingPeer> links = new ArrayList<>();
    final ServerTickMeter meter;
    final int port;
    private final Pacer pacer;
    private long ticks;

    /**
     * Starts the server and connects {@code clients} bots.
     *
     * @param lossPercent share of outgoing datagrams every host drops on purpose
     * @param maxSteadyTicks room for measured server ticks
     */
    LocalArena(ArenaRules rules, int entities, int clients, double lossPercent, long seed, int maxSteadyTicks) {
        if (clients < 1) {
            throw new IllegalArgumentException("the arena needs at least one client, got " + clients);
        }
        this.rules = rules;
        this.meter = new ServerTickMeter(maxSteadyTicks);
        this.server = new ArenaServer(rules, entities, seed, Clock.system());
        try {
            EnetMultiplayerPeer serverPeer = EnetMultiplayerPeer.createServer(LOOPBACK, clients, CHANNELS, 0, 0, hostOptions(seed, lossPercent));
            server.start(serverPeer);
            this.port = serverPeer.host().localAddress().getPort();
            for (int i = 1; i <= clients; i++) {
                long clientSeed = seed + i;
                CountingPeer link = new CountingPeer(EnetMultiplayerPeer.createClient(new InetSocketAddress("127.0.0.1", port), CHANNELS, 0, 0,
                        LOOPBACK, hostOptions(clientSeed, lossPercent), new SplittableRandom(clientSeed)));
                links.add(link);
                bots.add(new ArenaBot(rules, link, clientSeed, Clock.system()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.pacer = new Pacer(rules.tickHz());
    }

    /** ENet host options with the given seed and simulated outgoing loss. */
    static EnetHostOptions hostOptions(long seed, double lossPercent) {
        return EnetHostOptions.defaults().withSeed(seed).withOutgoingLoss(lossPercent, seed);
    }

    /** Waits for the next tick time, then ticks the server (measured) and every bot. */
    void tick() {
        pacer.awaitNextTick();
        meter.tick(server);
        for (int i = 0; i < bots.size(); i++) {
            bots.get(i).tick();
        }
        ticks++;
    }

    /** Ticks until every bot is admitted and has its player, or {@code timeoutNanos} pass; returns whether they are. */
    boolean awaitReady(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!allReady()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            tick();
        }
        return true;
    }

    private boolean allReady() {
        if (server.peers().size() < bots.size()) {
            return false;
        }
        for (ArenaBot bot : bots) {
            if (!bot.ready()) {
                return false;
            }
        }
        return true;
    }

    /** Compares every bot's replicas with the server's state now. */
    ConvergenceCheck check() {
        ConvergenceCheck check = new ConvergenceCheck();
        for (ArenaBot bot : bots) {
            check.compare(server, bot);
        }
        return check;
    }

    /** Sends the digests and ticks until every bot has one, or {@code timeoutNanos} pass; returns whether all arrived. */
    boolean exchangeDigests(long timeoutNanos) {
        server.sendDigests();
        long deadline = System.nanoTime() + timeoutNanos;
        while (!bots.stream().allMatch(ArenaBot::digestReceived)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            tick();
        }
        return true;
    }

    /** Ticks run so far. */
    long ticks() {
        return ticks;
    }

    @Override
    public void close() {
        for (ArenaBot bot : bots) {
            bot.close();
        }
        server.close();
    }
}
