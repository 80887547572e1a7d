package dev.entitynet.replication;

import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.spawn.SpawnListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link ReplicationCluster} setup for tests of what a call sees: every node declares the RPC
 * "hello(int)" (authority mode) and logs, in one shared list, each spawn, despawn, call and raw packet
 * it receives as "{@code <peer id> <event> <path> ...}", so tests can check their order. Each node
 * also gets "Level/Bob", a plain two-entity tree outside any spawner.
 */
final class CallScene implements Consumer<ReplicationCluster.Node> {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<SceneMultiplayer, RpcMethod> hello = new HashMap<>();

    @Override
    public void accept(ReplicationCluster.Node n) {
        hello.put(n.multiplayer, n.multiplayer.declareRpc(RpcConfig.named("hello").mode(RpcMode.AUTHORITY).args(ArgType.INT),
                (entity, from, args) -> log.add(n.id() + " rpc " + n.paths.pathOf(entity) + " hp=" + hp(n, entity) + " arg=" + args.getInt())));
        n.multiplayer.signals().peerPacket.connect((from, bytes) -> log.add(n.id() + " raw " + bytes.readUnsignedByte(bytes.readPosition())));
        Spawner sp = n.spawnerComponent();
        SpawnListener recording = sp.listener;
        sp.listener = new SpawnListener() {
            @Override
            public void spawned(int spawner, int entity) {
                log.add(n.id() + " spawned " + n.paths.pathOf(entity));
                recording.spawned(spawner, entity);
            }

            @Override
            public void despawned(int spawner, int entity) {
                log.add(n.id() + " despawned " + n.paths.pathOf(entity));
                recording.despawned(spawner, entity);
            }
        };
        int level = n.world.create();
        n.paths.setName(level, "Level", -1);
        n.paths.setName(n.world.create(), "Bob", level);
    }

    /** The hello RPC as declared on {@code n}. */
    RpcMethod hello(ReplicationCluster.Node n) {
        return hello.get(n.multiplayer);
    }

    /** The entries of {@code n}'s log, without the id prefix. */
    List<String> of(ReplicationCluster.Node n) {
        String prefix = n.id() + " ";
        List<String> mine = new ArrayList<>();
        synchronized (log) {
            for (String s : log) {
                if (s.startsWith(prefix)) {
                    mine.add(s.substring(prefix.length()));
                }
            }
        }
        return mine;
    }

    private static String hp(ReplicationCluster.Node n, int entity) {
        Ball b = n.world.getMapper(Ball.class).get(entity);
        return b == null ? "-" : Integer.toString(b.hp);
    }
}
