package dev.entitynet.replication;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.codec.Codecs;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.config.ReplicationMode;
import dev.entitynet.replication.interpolation.Interpolation;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.link.LinkProfile;
import dev.entitynet.transport.local.LocalHub;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.function.Consumer;

/**
 * A server and clients, each with its own World, SceneMultiplayer and SceneReplication, over one
 * seeded LocalHub driven by a ManualClock. Every World has the same scene: a top-level "Spawner"
 * entity that spawns "Ball" prefabs as its children.
 */
public final class ReplicationCluster implements AutoCloseable {
    static final String BALL = "Ball";

    final ManualClock clock = new ManualClock();
    final LocalHub hub;
    final Node server;
    final ObjectArrayList<Node> clients = new ObjectArrayList<>();
    private final Consumer<Node> setup;

    /** One peer. */
    static final class Node {
        final World world;
        final SceneMultiplayer multiplayer;
        final SceneReplication replication;
        final EntityPaths paths;
        final Authorities authorities;
        final int spawner;
        final IntArrayList spawnedOrder = new IntArrayList();
        final IntArrayList despawned = new IntArrayList();

        Node(Clock clock, ReplicationConfig config, Consumer<Node> setup) {
            this(clock, config, setup, false);
        }

        /** The client-side interpolation system, when the cluster was built with one. */
        final Interpolation interpolation;

        Node(Clock clock, ReplicationConfig config, Consumer<Node> setup, boolean interpolated) {
            WorldConfigurationBuilder systems = MultiplayerSystems.install(new WorldConfigurationBuilder());
            interpolation = interpolated ? new Interpolation(clock, TICK_MILLIS / 1000.0) : null;
            if (interpolation != null) {
                systems.with(interpolation);
            }
            world = new World(systems.build());
            paths = world.getSystem(EntityPaths.class);
            authorities = world.getSystem(Authorities.class);
            multiplayer = new SceneMultiplayer(world, "", clock);
            replication = new SceneReplication(world, multiplayer, ChangeTracking.COMPARE_ALL);
            replication.registerPrefab(BALL, (w, e) -> {
                w.edit(e).create(Ball.class);
                w.edit(e).create(Synchronizer.class).config = config;
            });
            spawner = world.create();
            paths.setName(spawner, "Spawner", -1);
            Spawner sp = world.edit(spawner).create(Spawner.class).addSpawnable(BALL);
            sp.listener = new dev.entitynet.replication.spawn.SpawnListener() {
                @Override
                public void spawned(int spawnerEntity, int entity) {
                    spawnedOrder.add(entity);
                }

                @Override
                public void despawned(int spawnerEntity, int entity) {
                    despawned.add(entity);
                }
            };
            if (setup != null) {
                setup.accept(this);
            }
        }

        Spawner spawnerComponent() {
            return world.getMapper(Spawner.class).get(spawner);
        }

        Ball ball(int entity) {
            return world.getMapper(Ball.class).get(entity);
        }

        /** The local entity of the server-spawned entity {@code serverNetId}, or -1. */
        int replicaOf(int namespace, int netId) {
            return replication.directory().entity(namespace, netId);
        }

        int netIdOf(int entity) {
            return world.getMapper(dev.entitynet.replication.spawn.NetIdentity.class).get(entity).netId;
        }

        int id() {
            return multiplayer.uniqueId();
        }
    }

    public static ReplicationConfig ballConfig() {
        ReplicationConfig config = new ReplicationConfig("ball");
        config.add("Ball:position", Ball.class, Codecs.vector3(b -> b.x, b -> b.y, b -> b.z, (b, x, y, z) -> {
            b.x = x;
            b.y = y;
            b.z = z;
        }));
        config.add("Ball:hp", Ball.class, Codecs.int32(b -> b.hp, (b, v) -> b.hp = v)).mode(ReplicationMode.ON_CHANGE);
        config.add("Ball:label", Ball.class, Codecs.string(b -> b.label, (b, v) -> b.label = v, 32))
                .mode(ReplicationMode.ON_CHANGE).spawn(false);
        return config;
    }

    private final ReplicationConfig config;
    private final boolean interpolated;
    /** Milliseconds the clock advances per tick. */
    static final int TICK_MILLIS = 16;

    ReplicationCluster(long seed, int clientCount, LinkProfile profile, ReplicationConfig config, Consumer<Node> setup) {
        this(seed, clientCount, profile, config, setup, false);
    }

    /** A cluster whose Worlds also run an {@link Interpolation} system ({@code interpolated}). */
    ReplicationCluster(long seed, int clientCount, LinkProfile profile, ReplicationConfig config, Consumer<Node> setup, boolean interpolated) {
        this.interpolated = interpolated;
        this.hub = new LocalHub(clock, seed, profile);
        this.config = config;
        this.setup = setup;
        this.server = new Node(clock, config, setup, interpolated);
        MultiplayerPeer peer = hub.createServer();
        server.multiplayer.multiplayerPeer(peer);
        for (int i = 0; i < clientCount; i++) {
            addClient();
        }
    }

    /** The config every node's Ball prefab uses. */
    ReplicationConfig config() {
        return config;
    }

    Node addClient() {
        Node n = new Node(clock, config, setup, interpolated);
        n.multiplayer.multiplayerPeer(hub.createClient());
        clients.add(n);
        return n;
    }

    void tick() {
        clock.advanceMillis(TICK_MILLIS);
        server.world.process();
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).world.process();
        }
    }

    void ticks(int n) {
        for (int i = 0; i < n; i++) {
            tick();
        }
    }

    /** Ticks until every client is admitted by the server (or fails after many ticks). */
    void connect() {
        for (int i = 0; i < 500 && server.multiplayer.peers().size() < clients.size(); i++) {
            tick();
        }
        if (server.multiplayer.peers().size() < clients.size()) {
            throw new AssertionError("clients did not connect: " + server.multiplayer.peers());
        }
        ticks(3);
    }

    @Override
    public void close() {
        server.replication.close();
        server.world.dispose();
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).replication.close();
            clients.get(i).world.dispose();
        }
        hub.close();
    }
}
