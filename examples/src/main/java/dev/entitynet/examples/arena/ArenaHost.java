package dev.entitynet.examples.arena;

import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import dev.entitynet.transport.enet.secure.SecureMode;
import dev.entitynet.transport.secure.TokenIssuer;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The arena's server process: the server on ENet over UDP, counting its traffic per client and
 * timing its ticks, plus any bot clients running in the same process (each with its own World).
 * Everything is ticked in turn on the calling thread at the rules' tick rate. The one-process
 * arena has bots on loopback; {@code --server} has none and waits for clients from elsewhere.
 */
final class ArenaHost implements AutoCloseable {
    /** ENet channels each side asks for. */
    static final int CHANNELS = 2;
    /** Clients a listening server admits at least, so more than the expected ones may look in. */
    private static final int MIN_CLIENT_SLOTS = 32;

    final ArenaRules rules;
    final ArenaServer server;
    final List<ArenaBot> bots = new ArrayList<>();
    /** The server's transport, counting bytes per client. */
    final CountingPeer link;
    final TickMeter meter;
    /** The arena's protocol id in connect tokens. */
    private static final long SECURE_PROTOCOL = 0x4152_454E_41L;
    final int port;
    private final Pacer pacer;
    private long ticks;

    private ArenaHost(ArenaRules rules, int entities, InetSocketAddress bind, int clientSlots, int botCount, double lossPercent, long seed,
            int maxSteadyTicks, boolean secure) {
        this.rules = rules;
        this.meter = new TickMeter(maxSteadyTicks);
        this.server = new ArenaServer(rules, entities, seed, Clock.system());
        try {
            byte[] privateKey = new byte[32];
            new SecureRandom().nextBytes(privateKey);
            EnetHostOptions serverOptions = hostOptions(seed, lossPercent);
            if (secure) {
                serverOptions = serverOptions.withSecure(SecureMode.server(privateKey, SECURE_PROTOCOL, null));
            }
            EnetMultiplayerPeer serverPeer = EnetMultiplayerPeer.createServer(bind, clientSlots, CHANNELS, 0, 0, serverOptions);
            this.link = new CountingPeer(serverPeer);
            server.start(link);
            this.port = serverPeer.host().localAddress().getPort();
            for (int i = 1; i <= botCount; i++) {
                long botSeed = seed + i;
                InetSocketAddress serverAddress = new InetSocketAddress("127.0.0.1", port);
                EnetHostOptions botOptions = hostOptions(botSeed, lossPercent);
                if (secure) {
                    // what a backend would hand each player after its login: a token for this server
                    byte[] token = new TokenIssuer(privateKey, SECURE_PROTOCOL, () -> System.currentTimeMillis() / 1000)
                            .issue(i, List.of(serverAddress), 3600, 10, new byte[0]);
                    botOptions = botOptions.withSecure(SecureMode.client(token));
                }
                EnetMultiplayerPeer botPeer = EnetMultiplayerPeer.createClient(serverAddress, CHANNELS, 0, 0,
                        new InetSocketAddress("127.0.0.1", 0), botOptions, new SplittableRandom(botSeed));
                bots.add(new ArenaBot(rules, botPeer, botSeed, Clock.system()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.pacer = new Pacer(rules.tickHz());
    }

    /**
     * The one-process arena: a server on a free loopback port and {@code bots} bots connecting to it.
     *
     * @param lossPercent share of outgoing datagrams every host drops on purpose
     * @param maxSteadyTicks room for measured server ticks
     */
    static ArenaHost withBots(ArenaRules rules, int entities, int bots, double lossPercent, long seed, int maxSteadyTicks) {
        return withBots(rules, entities, bots, lossPercent, seed, maxSteadyTicks, false);
    }

    /** The one-process arena, with authenticated, encrypted sessions when {@code secure} (tokens minted here). */
    static ArenaHost withBots(ArenaRules rules, int entities, int bots, double lossPercent, long seed, int maxSteadyTicks, boolean secure) {
        if (bots < 1) {
            throw new IllegalArgumentException("the arena needs at least one client, got " + bots);
        }
        return new ArenaHost(rules, entities, new InetSocketAddress("127.0.0.1", 0), bots, bots, lossPercent, seed, maxSteadyTicks, secure);
    }

    /**
     * A server alone on UDP {@code port} of every interface (0: any free port), for clients in
     * other processes.
     */
    static ArenaHost listening(ArenaRules rules, int entities, int port, int clients, double lossPercent, long seed, int maxSteadyTicks) {
        return new ArenaHost(rules, entities, new InetSocketAddress("0.0.0.0", port), Math.max(clients, MIN_CLIENT_SLOTS), 0, lossPercent, seed,
                maxSteadyTicks, false);
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

    /** Ticks {@code count} times. */
    void tick(int count) {
        for (int t = 0; t < count; t++) {
            tick();
        }
    }

    /**
     * Ticks until the server has admitted {@code clients} clients and every bot here has its player,
     * or {@code timeoutNanos} pass; returns whether they are in.
     */
    boolean awaitClients(int clients, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!allIn(clients)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            tick();
        }
        return true;
    }

    /** {@link #awaitClients} for the bots of this process. */
    boolean awaitReady(long timeoutNanos) {
        return awaitClients(bots.size(), timeoutNanos);
    }

    private boolean allIn(int clients) {
        if (server.peers().size() < clients) {
            return false;
        }
        for (ArenaBot bot : bots) {
            if (!bot.ready()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The measured run: {@code runTicks} ticks of movement, timing the server's ticks after the
     * first {@code warmupTicks}, recording what the server sent to and received from each client
     * admitted now, and what each had in view, in every second; then stops all movement.
     *
     * @return each client's traffic per second, from the client's side (in = what the server sent
     *     it), and its view
     */
    RunSeries move(int runTicks, int warmupTicks) {
        int hz = rules.tickHz();
        int[] clients = server.peers().toIntArray();
        String[] names = new String[clients.length];
        for (int i = 0; i < clients.length; i++) {
            names[i] = "client " + clients[i];
        }
        BandwidthSeries bandwidth = new BandwidthSeries(names, runTicks / hz + 1);
        ViewSeries view = new ViewSeries(server.scene.replication, clients);
        sample(bandwidth, clients); // the baseline: the first second starts now
        for (int t = 0; t < runTicks; t++) {
            meter.steady(t >= warmupTicks);
            tick();
            if ((t + 1) % hz == 0) {
                sample(bandwidth, clients);
                bandwidth.endSecond();
                view.sample();
            }
        }
        meter.steady(false);
        server.stopMoving();
        return new RunSeries(bandwidth, view);
    }

    private void sample(BandwidthSeries bandwidth, int[] clients) {
        for (int i = 0; i < clients.length; i++) {
            bandwidth.sample(i, link.bytesTo(clients[i]), link.bytesFrom(clients[i]));
        }
    }

    /** Compares every bot's replicas with the server's state now. */
    ConvergenceCheck check() {
        ConvergenceCheck check = new ConvergenceCheck();
        for (ArenaBot bot : bots) {
            check.compare(server, bot);
        }
        return check;
    }

    /**
     * Sends every client its digest and ticks until every bot here has its own, or
     * {@code timeoutNanos} pass; returns whether all bots got theirs.
     */
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
