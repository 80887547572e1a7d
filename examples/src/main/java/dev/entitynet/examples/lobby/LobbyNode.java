package dev.entitynet.examples.lobby;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.clock.Clock;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One lobby participant: its own artemis World (as if it were its own process) with a "Lobby"
 * entity, a SceneMultiplayer, and the lobby's two RPCs: {@code say} (any peer, relayed between
 * clients) and {@code announce} (server authority). Everything that happens is printed.
 */
final class LobbyNode {
    final String name;
    final World world;
    final SceneMultiplayer multiplayer;
    final RpcMethod say;
    final RpcMethod announce;
    final int lobby;
    int chatLines;
    int rawPackets;
    int announcements;

    LobbyNode(String name, Consumer<String> out) {
        this.name = name;
        world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        EntityPaths paths = world.getSystem(EntityPaths.class);
        int root = world.create();
        paths.setName(root, "Game", -1);
        lobby = world.create();
        paths.setName(lobby, "Lobby", root);
        multiplayer = new SceneMultiplayer(world, "Game", Clock.system());
        say = multiplayer.declareRpc(RpcConfig.named("say").mode(RpcMode.ANY_PEER).args(ArgType.STRING), (entity, sender, args) -> {
            chatLines++;
            out.accept(String.format("[%s] chat from %d (sender id set by %s): %s", name, sender,
                    sender == 1 || multiplayer.isServer() ? "the transport" : "the server's relay", args.getString()));
        });
        announce = multiplayer.declareRpc(RpcConfig.named("announce").args(ArgType.STRING, ArgType.INT), (entity, sender, args) -> {
            announcements++;
            out.accept(String.format("[%s] announcement from %d: %s (%d players)", name, sender, args.getString(), args.getInt()));
        });
        multiplayer.signals().peerConnected.connect(id -> out.accept("[" + name + "] peer_connected " + id));
        multiplayer.signals().peerDisconnected.connect(id -> out.accept("[" + name + "] peer_disconnected " + id));
        multiplayer.signals().connectedToServer.connect(() -> out.accept("[" + name + "] connected_to_server as " + multiplayer.uniqueId()));
        multiplayer.signals().connectionFailed.connect(() -> out.accept("[" + name + "] connection_failed"));
        multiplayer.signals().peerAuthenticating.connect(id -> out.accept("[" + name + "] peer_authenticating " + id));
        multiplayer.signals().peerAuthenticationFailed.connect(id -> out.accept("[" + name + "] peer_authentication_failed " + id));
        multiplayer.signals().handshakeFailed.connect((id, reason, detail) -> out.accept("[" + name + "] handshake failed: " + reason + " " + detail));
        multiplayer.signals().peerPacket.connect((id, bytes) -> {
            rawPackets++;
            out.accept("[" + name + "] raw packet from " + id + ": " + text(bytes));
        });
    }

    void connect(MultiplayerPeer peer) {
        multiplayer.multiplayerPeer(peer);
    }

    static String text(Bytes<?> bytes) {
        byte[] copy = new byte[(int) bytes.readRemaining()];
        bytes.read(bytes.readPosition(), copy, 0, copy.length);
        return new String(copy, StandardCharsets.UTF_8);
    }

    void close() {
        multiplayer.peer().close();
        world.dispose();
    }
}
