package dev.entitynet.examples.lobby;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHostOptions;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code ./run lobby [--clients N]}: a server and N bots over real UDP on loopback
 * (EnetMultiplayerPeer), each with its own World. Bots authenticate with a password; one extra bot
 * with a wrong password is refused. Then they chat through relayed RPCs, send a raw packet to a
 * neighbour through the relay, and the server announces the head count with an authority RPC.
 */
public final class LobbyDemo {
    private static final String PASSWORD = "open sesame";
    private static final long DEADLINE_NANOS = 20_000_000_000L;

    private final List<LobbyNode> nodes = new ArrayList<>();

    private LobbyDemo() {
    }

    /** Runs the demo; exit code 0 when everything expected happened. */
    public static int run(String[] args) {
        int clients = Arguments.parse(args, Set.of("clients")).intValue("clients", 3);
        if (clients < 1 || clients > 32) {
            System.err.println("--clients must be 1-32, got " + clients);
            return 2;
        }
        LobbyDemo demo = new LobbyDemo();
        try {
            return demo.play(clients);
        } finally {
            demo.nodes.forEach(LobbyNode::close);
        }
    }

    private int play(int clients) {
        System.out.println("lobby: server + " + clients + " bots + 1 intruder over real UDP on 127.0.0.1 (EnetMultiplayerPeer)");
        LobbyNode server = node("server");
        server.multiplayer.authCallback((id, data) -> {
            String offered = LobbyNode.text(data);
            if (offered.equals(PASSWORD)) {
                System.out.println("[server] peer " + id + " gave the right password");
                server.multiplayer.completeAuth(id);
            } else {
                System.out.println("[server] peer " + id + " gave a wrong password ('" + offered + "'): refused");
                server.multiplayer.disconnectPeer(id);
            }
        });
        EnetMultiplayerPeer serverPeer = EnetMultiplayerPeer.createServer(new InetSocketAddress("127.0.0.1", 0), 64, 2, 0, 0,
                EnetHostOptions.defaults());
        server.connect(serverPeer);
        int port = serverPeer.host().localAddress().getPort();
        System.out.println("[server] listening on 127.0.0.1:" + port);

        List<LobbyNode> bots = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            bots.add(bot("bot" + i, PASSWORD, port));
        }
        LobbyNode intruder = bot("intruder", "let me in", port);

        boolean admitted = runUntil(() -> server.multiplayer.peers().size() == clients
                && bots.stream().allMatch(b -> b.multiplayer.peers().size() == clients)
                && intruder.multiplayer.peer().connectionStatus() == dev.entitynet.transport.ConnectionStatus.DISCONNECTED);
        if (!admitted) {
            System.out.println("FAILED: not everyone was admitted (or the intruder was not refused) in time");
            return 1;
        }
        System.out.println("--- everyone is in: " + server.multiplayer.peers() + "; the intruder was refused");

        for (int i = 0; i < bots.size(); i++) {
            LobbyNode bot = bots.get(i);
            bot.multiplayer.rpc(bot.lobby, bot.say).putString("hi, I am " + bot.name).send();
            LobbyNode next = bots.get((i + 1) % bots.size());
            if (next != bot) {
                byte[] note = ("psst " + next.name + ", from " + bot.name).getBytes(StandardCharsets.UTF_8);
                bot.multiplayer.sendBytes(note, 0, note.length, next.multiplayer.uniqueId(), TransferMode.RELIABLE, 0);
            }
        }
        server.multiplayer.rpc(server.lobby, server.announce).putString("welcome to the lobby").putInt(clients).send();

        int expectedChat = clients - 1;
        boolean chatted = runUntil(() -> server.chatLines == clients
                && bots.stream().allMatch(b -> b.chatLines == expectedChat && b.announcements == 1 && b.rawPackets == (clients > 1 ? 1 : 0)));
        long dropped = nodes.stream().mapToLong(n -> n.multiplayer.violations().total()).sum();
        System.out.println("--- summary: server heard " + server.chatLines + " chat lines; each bot heard " + expectedChat
                + " chat lines, 1 announcement, " + (clients > 1 ? 1 : 0) + " raw packet; dropped packets: " + dropped);
        for (LobbyNode n : nodes) {
            for (dev.entitynet.ecs.guard.Violation v : dev.entitynet.ecs.guard.Violation.values()) {
                long count = n.multiplayer.violations().total(v);
                if (count > 0) {
                    System.out.println("    [" + n.name + "] dropped " + count + " x " + v
                            + (v == dev.entitynet.ecs.guard.Violation.UNKNOWN_SENDER ? " (packets that were in flight from a peer already refused)" : ""));
                }
            }
        }
        if (!chatted) {
            System.out.println("FAILED: not every message arrived in time");
            return 1;
        }
        System.out.println("OK");
        return 0;
    }

    private LobbyNode node(String name) {
        LobbyNode node = new LobbyNode(name, System.out::println);
        nodes.add(node);
        return node;
    }

    private LobbyNode bot(String name, String password, int port) {
        LobbyNode bot = node(name);
        bot.multiplayer.authCallback((id, data) -> { });
        bot.multiplayer.signals().peerAuthenticating.connect(id -> {
            bot.multiplayer.sendAuth(id, password.getBytes(StandardCharsets.UTF_8));
            bot.multiplayer.completeAuth(id);
        });
        bot.connect(EnetMultiplayerPeer.createClient(new InetSocketAddress("127.0.0.1", port), 2, 0, 0,
                new InetSocketAddress("127.0.0.1", 0), EnetHostOptions.defaults(), new SecureRandom()));
        return bot;
    }

    /** Ticks every World until {@code done} or the deadline. */
    private boolean runUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            for (int i = 0; i < nodes.size(); i++) {
                nodes.get(i).world.process();
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
