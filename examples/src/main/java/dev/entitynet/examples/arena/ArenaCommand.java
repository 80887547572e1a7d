package dev.entitynet.examples.arena;

import com.artemis.World;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.examples.Arguments;
import dev.entitynet.replication.SceneReplication;
import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.warmup.JitPrimer;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.Jvm;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run arena}: the server and bots in one process (default), or {@code --server} and
 * {@code --client HOST:PORT} as separate processes. Exit code 0 only when the clients converged.
 */
public final class ArenaCommand {
    /** Usage line for the launcher. */
    public static final String USAGE = "[--entities N] [--clients M] [--seconds S] [--loss P] [--settle S] [--radius R] [--hz T] [--secure]"
            + " [--seed X] [--html PATH] | --server [--port P] [--wait S] ... | --client HOST:PORT [--loss P] [--html PATH]";
    private static final Set<String> OPTIONS = Set.of("entities", "clients", "seconds", "loss", "settle", "radius", "hz", "seed",
            "html", "port", "wait", "client");
    private static final long CONNECT_TIMEOUT = TimeUnit.SECONDS.toNanos(15);
    private static final long DIGEST_TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    private static final int SHOWN_DIVERGENCES = 20;
    /** How long a client process records its ticks and traffic; later ones go unrecorded. */
    private static final int CLIENT_RECORD_SECONDS = 3600;

    private ArenaCommand() {
    }

