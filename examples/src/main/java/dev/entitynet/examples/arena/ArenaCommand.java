package dev.entitynet.examples.arena;

import dev.entitynet.examples.Arguments;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run arena}: the server and bots in one process (default), or {@code --server} and
 * {@code --client HOST:PORT} as separate processes. Exit code 0 only when the clients converged.
 */
public final class ArenaCommand {
    /** Usage line for the launcher. */
    public static final String USAGE = "[--entities N] [--clients M] [--seconds S] [--loss P] [--settle S] [--radius R] [--hz T]"
            + " [--seed X] [--html PATH] | --server [--port P] ... | --client HOST:PORT [--loss P]";
    private static final Set<String> OPTIONS = Set.of("entities", "clients", "seconds", "loss", "settle", "radius", "hz", "seed",
            "html", "port", "client");
    private static final long CONNECT_TIMEOUT = TimeUnit.SECONDS.toNanos(15);
    private static final long DIGEST_TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    private static final int SHOWN_DIVERGENCES = 20;

    private ArenaCommand() {
    }

    /** Runs the arena with command-line {@code args}; returns the exit code. */
    public static int run(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, OPTIONS, Set.of("server"));
        if (!a.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + a.positional().get(0) + "'; usage: ./run arena " + USAGE);
        }
        ArenaRules rules = ArenaRules.defaults().withViewRadius((float) a.doubleValue("radius", 150)).withTickHz(a.intValue("hz", 60));
        double loss = a.doubleValue("loss", 0);
        if (!(loss >= 0 && loss < 100)) {
            throw new IllegalArgumentException("--loss is a percentage from 0 to below 100, got " + loss);
        }
        long seed = a.longValue("seed", 1);
        Path html = Path.of(a.stringValue("html", "arena-report.html"));
        if (a.has("client")) {
            return client(rules, a.stringValue("client", ""), loss, seed, html);
        }
        int entities = a.intValue("entities", 2000);
        int seconds = positive("seconds", a.intValue("seconds", 15));
        int settle = positive("settle", a.intValue("settle", 3));
        if (a.has("server")) {
            return server(rules, entities, positive("clients", a.intValue("clients", 1)), seconds, settle, loss, seed, a.intValue("port", 7777));
        }
        return local(rules, entities, positive("clients", a.intValue("clients", 4)), seconds, settle, loss, seed, html);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
        }
        return value;
    }

    // ---------------------------------------------------------------- one process

    private static int local(ArenaRules rules, int entities, int clients, int seconds, int settle, double loss, long seed, Path html)
            throws Exception {
        int hz = rules.tickHz();
        int runTicks = seconds * hz;
        int warmup = Math.min(3 * hz, runTicks / 3);
        try (LocalArena arena = new LocalArena(rules, entities, clients, loss, seed, runTicks)) {
            System.out.printf("arena: server + %d bots over ENet/UDP on 127.0.0.1:%d, %d entities, %d s at %d Hz, %.1f%% loss, then %d s settle%n",
                    clients, arena.port, entities, seconds, hz, loss, settle);
            if (!arena.awaitReady(CONNECT_TIMEOUT)) {
                System.out.println("FAILED: only " + arena.server.peers().size() + " of " + clients + " clients were admitted with their player");
                return 1;
            }
            BandwidthSeries bandwidth = new BandwidthSeries(clients, seconds);
            sample(arena, bandwidth); // the baseline: the first second starts now
            long connectTicks = arena.ticks();
            for (int t = 0; t < runTicks; t++) {
                arena.meter.steady(t >= warmup);
                arena.tick();
                if ((t + 1) % hz == 0) {
                    sample(arena, bandwidth);
                    bandwidth.endSecond();
                }
            }
            arena.meter.steady(false);
            arena.server.stopMoving();
            for (int t = 0; t < settle * hz; t++) {
                arena.tick();
            }
            ConvergenceCheck check = arena.check();
            boolean digests = arena.exchangeDigests(DIGEST_TIMEOUT);

            ArenaReport report = new ArenaReport("entitynet arena (one process, ENet over UDP loopback)");
            report.fact("entities", "%d movers + %d players in a %.0f x %.0f arena, view radius %.0f", entities, clients,
                    rules.side(), rules.side(), rules.viewRadius());
            report.fact("clients", "%d bots, %s", clients, loss > 0 ? String.format("%.1f%% of outgoing datagrams dropped on every host", loss) : "no loss");
            report.fact("ticks", "%d at %d Hz: %d connecting, %d moving (%d warm-up), %d settling, %d for the digests",
                    arena.ticks(), hz, connectTicks, runTicks, warmup, settle * hz, arena.ticks() - connectTicks - runTicks - settle * hz);
            for (int i = 0; i < clients; i++) {
                ArenaBot bot = arena.bots.get(i);
                ReplicationStats stats = bot.scene.replication.stats();
                report.fact("client " + (i + 1), "in %s/s, out %s/s, %d replicas at the end; %s",
                        bytes(bandwidth.meanIn(i)), bytes(bandwidth.meanOut(i)), bot.replicaCount(), stats);
            }
            report.fact("bandwidth", "payload bytes through the multiplayer layer while moving (ENet headers, acks, resends excluded)");
            report.serverTicks(arena.meter);
            report.fact("steering refused", "%d calls", arena.server.rejectedSteers());
            report.convergence(check, SHOWN_DIVERGENCES);
            for (ArenaBot bot : arena.bots) {
                report.fact("digest " + bot.id(), "%s", bot.digestSummary());
            }
            report.print(System.out);
            Path written = report.writeHtml(html, bandwidth, arena.meter.times());
            System.out.println("report: " + written);
            boolean ok = check.converged() && digests && arena.bots.stream().allMatch(ArenaBot::digestMatches);
            System.out.println(ok ? "converged" : "DIVERGED");
            return ok ? 0 : 1;
        }
    }

    private static void sample(LocalArena arena, BandwidthSeries bandwidth) {
        for (int i = 0; i < arena.links.size(); i++) {
            bandwidth.sample(i, arena.links.get(i).bytesIn(), arena.links.get(i).bytesOut());
        }
    }

    // ---------------------------------------------------------------- separate processes

    private static int server(ArenaRules rules, int entities, int clients, int seconds, int settle, double loss, long seed, int port) {
        int hz = rules.tickHz();
        int runTicks = seconds * hz;
        int warmup = Math.min(3 * hz, runTicks / 3);
        ServerTickMeter meter = new ServerTickMeter(runTicks);
        Pacer pacer = new Pacer(hz);
        try (ArenaServer server = new ArenaServer(rules, entities, seed, Clock.system())) {
            CountingPeer link = new CountingPeer(EnetMultiplayerPeer.createServer(new InetSocketAddress("0.0.0.0", port), Math.max(clients, 32),
                    LocalArena.CHANNELS, 0, 0, LocalArena.hostOptions(seed, loss)));
            server.start(link);
            System.out.printf("arena server on UDP port %d: %d entities; waiting for %d client(s) (./run arena --client HOST:%d)%n",
                    port, entities, clients, port);
            while (server.peers().size() < clients) {
                pacer.awaitNextTick();
                meter.tick(server);
            }
            System.out.printf("%d client(s) in; running %d s, then %d s settle%n", server.peers().size(), seconds, settle);
            long inBefore = link.bytesIn();
            long outBefore = link.bytesOut();
            for (int t = 0; t < runTicks; t++) {
                meter.steady(t >= warmup);
                pacer.awaitNextTick();
                meter.tick(server);
            }
            long in = link.bytesIn() - inBefore;
            long out = link.bytesOut() - outBefore;
            meter.steady(false);
            server.stopMoving();
            for (int t = 0; t < settle * hz; t++) {
                pacer.awaitNextTick();
                meter.tick(server);
            }
            server.sendDigests();
            for (int t = 0; t < hz; t++) { // a second for the digests to arrive before closing
                pacer.awaitNextTick();
                meter.tick(server);
            }
            ArenaReport report = new ArenaReport("entitynet arena server");
            report.fact("entities", "%d movers + %d players, view radius %.0f", entities, server.peers().size(), rules.viewRadius());
            report.fact("clients", "%d at the end; %s", server.peers().size(), loss > 0 ? loss + "% outgoing loss" : "no loss");
            report.fact("server traffic", "in %s/s, out %s/s (payload, all clients together, while moving)",
                    bytes((double) in / seconds), bytes((double) out / seconds));
            report.serverTicks(meter);
            report.fact("steering refused", "%d calls", server.rejectedSteers());
            report.fact("convergence", "each client checks the digest the server sent it; see the clients' reports");
            report.print(System.out);
            return 0;
        }
    }

    private static int client(ArenaRules rules, String hostPort, double loss, long seed, Path html) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--client takes HOST:PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        long clientSeed = seed ^ new SecureRandom().nextLong();
        CountingPeer link = new CountingPeer(EnetMultiplayerPeer.createClient(new InetSocketAddress(host, port), LocalArena.CHANNELS, 0, 0,
                new InetSocketAddress("0.0.0.0", 0), LocalArena.hostOptions(clientSeed, loss), new SecureRandom()));
        int hz = rules.tickHz();
        try (ArenaBot bot = new ArenaBot(rules, link, clientSeed, Clock.system())) {
            boolean[] serverGone = new boolean[1];
            bot.scene.multiplayer.signals().serverDisconnected.connect(() -> serverGone[0] = true);
            bot.scene.multiplayer.signals().connectionFailed.connect(() -> serverGone[0] = true);
            System.out.printf("arena client %d connecting to %s%n", bot.id(), hostPort);
            BandwidthSeries bandwidth = new BandwidthSeries(1, 24 * 3600);
            Pacer pacer = new Pacer(hz);
            long ticks = 0;
            boolean wasReady = false;
            while (!serverGone[0] && link.connectionStatus() != ConnectionStatus.DISCONNECTED) {
                pacer.awaitNextTick();
                bot.tick();
                ticks++;
                if (bot.ready() && !wasReady) {
                    wasReady = true;
                    System.out.println("admitted; steering player p" + bot.id());
                }
                if (ticks % hz == 0 && wasReady) {
                    bandwidth.sample(0, link.bytesIn(), link.bytesOut());
                    bandwidth.endSecond();
                }
            }
            ArenaReport report = new ArenaReport("entitynet arena client " + bot.id());
            report.fact("ticks", "%d at %d Hz", ticks, hz);
            report.fact("traffic", "in %s/s, out %s/s (payload)", bytes(bandwidth.meanIn(0)), bytes(bandwidth.meanOut(0)));
            report.fact("replication", "%s (replicas are deleted when the server leaves)", bot.scene.replication.stats());
            report.fact("convergence", "%s", bot.digestSummary());
            report.print(System.out);
            System.out.println("report: " + report.writeHtml(html, bandwidth, new TickTimes(0)));
            if (!wasReady) {
                System.out.println("FAILED: never admitted by " + hostPort);
                return 1;
            }
            return bot.digestMatches() ? 0 : 1;
        }
    }

    private static String bytes(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format("%.2f MB", perSecond / 1e6);
        }
        return String.format("%.1f KB", perSecond / 1e3);
    }
}
