package dev.entitynet.examples.enetecho;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.echo.EchoClient;
import dev.entitynet.transport.enet.echo.EchoReport;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import dev.entitynet.transport.enet.secure.SecureMode;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./run enet-echo server|client|load|token ...}: an ENet echo server and a checking client
 * over real UDP, interoperable with libenet (the C programs in transport/src/test/c speak the same
 * workload); a load client ({@link EchoLoad}); and, for a secure server, a token minter
 * ({@link EchoToken}).
 */
public final class EnetEcho {
    private static final List<String> FORMS = List.of(
            "server --port P [--bind ADDR] [--channels N] [--peers N] [--peers-per-address N] [--half-open N] [--half-open-per-address N]"
                    + " [--seconds S] [--ring] [--secure-key-hex K --protocol P]",
            "client --host H --port P [--channels N] [--count K]",
            EchoLoad.USAGE,
            EchoToken.USAGE);
    /** The subcommands' arguments, for the help. */
    public static final String USAGE = String.join(" | ", FORMS);

    private EnetEcho() {
    }

    /** Runs {@code server ...}, {@code client ...}, {@code load ...} or {@code token ...}; returns the exit code. */
    public static int run(String[] args) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "server" -> {
                return server(rest);
            }
            case "client" -> {
                return client(rest);
            }
            case "load" -> {
                return EchoLoad.run(rest, System.out);
            }
            case "token" -> {
                return EchoToken.run(rest);
            }
            default -> {
                FORMS.forEach(form -> System.err.println("usage: enet-echo " + form));
                return 2;
            }
        }
    }

    /**
     * Echoes on the host's event loop (inline mode, libenet's single-thread model); with
     * {@code --ring} on this thread instead, through the host's rings (the mode game threads use).
     * The handshake limits are {@link EnetConfig#defaults()}'s unless given: a load test that opens
     * hundreds of connections at once from one address needs {@code --half-open-per-address}.
     * With {@code --secure-key-hex} and {@code --protocol} only clients with a connect token for
     * this server's bound address get in, and every datagram is sealed.
     */
    private static int server(String[] args) {
        Arguments a = Arguments.parse(args, Set.of("port", "bind", "channels", "peers", "peers-per-address", "half-open",
                "half-open-per-address", "seconds", SecureOptions.KEY, SecureOptions.PROTOCOL), Set.of("ring"));
        InetSocketAddress bind = new InetSocketAddress(a.stringValue("bind", "0.0.0.0"), a.intValue("port", 7777));
        SecureOptions secure = SecureOptions.from(a);
        if (secure != null && bind.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("a secure server needs --bind with the address its tokens list, not " + bind.getHostString());
        }
        EnetHostOptions options = secure == null ? EnetHostOptions.defaults()
                : EnetHostOptions.defaults().withSecure(SecureMode.server(secure.privateKey(), secure.protocolId(), null));
        EnetConfig config = EnetConfig.defaults().withPeerLimit(a.intValue("peers", 64)).withChannelLimit(a.intValue("channels", 255));
        config = config.withMaxHalfOpenConnections(a.intValue("half-open", config.maxHalfOpenConnections()));
        // connected peers one IP address may hold (none by default: many honest clients may share one)
        config = config.withPerAddressLimits(a.intValue("half-open-per-address", config.maxHalfOpenPerAddress()),
                a.intValue("peers-per-address", EnetConfig.MAX_PEERS));
        long seconds = a.longValue("seconds", 0);
        boolean ring = a.has("ring");
        EchoServer echo = ring ? new EchoServer(EnetHost.create(config, bind, options)) : EchoServer.inline(config, bind, options);
        try (EnetHost host = echo.host()) {
            System.out.println("enet-echo server listening on " + host.localAddress() + " (" + (host.isEpoll() ? "epoll" : "nio")
                    + ", " + (ring ? "ring" : "inline") + " events, " + config.channelLimit() + " channels, "
                    + config.peerLimit() + " peers, " + config.maxHalfOpenConnections() + " handshakes at once, "
                    + config.maxHalfOpenPerAddress() + " per address" + (secure != null ? ", secure sessions" : "")
                    + (seconds > 0 ? ", for " + seconds + " s" : "") + ")");
            long end = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
            while (System.nanoTime() - end < 0) {
                if (ring) {
                    echo.service(10);
                } else {
                    LockSupport.parkNanos(10_000_000L);
                }
            }
        }
        // After close: the event loop has stopped, so its counters are final and visible here.
        System.out.println("enet-echo server: " + echo.connects() + " connections, " + echo.disconnects() + " disconnections, "
                + echo.echoed() + " packets echoed; " + echo.host().engineStats()
                + (secure != null ? "; " + echo.host().secureStats() : ""));
        return 0;
    }

    private static int client(String[] args) {
        Arguments a = Arguments.parse(args, Set.of("host", "port", "channels", "count", "timeout"));
        InetSocketAddress server = new InetSocketAddress(a.stringValue("host", "127.0.0.1"), a.intValue("port", 7777));
        int channels = a.intValue("channels", 4);
        int count = a.intValue("count", 1000);
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(1).withChannelLimit(channels),
                new InetSocketAddress("0.0.0.0", 0))) {
            long start = System.nanoTime();
            EchoReport report = new EchoClient(host, channels).run(server, count, EchoClient.Ending.GRACEFUL,
                    a.longValue("timeout", 60) * 1000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("enet-echo client: " + report.summary() + " in " + millis + " ms");
            return report.ok() ? 0 : 1;
        }
    }
}