    /** Runs the arena with command-line {@code args}; returns the exit code. */
    public static int run(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, OPTIONS, Set.of("server", "secure"));
        if (!a.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + a.positional().get(0) + "'; usage: ./run arena " + USAGE);
        }
        ArenaRules rules = ArenaRules.defaults().withViewRadius((float) a.doubleValue("radius", 150)).withTickHz(a.intValue("hz", 60));
        double loss = a.doubleValue("loss", 0);
        if (!(loss >= 0 && loss < 100)) {
            throw new IllegalArgumentException("--loss is a percentage from 0 to below 100, got " + loss);
        }
        long seed = a.longValue("seed", 1);
        boolean secure = a.has("secure");
        if (secure && (a.has("server") || a.has("client"))) {
            throw new IllegalArgumentException("--secure is for the one-process arena: with --server/--client the tokens would come from a backend");
        }
        primeLibraries();
        if (a.has("client")) {
            return client(rules, a.stringValue("client", ""), loss, seed, Path.of(a.stringValue("html", "arena-client-report.html")));
        }
        int entities = a.intValue("entities", 2000);
        Phases phases = new Phases(rules.tickHz(), positive("seconds", a.intValue("seconds", 15)), positive("settle", a.intValue("settle", 3)));
        if (a.has("server")) {
            return server(rules, entities, positive("clients", a.intValue("clients", 1)), phases, loss, seed, a.intValue("port", 7777),
                    TimeUnit.SECONDS.toNanos(positive("wait", a.intValue("wait", 300))), Path.of(a.stringValue("html", "arena-server-report.html")));
        }
        return local(rules, entities, positive("clients", a.intValue("clients", 4)), phases, loss, seed, secure,
                Path.of(a.stringValue("html", "arena-report.html")));
    }

    /**
     * Primes everything the game thread runs, so the JIT compiles the tick's hot methods minutes
     * into a run without allocating on the measured thread (see {@link JitPrimer}). That includes
     * the allocation meter's own {@code ThreadMXBean}, which is read twice per tick.
     */
    static void primeLibraries() {
        JitPrimer.primeCodeSourcesOf(ArenaServer.class, SceneReplication.class, SceneMultiplayer.class, EnetHost.class, World.class,
                IntArrayList.class, Bytes.class, Jvm.class, SingleThreadEventExecutor.class, EventLoop.class, EpollEventLoopGroup.class);
        JitPrimer.primeClassesOf(ManagementFactory.getThreadMXBean().getClass());
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
        }
        return value;
    }

    /** The server's run: {@code seconds} of movement, the first part warm-up, then {@code settle} seconds without. */
    private record Phases(int hz, int seconds, int settle) {
        int runTicks() {
            return seconds * hz;
        }

        int warmupTicks() {
            return Math.min(3 * hz, runTicks() / 3);
        }

        int settleTicks() {
            return settle * hz;
        }
    }

    // ---------------------------------------------------------------- both server modes

    /**
     * Runs the measured phases on {@code host} (its clients are in) and starts the report both
     * server modes share: traffic per client, server tick time and allocation, and the plots.
     */
    private static ArenaReport measure(ArenaHost host, String title, int entities, String clients, Phases phases) {
        long connectTicks = host.ticks();
        RunSeries run = host.move(phases.runTicks(), phases.warmupTicks());
        BandwidthSeries bandwidth = run.bandwidth();
        host.tick(phases.settleTicks());
        ArenaRules rules = host.rules;
        ArenaReport report = new ArenaReport(title);
        report.fact("entities", "%d movers + %d players in a %.0f x %.0f arena, view radius %.0f (kept to %.0f) in cells of %.0f",
                entities, host.server.peers().size(), rules.side(), rules.side(), rules.viewRadius(), rules.viewRadius() + rules.viewMargin(),
                rules.cellSize());
        report.fact("clients", "%s", clients);
        report.fact("ticks", "at %d Hz: %d connecting, %d moving (%d warm-up), %d settling",
                phases.hz(), connectTicks, phases.runTicks(), phases.warmupTicks(), phases.settleTicks());
        report.traffic(bandwidth);
        report.fact("bandwidth", "payload bytes per second through the server's multiplayer layer while moving: a client's in is what the"
                + " server sent it, its out what the server received from it (ENet headers, acks, resends excluded)");
        report.view(run.view());
        report.ticks("server", host.meter);
        report.fact("steering refused", "%d calls", host.server.rejectedSteers());
        return report.plots(bandwidth, "server", host.meter.times());
    }

    private static String lossText(double loss) {
        return loss > 0 ? String.format(Locale.ROOT, "%.1f%% of outgoing datagrams dropped on every host", loss) : "no loss";
    }

    // ---------------------------------------------------------------- one process

    private static int local(ArenaRules rules, int entities, int clients, Phases phases, double loss, long seed, boolean secure, Path html)
            throws Exception {
        try (ArenaHost host = ArenaHost.withBots(rules, entities, clients, loss, seed, phases.runTicks(), secure)) {
            System.out.printf("arena: server + %d bots over ENet/UDP on 127.0.0.1:%d, %d entities, %d s at %d Hz, %s, then %d s settle%n",
                    clients, host.port, entities, phases.seconds(), phases.hz(), lossText(loss), phases.settle());
            if (!host.awaitReady(CONNECT_TIMEOUT)) {
                System.out.println("FAILED: only " + host.server.peers().size() + " of " + clients + " clients were admitted with their player");
                return 1;
            }
            ArenaReport report = measure(host, "entitynet arena (one process, ENet over UDP loopback)", entities,
                    String.format("%d bots in this process, %s%s", clients, lossText(loss),
                            secure ? ", secure sessions (connect tokens, ChaCha20-Poly1305 on every datagram)" : ""), phases);
            ConvergenceCheck check = host.check();
            boolean digests = host.exchangeDigests(DIGEST_TIMEOUT);
            for (ArenaBot bot : host.bots) {
                report.fact("replicas " + bot.id(), "%d at the end; %s", bot.replicaCount(), bot.scene.replication.stats());
            }
            report.convergence(check, SHOWN_DIVERGENCES);
            for (ArenaBot bot : host.bots) {
                report.fact("digest " + bot.id(), "%s", bot.digestSummary());
            }
            report.print(System.out);
            System.out.println("report: " + report.writeHtml(html));
            boolean ok = check.converged() && digests && host.bots.stream().allMatch(ArenaBot::digestMatches);
            System.out.println(ok ? "converged" : "DIVERGED");
            return ok ? 0 : 1;
        }
    }

    // ---------------------------------------------------------------- separate processes

    private static int server(ArenaRules rules, int entities, int clients, Phases phases, double loss, long seed, int port, long waitNanos,
            Path html) throws Exception {
        try (ArenaHost host = ArenaHost.listening(rules, entities, port, clients, loss, seed, phases.runTicks())) {
            System.out.printf("arena server on UDP port %d: %d entities; waiting for %d client(s) (./run arena --client HOST:%d)%n",
                    host.port, entities, clients, host.port);
            if (!host.awaitClients(clients, waitNanos)) {
                System.out.printf("FAILED: %d of %d client(s) connected within %d s%n", host.server.peers().size(), clients,
                        TimeUnit.NANOSECONDS.toSeconds(waitNanos));
                return 1;
            }
            System.out.printf("%d client(s) in; running %d s, then %d s settle%n", host.server.peers().size(), phases.seconds(), phases.settle());
            ArenaReport report = measure(host, "entitynet arena server", entities,
                    String.format("%d in other processes, %s", host.server.peers().size(), lossText(loss)), phases);
            List<ArenaServer.SentDigest> sent = host.server.sendDigests();
            host.tick(phases.hz()); // a second for the digests to arrive before closing
            for (ArenaServer.SentDigest digest : sent) {
                report.fact("digest " + digest.peer(), "%s; the client compares it with its replicas (see its report)", digest);
            }
            report.print(System.out);
            System.out.println("report: " + report.writeHtml(html));
            if (sent.size() < clients) {
                System.out.printf("FAILED: only %d of %d client(s) stayed to the end%n", sent.size(), clients);
                return 1;
            }
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
        CountingPeer link = new CountingPeer(EnetMultiplayerPeer.createClient(new InetSocketAddress(host, port), ArenaHost.CHANNELS, 0, 0,
                new InetSocketAddress("0.0.0.0", 0), ArenaHost.hostOptions(clientSeed, loss), new SecureRandom()));
        int hz = rules.tickHz();
        try (ArenaBot bot = new ArenaBot(rules, link, clientSeed, Clock.system())) {
            boolean[] serverGone = new boolean[1];
            bot.scene.multiplayer.signals().serverDisconnected.connect(() -> serverGone[0] = true);
            bot.scene.multiplayer.signals().connectionFailed.connect(() -> serverGone[0] = true);
            System.out.printf("arena client %d connecting to %s%n", bot.id(), hostPort);
            BandwidthSeries bandwidth = new BandwidthSeries(new String[] {"client " + bot.id()}, CLIENT_RECORD_SECONDS);
            TickMeter meter = new TickMeter(CLIENT_RECORD_SECONDS * hz);
            Pacer pacer = new Pacer(hz);
            long ticks = 0;
            long readyTicks = 0;
            while (!serverGone[0] && link.connectionStatus() != ConnectionStatus.DISCONNECTED) {
                pacer.awaitNextTick();
                meter.steady(readyTicks >= hz); // measured from a second after admission, warm-up excluded
                meter.tick(bot);
                ticks++;
                if (readyTicks > 0 || bot.ready()) {
                    if (readyTicks == 0) {
                        System.out.println("admitted; steering player p" + bot.id());
                        bandwidth.sample(0, link.bytesIn(), link.bytesOut()); // the baseline: the first second starts now
                    } else if (readyTicks % hz == 0) {
                        bandwidth.sample(0, link.bytesIn(), link.bytesOut());
                        bandwidth.endSecond();
                    }
                    readyTicks++;
                }
            }
            ArenaReport report = new ArenaReport("entitynet arena client " + bot.id());
            report.fact("ticks", "%d at %d Hz, %d of them admitted", ticks, hz, readyTicks);
            report.traffic(bandwidth);
            report.fact("bandwidth", "payload bytes per second through this client's multiplayer layer while admitted"
                    + " (ENet headers, acks, resends excluded)");
            report.ticks("client", meter);
            report.fact("replication", "%s (replicas are deleted when the server leaves)", bot.scene.replication.stats());
            report.fact("convergence", "%s", bot.digestSummary());
            report.print(System.out);
            System.out.println("report: " + report.plots(bandwidth, "client", meter.times()).writeHtml(html));
            if (readyTicks == 0) {
                System.out.println("FAILED: never admitted by " + hostPort);
                return 1;
            }
            System.out.println(bot.digestMatches() ? "converged" : "DIVERGED");
            return bot.digestMatches() ? 0 : 1;
        }
    }
}
