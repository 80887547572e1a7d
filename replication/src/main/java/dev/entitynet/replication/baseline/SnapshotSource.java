package dev.entitynet.replication.baseline;

import it.unimi.dsi.fastutil.Swapper;
import it.unimi.dsi.fastutil.ints.IntComparator;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * The sender's side of a tick: every snapshot-coded entity this peer spawned and has authority
 * over, sorted by net id, with its quantized codes captured once per tick and shared by every
 * receiver's snapshot. Membership changes are applied at the next capture (one sort), so a burst
 * of spawns costs one sort, not one insertion each.
 */
final class SnapshotSource {
    int count;
    int[] netIds = new int[64];
    int[] entities = new int[64];
    SnapshotSchema[] schemas = new SnapshotSchema[64];
    int[] codeAt = new int[65];
    int[] codes = new int[256];
    /** Whether the row's entity had all its components at the last capture. */
    boolean[] present = new boolean[64];
    private boolean reshaped;
    private static final int NONE = -1;
    /** Net id of each member entity. */
    private final Int2IntOpenHashMap members = new Int2IntOpenHashMap();

    SnapshotSource() {
        members.defaultReturnValue(NONE);
    }
    private final IntComparator byNetId = (a, b) -> Integer.compare(netIds[a], netIds[b]);
    private final Swapper swapRows = this::swap;

    /** Adds {@code entity} (net id {@code netId}) with {@code schema}. */
    void add(int entity, int netId, SnapshotSchema schema) {
        if (count == netIds.length) {
            int n = count * 2;
            netIds = Arrays.copyOf(netIds, n);
            entities = Arrays.copyOf(entities, n);
            schemas = Arrays.copyOf(schemas, n);
            present = Arrays.copyOf(present, n);
            codeAt = Arrays.copyOf(codeAt, n + 1);
        }
        members.put(entity, netId);
        netIds[count] = netId;
        entities[count] = entity;
        schemas[count] = schema;
        count++;
        reshaped = true;
    }

    /** Removes {@code entity} (its row goes at the next capture); false when it is not a member. */
    boolean remove(int entity) {
        if (members.remove(entity) == NONE) {
            return false;
        }
        reshaped = true;
        return true;
    }

    /** Whether {@code entity} is a member. */
    boolean contains(int entity) {
        return members.containsKey(entity);
    }

    /** Drops the rows of removed members (a recycled entity id keeps only its new net id's row). */
    private void compact() {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (members.get(entities[i]) == netIds[i]) {
                netIds[kept] = netIds[i];
                entities[kept] = entities[i];
                schemas[kept] = schemas[i];
                kept++;
            }
        }
        Arrays.fill(schemas, kept, count, null);
        count = kept;
    }

    /** Sorts after membership changes and quantizes every member's current values. */
    void capture() {
        if (reshaped) {
            compact();
            it.unimi.dsi.fastutil.Arrays.quickSort(0, count, byNetId, swapRows);
            int at = 0;
            for (int i = 0; i < count; i++) {
                codeAt[i] = at;
                at += schemas[i].lanes;
            }
            codeAt[count] = at;
            if (at > codes.length) {
                codes = new int[Math.max(at, codes.length * 2)];
            }
            reshaped = false;
        }
        for (int i = 0; i < count; i++) {
            present[i] = schemas[i].quantize(entities[i], codes, codeAt[i]);
        }
    }

    private void swap(int a, int b) {
        int id = netIds[a];
        netIds[a] = netIds[b];
        netIds[b] = id;
        int e = entities[a];
        entities[a] = entities[b];
        entities[b] = e;
        SnapshotSchema s = schemas[a];
        schemas[a] = schemas[b];
        schemas[b] = s;
    }
}
