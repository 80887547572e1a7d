package dev.entitynet.replication.spawn;

import com.artemis.Aspect;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.World;
import com.artemis.utils.IntBag;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.path.NetName;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.wire.SpawnMessage;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The authority side of spawning: finds prefab instances created under a spawner this peer is the
 * authority of (and takes custom spawns), gives each a never-reused net id and a
 * {@link NetIdentity}, keeps them in creation order, and ends them when they are deleted (with
 * the tracked spawns below them, as freeing a node frees its subtree), however early: a spawn
 * deleted in the tick it was made, before artemis ever listed it, is found too. Who gets which spawn is
 * {@link SpawnVisibility}'s job.
 */
final class SpawnTracker {
    private final World world;
    private final ReplicationHost host;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final NetIdDirectory directory;
    private final SpawnState state;
    private final ReplicationStats stats;
    private final SpawnerIndex spawnerIndex;
    private final ReceiverTable receivers;
    private final ComponentMapper<Spawner> spawners;
    private final ComponentMapper<PrefabInstance> instances;
    private final ComponentMapper<NetName> names;
    private final ComponentMapper<NetIdentity> identities;
    private final EntitySubscription instanceEntities;
    final TrackedSpawns tracked = new TrackedSpawns();
    final Int2ObjectOpenHashMap<TrackedSpawn> byNetId = new Int2ObjectOpenHashMap<>();
    private final IntArrayList created = new IntArrayList();
    private final IntArrayList newlyTracked = new IntArrayList();
    /**
     * Spawns tracked at once (instantiate, custom spawn) that no subscription has seen yet:
     * artemis tells nothing about an entity deleted before its first update, so these are checked
     * for deletion until the identity subscription takes them ({@link #confirmed} clears their bit).
     */
    private final IntArrayList unconfirmed = new IntArrayList();
    private long[] unconfirmedBits = new long[16];
    private final IntArrayList scratch = new IntArrayList();
    private SpawnVisibility visibility;
    private TrackedSpawn first;
    private TrackedSpawn last;
    private int nextNetId = 1;

    SpawnTracker(World world, ReplicationHost host, NetIdDirectory directory, SpawnState state, ReplicationStats stats,
                 SpawnerIndex spawnerIndex, ReceiverTable receivers) {
        this.world = world;
        this.host = host;
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        this.directory = directory;
        this.state = state;
        this.stats = stats;
        this.spawnerIndex = spawnerIndex;
        this.receivers = receivers;
        this.spawners = world.getMapper(Spawner.class);
        this.instances = world.getMapper(PrefabInstance.class);
        this.names = world.getMapper(NetName.class);
        this.identities = world.getMapper(NetIdentity.class);
        this.instanceEntities = world.getAspectSubscriptionManager().get(Aspect.all(PrefabInstance.class, NetName.class));
        instanceEntities.addSubscriptionListener(new EntitySubscription.SubscriptionListener() {
            @Override
            public void inserted(IntBag entities) {
                for (int i = 0; i < entities.size(); i++) {
                    created.add(entities.get(i));
                }
            }

            @Override
            public void removed(IntBag entities) {
                for (int i = 0; i < entities.size(); i++) {
                    instanceRemoved(entities.get(i));
                }
            }
        });
        // custom spawns are no prefab instances: their identity tells when they are deleted
        world.getAspectSubscriptionManager().get(Aspect.all(NetIdentity.class)).addSubscriptionListener(
                new EntitySubscription.SubscriptionListener() {
                    @Override
                    public void inserted(IntBag entities) {
                        for (int i = 0; i < entities.size(); i++) {
                            confirmed(entities.get(i));
                        }
                    }

                    @Override
                    public void removed(IntBag entities) {
                        for (int i = 0; i < entities.size(); i++) {
                            instanceRemoved(entities.get(i));
                        }
                    }
                });
    }

    private void confirmed(int entity) {
        if (entity >>> 6 < unconfirmedBits.length) {
            unconfirmedBits[entity >>> 6] &= ~(1L << entity);
        }
    }

    private boolean isUnconfirmed(int entity) {
        return entity >>> 6 < unconfirmedBits.length && (unconfirmedBits[entity >>> 6] & 1L << entity) != 0;
    }

    /** Ends the tracked spawns deleted before any subscription saw them; forgets those a subscription took. */
    private void checkUnconfirmed() {
        int kept = 0;
        for (int i = 0; i < unconfirmed.size(); i++) {
            int e = unconfirmed.getInt(i);
            if (!isUnconfirmed(e)) {
                continue;
            }
            if (world.getEntityManager().isActive(e)) {
                unconfirmed.set(kept++, e);
            } else {
                confirmed(e);
                instanceRemoved(e);
            }
        }
        unconfirmed.size(kept);
    }

    void visibility(SpawnVisibility spawnVisibility) {
        this.visibility = spawnVisibility;
    }

    /** The oldest live tracked spawn; the rest follow through {@link TrackedSpawn#next}. */
    TrackedSpawn first() {
        return first;
    }

    TrackedSpawn get(int entity) {
        return tracked.get(entity);
    }

    /**
     * Notes prefab instances the game created in the running system, which artemis adds to the
     * subscription only when the system ends: {@code entity} and its ancestors, before a call about
     * it goes out.
     */
    void noticeCreated(int entity) {
        for (int e = entity; e >= 0; e = paths.parentOf(e)) {
            if (instances.has(e) && names.has(e) && !identities.has(e) && !instanceEntities.getActiveEntityIds().get(e)
                    && !created.contains(e)) {
                created.add(e);
            }
        }
    }

    /** Whether instances wait to be tracked. */
    boolean hasCreated() {
        return !created.isEmpty();
    }

