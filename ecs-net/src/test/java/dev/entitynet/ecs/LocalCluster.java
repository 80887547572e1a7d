package dev.entitynet.ecs;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.local.LocalHub;
import dev.entitynet.transport.local.LocalPeerConfig;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.function.Consumer;

/**
 * A server and clients in ONE World (Godot's documented multi-API setup): the server's entities
 * live under "server", client i's under "client{i}". Each root gets the same scene, "Level/Bob",
 * so relative paths match. Deterministic: a ManualClock and a seeded LocalHub with perfect links.
 */
public final class LocalCluster implements AutoCloseable {
    public final ManualClock clock = new ManualClock();
    public final LocalHub hub;
    public final World world;
    public final EntityPaths paths;
    public final Authorities authorities;
    public final SceneMultiplayer server;
    public final ObjectArrayList<SceneMultiplayer> clients = new ObjectArrayList<>();

    /** {@code configure} runs on every instance (declare RPCs there) before its peer is set. */
    public LocalCluster(long seed, int clientCount, Consumer<SceneMultiplayer> configure) {
        hub = new LocalHub(clock, seed);
        world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        paths = world.getSystem(EntityPaths.class);
        authorities = world.getSystem(Authorities.class);
        server = create("server", configure);
        server.multiplayerPeer(hub.createServer());
        for (int i = 0; i < clientCount; i++) {
            addClient(configure);
        }
    }

    /** Adds a client with a scene like the others; not yet connected until ticks run. */
    public SceneMultiplayer addClient(Consumer<SceneMultiplayer> configure) {
        return addClient(configure, LocalPeerConfig.defaults());
    }

    /** Adds a client with a transport configuration. */
    public SceneMultiplayer addClient(Consumer<SceneMultiplayer> configure, LocalPeerConfig config) {
        SceneMultiplayer client = create("client" + clients.size(), configure);
        MultiplayerPeer peer = hub.createClient(config);
        client.multiplayerPeer(peer);
        clients.add(client);
        return client;
    }

    private SceneMultiplayer create(String root, Consumer<SceneMultiplayer> configure) {
        int rootEntity = world.create();
        paths.setName(rootEntity, root, -1);
        int level = world.create();
        paths.setName(level, "Level", rootEntity);
        int bob = world.create();
        paths.setName(bob, "Bob", level);
        SceneMultiplayer mp = new SceneMultiplayer(world, root, clock);
        configure.accept(mp);
        return mp;
    }

    /** The entity at {@code relative} under {@code mp}'s root. */
    public int entity(SceneMultiplayer mp, String relative) {
        return paths.resolve(mp.rootPath() + "/" + relative);
    }

    /** One World tick after 1 ms. */
    public void tick() {
        clock.advanceMillis(1);
        world.process();
    }

    /** {@code n} ticks. */
    public void ticks(int n) {
        for (int i = 0; i < n; i++) {
            tick();
        }
    }

    public SceneMultiplayer client(int i) {
        return clients.get(i);
    }

    @Override
    public void close() {
        world.dispose();
        hub.close();
    }
}
