package dev.entitynet.examples.arena;

import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcHandler;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.replication.SceneReplication;
import dev.entitynet.replication.codec.Codecs;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.config.ReplicationMode;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.NetIdentity;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.Clock;

/**
 * What server and clients share, built identically on both: one World with the multiplayer systems,
 * a SceneMultiplayer and SceneReplication, the "Spawner" entity that spawns movers and players, the
 * two replication configs and the two RPCs ({@code steer} from a client to its player,
 * {@code digest} from the server at the end of a run).
 */
public final class ArenaScene implements AutoCloseable {
    /** Name of the spawner entity, the parent of every spawned entity. */
    public static final String SPAWNER = "Spawner";
    /** Prefab of the simulated entities. */
    public static final String MOVER = "Mover";
    /** Prefab of the players, one per client. */
    public static final String PLAYER = "Player";

    final World world;
    final SceneMultiplayer multiplayer;
    final SceneReplication replication;
    final EntityPaths paths;
    final ComponentMapper<Body> bodies;
    final ComponentMapper<Pilot> pilots;
    final ComponentMapper<NetIdentity> identities;
    final int spawner;
    final RpcMethod steer;
    final RpcMethod digest;

    /**
     * Builds the scene in a new World made from {@code systems} (which may add game systems).
     *
     * @param onSteer handles {@code steer(float dx, float dy)} (ANY_PEER, unreliable ordered)
     * @param onDigest handles {@code digest(int count, long hash)} (server to client, reliable)
     */
    ArenaScene(WorldConfigurationBuilder systems, Clock clock, RpcHandler onSteer, RpcHandler onDigest) {
        world = new World(MultiplayerSystems.install(systems).build());
        paths = world.getSystem(EntityPaths.class);
        bodies = world.getMapper(Body.class);
        pilots = world.getMapper(Pilot.class);
        identities = world.getMapper(NetIdentity.class);
        multiplayer = new SceneMultiplayer(world, "", clock);
        replication = new SceneReplication(world, multiplayer, ChangeTracking.COMPARE_ALL);
        ReplicationConfig moverConfig = positionConfig("mover");
        ReplicationConfig playerConfig = positionConfig("player");
        playerConfig.add("Pilot:owner", Pilot.class, Codecs.int32(p -> p.owner, (p, v) -> p.owner = v)).mode(ReplicationMode.ON_CHANGE);
        replication.registerPrefab(MOVER, (w, e) -> synchronize(w, e, moverConfig));
        replication.registerPrefab(PLAYER, (w, e) -> {
            w.edit(e).create(Pilot.class);
            synchronize(w, e, playerConfig);
        });
        spawner = world.create();
        paths.setName(spawner, SPAWNER, EntityPaths.NO_PARENT);
        world.edit(spawner).create(Spawner.class).addSpawnable(MOVER).addSpawnable(PLAYER);
        steer = multiplayer.declareRpc(RpcConfig.named("steer").mode(RpcMode.ANY_PEER).transferMode(TransferMode.UNRELIABLE_ORDERED)
                .args(ArgType.FLOAT, ArgType.FLOAT), onSteer);
        digest = multiplayer.declareRpc(RpcConfig.named("digest").args(ArgType.INT, ArgType.LONG), onDigest);
    }

    /** The position of every spawned entity goes unreliably every tick and with its spawn. */
    private static ReplicationConfig positionConfig(String name) {
        ReplicationConfig config = new ReplicationConfig(name);
        config.add("Body:position", Body.class, Codecs.vector2(b -> b.x, b -> b.y, (b, x, y) -> {
            b.x = x;
            b.y = y;
        }));
        return config;
    }

    private static void synchronize(World w, int entity, ReplicationConfig config) {
        w.edit(entity).create(Body.class);
        w.edit(entity).create(Synchronizer.class).config(config);
    }

    /** The net id of a spawned entity, or -1. */
    int netIdOf(int entity) {
        NetIdentity id = identities.get(entity);
        return id == null ? -1 : id.netId;
    }

    /** The owner of a player entity, or 0 for any other entity. */
    int ownerOf(int entity) {
        Pilot pilot = pilots.get(entity);
        return pilot == null ? 0 : pilot.owner;
    }

    /** This scene's digest entry for a spawned entity (see {@link StateDigest}). */
    long digestEntry(int entity) {
        Body b = bodies.get(entity);
        return StateDigest.entry(netIdOf(entity), b.x, b.y, ownerOf(entity));
    }

    @Override
    public void close() {
        replication.close();
        multiplayer.peer().close();
        world.dispose();
    }
}