    /**
     * Tracks the prefab instances created since the last call, parents first, and starts their
     * synchronizers (their state is encoded now, after the game set them up).
     */
    void trackCreated() {
        if (!unconfirmed.isEmpty()) {
            checkUnconfirmed();
        }
        if (!created.isEmpty()) {
            scratch.clear();
            scratch.addAll(created);
            created.clear();
            // parents before children: shallower entities first, then by entity id for determinism
            scratch.sort((a, b) -> {
                int d = Integer.compare(depth(a), depth(b));
                return d != 0 ? d : Integer.compare(a, b);
            });
            int me = host.uniqueId();
            int root = host.rootEntity();
            for (int i = 0; i < scratch.size(); i++) {
                int e = scratch.getInt(i);
                if (tracked.contains(e) || identities.has(e) || !instances.has(e) || !names.has(e) || !paths.isWithin(e, root)) {
                    continue;
                }
                int spawner = spawnerIndex.spawnerFor(names.get(e).parent);
                if (spawner < 0 || authorities.authorityOf(spawner) != me) {
                    continue;
                }
                Spawner sp = spawners.get(spawner);
                int index = sp.spawnable.indexOf(instances.get(e).prefab);
                if (index < 0) {
                    continue;
                }
                if (sp.spawnLimit > 0 && sp.live >= sp.spawnLimit) {
                    stats.increment(Counter.DROPPED_SPAWN_LIMIT);
                    continue;
                }
                track(e, spawner, index, names.get(e).name, null);
            }
        }
        for (int i = 0; i < newlyTracked.size(); i++) {
            if (tracked.contains(newlyTracked.getInt(i))) {
                state.identified(newlyTracked.getInt(i));
            }
        }
        newlyTracked.clear();
    }

    /** Starts tracking {@code entity}, which the game just made, as a spawn of {@code spawner}. */
    void trackNew(int entity, int spawner, int prefabIndex, String name, byte[] customData) {
        if (entity >>> 6 >= unconfirmedBits.length) {
            unconfirmedBits = Arrays.copyOf(unconfirmedBits, Math.max((entity >>> 6) + 1, unconfirmedBits.length * 2));
        }
        unconfirmedBits[entity >>> 6] |= 1L << entity;
        unconfirmed.add(entity);
        track(entity, spawner, prefabIndex, name, customData);
    }

    private void track(int entity, int spawner, int prefabIndex, String name, byte[] customData) {
        if (nextNetId > SpawnMessage.MAX_NET_ID) {
            throw new IllegalStateException("net ids exhausted after " + SpawnMessage.MAX_NET_ID + " spawns; restart the session");
        }
        int netId = nextNetId++;
        TrackedSpawn t = new TrackedSpawn(entity, netId, spawner, prefabIndex, name, customData, trackedAncestorFrom(names.get(entity).parent),
                receivers.allocate());
        if (last == null) {
            first = t;
        } else {
            last.next = t;
            t.previous = last;
        }
        last = t;
        tracked.put(entity, t);
        if (t.parent != null) {
            t.parent.children.add(t);
        }
        spawners.get(spawner).live++;
        NetIdentity id = identities.create(entity);
        id.namespace = host.uniqueId();
        id.netId = netId;
        id.spawner = spawner;
        directory.put(id.namespace, netId, entity);
        byNetId.put(netId, t);
        newlyTracked.add(entity);
        visibility.tracked(t);
    }

    private void instanceRemoved(int entity) {
        created.rem(entity);
        TrackedSpawn t = tracked.remove(entity);
        if (t == null) {
            return;
        }
        if (t.parent != null) {
            t.parent.children.remove(t);
        }
        if (t.previous == null) {
            first = t.next;
        } else {
            t.previous.next = t.next;
        }
        if (t.next == null) {
            last = t.previous;
        } else {
            t.next.previous = t.previous;
        }
        visibility.untracked(t);
        // like freeing a node frees its subtree: spawns below a deleted spawn go too
        for (int i = 0; i < t.children.size(); i++) {
            world.delete(t.children.get(i).entity);
        }
        Spawner sp = spawners.get(t.spawner);
        if (sp != null) {
            sp.live--;
        }
        byNetId.remove(t.netId);
        directory.remove(host.uniqueId(), t.netId);
        state.forgotten(entity);
    }

    /** A prefab instance under a spawner this peer is the authority of that is not tracked: its spawn was refused. */
    boolean isRefusedSpawn(int entity) {
        if (!instances.has(entity) || identities.has(entity) || !names.has(entity)) {
            return false;
        }
        int spawner = spawnerIndex.spawnerFor(names.get(entity).parent);
        return spawner >= 0 && authorities.authorityOf(spawner) == host.uniqueId()
                && spawners.get(spawner).spawnable.contains(instances.get(entity).prefab);
    }

    /** Forgets every tracked spawn (Godot's {@code clear()}); their entities stay. */
    void reset() {
        for (TrackedSpawn t = first; t != null; t = t.next) {
            Spawner sp = spawners.get(t.spawner);
            if (sp != null) {
                sp.live--;
            }
            state.forgotten(t.entity);
        }
        tracked.clear();
        byNetId.clear();
        unconfirmed.clear();
        Arrays.fill(unconfirmedBits, 0L);
        first = null;
        last = null;
        created.clear();
        newlyTracked.clear();
    }

    private TrackedSpawn trackedAncestorFrom(int parent) {
        for (int p = parent; p >= 0; p = paths.parentOf(p)) {
            TrackedSpawn t = tracked.get(p);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private int depth(int entity) {
        int d = 0;
        for (int p = paths.parentOf(entity); p >= 0; p = paths.parentOf(p)) {
            d++;
        }
        return d;
    }
}
