package dev.entitynet.replication.baseline;

import com.artemis.Component;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.quantize.Blend;
import dev.entitynet.replication.quantize.QuantizedCodec;
import dev.entitynet.replication.snapshot.BoundConfig;

/**
 * The quantized layout of a snapshot-coded config: its ALWAYS properties, each a run of integer
 * lanes, and a fingerprint both sides compute from names and widths, so a receiver can tell a
 * config it knows from one it does not.
 */
final class SnapshotSchema {
    /** Most lanes an entity may have (the per-lane code orders are sent in 5 bits). */
    static final int MAX_LANES = 31;

    final BoundConfig bound;
    final int index;
    final int fingerprint;
    /** The ALWAYS property indices, in config order. */
    final int[] properties;
    private final QuantizedCodec<Component>[] codecs;
    /** First lane of each property; {@code laneAt[properties.length]} is the lane count. */
    final int[] laneAt;
    final int lanes;
    final int[] laneBits;
    /** Whether a lane moves linearly, so it is predicted from the two newest baselines. */
    final boolean[] predicted;

    @SuppressWarnings("unchecked")
    private SnapshotSchema(BoundConfig bound, int index) {
        this.bound = bound;
        this.index = index;
        ReplicationConfig config = bound.config();
        this.properties = config.alwaysProperties();
        this.codecs = new QuantizedCodec[properties.length];
        this.laneAt = new int[properties.length + 1];
        int lane = 0;
        for (int i = 0; i < properties.length; i++) {
            codecs[i] = (QuantizedCodec<Component>) config.property(properties[i]).codec();
            laneAt[i] = lane;
            lane += codecs[i].lanes();
        }
        laneAt[properties.length] = lane;
        if (lane > MAX_LANES) {
            throw new IllegalStateException("config " + config.name() + " has " + lane + " quantized lanes in its ALWAYS properties; "
                    + "snapshots carry at most " + MAX_LANES + ": move some properties to ON_CHANGE or another config");
        }
        this.lanes = lane;
        this.laneBits = new int[lane];
        this.predicted = new boolean[lane];
        int hash = 0x811C9DC5;
        hash = mix(hash, config.name());
        for (int i = 0; i < properties.length; i++) {
            hash = mix(hash, config.property(properties[i]).name());
            for (int l = 0; l < codecs[i].lanes(); l++) {
                laneBits[laneAt[i] + l] = codecs[i].laneBits(l);
                predicted[laneAt[i] + l] = codecs[i].blend() == Blend.LINEAR;
                hash = (hash ^ codecs[i].laneBits(l)) * 0x01000193;
            }
            hash = (hash ^ codecs[i].blend().ordinal()) * 0x01000193;
        }
        this.fingerprint = hash;
    }

    /** The schema of {@code bound}'s config, or null when the config is not snapshot-coded. */
    static SnapshotSchema of(BoundConfig bound, int index) {
        return isSnapshotCoded(bound.config()) ? new SnapshotSchema(bound, index) : null;
    }

    /** Whether every ALWAYS property of {@code config} (and at least one) has a quantized codec. */
    static boolean isSnapshotCoded(ReplicationConfig config) {
        config.freeze();
        int[] always = config.alwaysProperties();
        if (always.length == 0) {
            return false;
        }
        for (int p : always) {
            if (!(config.property(p).codec() instanceof QuantizedCodec)) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x01000193;
        }
        return (hash ^ 0xFF) * 0x01000193;
    }

    /** Number of ALWAYS properties. */
    int propertyCount() {
        return properties.length;
    }

    /** The codec of the {@code i}-th ALWAYS property. */
    QuantizedCodec<Component> codec(int i) {
        return codecs[i];
    }

    /**
     * The quantized codes of {@code entity}'s values into {@code codes} from {@code offset}.
     *
     * @return false when the entity lacks a component (nothing to send)
     */
    boolean quantize(int entity, int[] codes, int offset) {
        for (int i = 0; i < properties.length; i++) {
            Component c = bound.component(properties[i], entity);
            if (c == null) {
                return false;
            }
            codecs[i].quantize(c, codes, offset + laneAt[i]);
        }
        return true;
    }

    /** Whether every property's codes at {@code offset} may be applied. */
    boolean valid(int[] codes, int offset) {
        for (int i = 0; i < properties.length; i++) {
            if (!codecs[i].valid(codes, offset + laneAt[i])) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code entity}'s values to what the codes at {@code offset} stand for. */
    void apply(int entity, int[] codes, int offset) {
        for (int i = 0; i < properties.length; i++) {
            codecs[i].apply(bound.target(properties[i], entity), codes, offset + laneAt[i]);
        }
    }
}
