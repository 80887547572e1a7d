package dev.entitynet.replication.baseline;

import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.snapshot.BoundConfig;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import it.unimi.dsi.fastutil.objects.Reference2ObjectOpenHashMap;

/**
 * The snapshot schemas this side knows: by config, by local index (in frames) and by fingerprint
 * (on the wire). Configs with the same fingerprint (built alike: same name, properties and lane
 * widths) share an index, as the wire cannot tell them apart.
 */
final class SchemaRegistry {
    private static final SnapshotSchema NOT_CODED = null;
    private final Reference2ObjectOpenHashMap<ReplicationConfig, SnapshotSchema> byConfig = new Reference2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<SnapshotSchema> byFingerprint = new Int2ObjectOpenHashMap<>();
    private final ObjectArrayList<SnapshotSchema> byIndex = new ObjectArrayList<>();

    /** The schema of {@code bound}'s config (registered the first time), or null when it is not snapshot-coded. */
    SnapshotSchema schemaOf(BoundConfig bound) {
        ReplicationConfig config = bound.config();
        if (byConfig.containsKey(config)) {
            return byConfig.get(config);
        }
        SnapshotSchema schema = SnapshotSchema.of(bound, byIndex.size());
        if (schema != NOT_CODED) {
            SnapshotSchema same = byFingerprint.get(schema.fingerprint);
            if (same != null) {
                // an equal config built again (same name, properties, widths): same layout, same index
                schema = SnapshotSchema.of(bound, same.index);
            } else {
                byFingerprint.put(schema.fingerprint, schema);
                byIndex.add(schema);
            }
        }
        byConfig.put(config, schema);
        return schema;
    }

    /** The schema with {@code fingerprint}, or null. */
    SnapshotSchema byFingerprint(int fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** The schema with local {@code index}. */
    SnapshotSchema get(int index) {
        return byIndex.get(index);
    }
}
