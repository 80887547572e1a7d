package dev.entitynet.examples.arena;

import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.rpc.RpcReader;
import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.replication.interest.InterestManagement;
import dev.entitynet.replication.interest.Locator;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.clock.Clock;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The arena's server: spawns the movers, a player for every client that joins (and deletes it
 * when the client leaves), moves everything, accepts steering only from a player's owner and shows
 * every client the entities near its player: interest management with a viewpoint on each player.
 */
public final class ArenaServer implements Tickable, AutoCloseable {
    final ArenaScene scene;
    final InterestManagement interest;
    private final Int2IntOpenHashMap playerOfPeer = new Int2IntOpenHashMap();
    private final ArenaRules rules;
    private final MoveSystem moves;
    private final SplittableRandom random;
    private final int moverCount;
    private final IntArrayList spawned = new IntArrayList();
    private long rejectedSteers;

    /** A server for {@code movers} simulated entities, placed from {@code seed}. */
    public ArenaServer(ArenaRules rules, int movers, long seed, Clock clock) {
        if (movers < 0) {
            throw new IllegalArgumentException("the number of entities must not be negative: " + movers);
        }
        this.rules = rules;
        this.moverCount = movers;
        this.random = new SplittableRandom(seed);
        this.moves = new MoveSystem(rules);
        this.scene = new ArenaScene(new WorldConfigurationBuilder().with(moves), clock, this::onSteer, (e, sender, args) -> { });
        this.interest = scene.replication.enableInterest(CellGrid.plane(rules.cellSize(), 0, 0, rules.side(), rules.side()),
                Locator.plane(scene.bodies, b -> b.x, b -> b.y));
        playerOfPeer.defaultReturnValue(-1);
        scene.multiplayer.signals().peerConnected.connect(this::spawnPlayer);
        scene.multiplayer.signals().peerDisconnected.connect(this::removePlayer);
    }

    /** Starts serving on {@code peer} and spawns the movers. */
    public void start(MultiplayerPeer peer) {
        scene.multiplayer.multiplayerPeer(peer);
        for (int i = 0; i < moverCount; i++) {
            int e = scene.replication.spawners().instantiate(scene.spawner, ArenaScene.MOVER, "m" + i);
            Body b = scene.bodies.get(e);
            b.x = (float) random.nextDouble(rules.side());
            b.y = (float) random.nextDouble(rules.side());
            double angle = random.nextDouble(2 * Math.PI);
            double speed = rules.moverSpeed() * (0.25 + 0.75 * random.nextDouble());
            b.vx = (float) (Math.cos(angle) * speed);
            b.vy = (float) (Math.sin(angle) * speed);
            spawned.add(e);
        }
    }

    private void spawnPlayer(int peerId) {
        int e = scene.replication.spawners().instantiate(scene.spawner, ArenaScene.PLAYER, "p" + peerId);
        Body b = scene.bodies.get(e);
        b.x = (float) random.nextDouble(rules.side());
        b.y = (float) random.nextDouble(rules.side());
        scene.pilots.get(e).owner = peerId;
        interest.addViewpoint(peerId, e, rules.viewRadius(), rules.viewRadius() + rules.viewMargin());
        playerOfPeer.put(peerId, e);
        spawned.add(e);
    }

    /** The player entity of {@code peerId}, or -1. */
    int playerOf(int peerId) {
        return playerOfPeer.get(peerId);
    }

    private void removePlayer(int peerId) {
        int e = playerOfPeer.remove(peerId); // its viewpoint ended with the peer
        if (e >= 0) {
            spawned.rem(e);
            scene.world.delete(e);
        }
    }

    /** {@code steer(dx, dy)}: the owner's stick, at most length 1; anything else is refused and counted. */
    private void onSteer(int entity, int sender, RpcReader args) {
        float dx = args.getFloat();
        float dy = args.getFloat();
        Pilot pilot = scene.pilots.get(entity);
        if (pilot == null || pilot.owner != sender || !Float.isFinite(dx) || !Float.isFinite(dy)) {
            rejectedSteers++;
            return;
        }
        float length = (float) Math.sqrt(dx * dx + dy * dy);
        float scale = rules.playerSpeed() / Math.max(1f, length);
        Body b = scene.bodies.get(entity);
        b.vx = dx * scale;
        b.vy = dy * scale;
    }

    /** One server tick: network in, movement, network out. */
    @Override
    public void tick() {
        scene.world.process();
    }

    /** Stops all movement (players too); the network keeps running. */
    public void stopMoving() {
        moves.moving(false);
    }

    /** Admitted clients. */
    public IntList peers() {
        return scene.multiplayer.peers();
    }

    /** Every spawned entity (movers and players) on this server. */
    public IntList spawned() {
        return spawned;
    }

    /** Steering calls refused (not the caller's player, or not finite). */
    public long rejectedSteers() {
        return rejectedSteers;
    }

    /** What the server sent one client at the end of a run: the count and hash of what it should see. */
    public record SentDigest(int peer, int count, long hash) {
        @Override
        public String toString() {
            return "sent " + count + " entities, hash " + Long.toHexString(hash);
        }
    }

    /** Sends every client the digest of what it should see (see {@link StateDigest}); returns what was sent, per client. */
    public List<SentDigest> sendDigests() {
        List<SentDigest> sent = new ArrayList<>();
        IntList peers = peers();
        for (int i = 0; i < peers.size(); i++) {
            int peer = peers.getInt(i);
            int count = 0;
            long hash = 0;
            for (int k = 0; k < spawned.size(); k++) {
                int e = spawned.getInt(k);
                if (scene.replication.isVisibleTo(e, peer)) {
                    count++;
                    hash += scene.digestEntry(e);
                }
            }
            scene.multiplayer.rpcId(peer, scene.spawner, scene.digest).putInt(count).putLong(hash).send();
            sent.add(new SentDigest(peer, count, hash));
        }
        return sent;
    }

    @Override
    public void close() {
        scene.close();
    }
}
