package dev.entitynet.replication.baseline;

import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.interpolation.Interpolation;
import it.unimi.dsi.fastutil.objects.Reference2ObjectOpenHashMap;
import java.util.Arrays;

/** Which interpolation target each ALWAYS property of a config feeds (-1: none), per config. */
final class InterpolationTargets {
    private final Reference2ObjectOpenHashMap<ReplicationConfig, int[]> byConfig = new Reference2ObjectOpenHashMap<>();
    private Interpolation system;

    /** Routes the {@code alwaysIndex}-th ALWAYS property of {@code config} to {@code target} of {@code interpolation}. */
    void route(Interpolation interpolation, ReplicationConfig config, int alwaysIndex, int target) {
        if (system != null && system != interpolation) {
            throw new IllegalStateException("snapshots already feed another Interpolation system; use one per World");
        }
        system = interpolation;
        int[] targets = byConfig.get(config);
        if (targets == null) {
            targets = new int[config.alwaysProperties().length];
            Arrays.fill(targets, -1);
            byConfig.put(config, targets);
        }
        targets[alwaysIndex] = target;
    }

    /** The targets of {@code config}'s ALWAYS properties in {@code interpolation}, or null. */
    int[] of(ReplicationConfig config, Interpolation interpolation) {
        return interpolation == system ? byConfig.get(config) : null;
    }

    /** The system the targets belong to, or null. */
    Interpolation system() {
        return system;
    }
}
