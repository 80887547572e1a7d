package dev.entitynet.examples.arena;

import com.artemis.Aspect;
import com.artemis.EntitySubscription;
import com.artemis.WorldConfigurationBuilder;
import com.artemis.utils.IntBag;
import dev.entitynet.ecs.rpc.RpcReader;
import dev.entitynet.replication.spawn.NetIdentity;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.clock.Clock;

import java.util.SplittableRandom;

/**
 * A headless client: replicates what the server shows it and steers its player with a random
 * walk (a new heading about once a second), one {@code steer} call per tick.
 */
public final class ArenaBot implements Tickable, AutoCloseable {
    final ArenaScene scene;
    private final SplittableRandom random;
    private final EntitySubscription replicas;
    private final String playerName;
    private final int ticksPerHeading;
    private int player = -1;
    private int ticksToTurn;
    private float dx;
    private float dy;
    private boolean digestReceived;
    private int expectedCount;
    private long expectedHash;
    private int actualCount;
    private long actualHash;

    /** A bot on {@code peer} (already connecting), steering from {@code seed}. */
    public ArenaBot(ArenaRules rules, MultiplayerPeer peer, long seed, Clock clock) {
        this.random = new SplittableRandom(seed);
        this.scene = new ArenaScene(new WorldConfigurationBuilder(), clock, (e, sender, args) -> { }, this::onDigest);
        this.replicas = scene.world.getAspectSubscriptionManager().get(Aspect.all(Body.class, NetIdentity.class));
        this.playerName = "p" + peer.uniqueId();
        this.ticksPerHeading = rules.tickHz();
        scene.multiplayer.multiplayerPeer(peer);
    }

    /** One client tick: network in (spawns, state, calls), then this tick's steering. */
    @Override
    public void tick() {
        scene.world.process();
        if (player < 0 || !scene.pilots.has(player)) {
            player = scene.paths.child(scene.spawner, playerName);
        }
        if (player >= 0) {
            steer();
        }
    }

    private void steer() {
        if (--ticksToTurn <= 0) {
            ticksToTurn = ticksPerHeading / 2 + random.nextInt(ticksPerHeading);
            double angle = random.nextDouble(2 * Math.PI);
            dx = (float) Math.cos(angle);
            dy = (float) Math.sin(angle);
        }
        scene.multiplayer.rpcId(PeerIds.SERVER, player, scene.steer).putFloat(dx).putFloat(dy).send();
    }

    /** {@code digest(count, hash)} from the server: compares it with this client's replicas right now. */
    private void onDigest(int entity, int sender, RpcReader args) {
        expectedCount = args.getInt();
        expectedHash = args.getLong();
        actualCount = 0;
        actualHash = 0;
        IntBag entities = replicas.getEntities();
        for (int i = 0; i < entities.size(); i++) {
            actualCount++;
            actualHash += scene.digestEntry(entities.get(i));
        }
        digestReceived = true;
    }

    /** This client's peer id. */
    public int id() {
        return scene.multiplayer.uniqueId();
    }

    /** Whether the server admitted this client and its player has arrived. */
    public boolean ready() {
        return player >= 0 && !scene.multiplayer.peers().isEmpty();
    }

    /** Replicas this client holds. */
    public int replicaCount() {
        return scene.replication.directory().size();
    }

    /** Whether the server's end-of-run digest arrived. */
    public boolean digestReceived() {
        return digestReceived;
    }

    /** Whether the digest matched this client's replicas when it arrived. */
    public boolean digestMatches() {
        return digestReceived && expectedCount == actualCount && expectedHash == actualHash;
    }

    /** The digest outcome in words. */
    public String digestSummary() {
        if (!digestReceived) {
            return "no digest from the server";
        }
        return (digestMatches() ? "matches" : "DIFFERS") + " (server: " + expectedCount + " entities, hash "
                + Long.toHexString(expectedHash) + "; here: " + actualCount + ", " + Long.toHexString(actualHash) + ")";
    }

    @Override
    public void close() {
        scene.close();
    }
}
