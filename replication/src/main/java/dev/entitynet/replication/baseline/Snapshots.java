package dev.entitynet.replication.baseline;

import com.artemis.Component;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.interpolation.FloatsSetter;
import dev.entitynet.replication.interpolation.Interpolation;
import dev.entitynet.replication.quantize.QuantizedCodec;

/**
 * Delta-coded snapshots of one SceneReplication: settings and figures. A config whose ALWAYS
 * properties all use {@link dev.entitynet.replication.quantize.Quantized} codecs is
 * snapshot-coded without further setup: its spawned entities' ALWAYS values go to each peer as
 * differences from the newest snapshot that peer acknowledged, and an entity unchanged since then
 * costs nothing. Receivers apply the newest values to the components (raw, as Godot does) and,
 * when told to, also feed an {@link Interpolation} system that renders smoothed values into
 * components of their own.
 *
 * <pre>{@code
 * Snapshots snapshots = replication.snapshots();
 * snapshots.budgetBytesPerTick(600).priority((entity, peer) -> nearPlayer(entity, peer) ? 4f : 1f);
 * // client
 * Interpolation smooth = world.getSystem(Interpolation.class);
 * snapshots.interpolate(smooth, config, "Body:position", Rendered.class, (r, v, o) -> r.set(v[o], v[o + 1]));
 * }</pre>
 */
public final class Snapshots {
    private final SnapshotEngine engine;
    private int budget;
    private SnapshotPriority priority;

    Snapshots(SnapshotEngine engine) {
        this.engine = engine;
    }

    /**
     * Bytes each peer gets per tick at most (default 0: {@code max_sync_packet_size}). Changed
     * entities that do not fit wait for a later tick, first in line by accumulated priority.
     *
     * @throws IllegalArgumentException when not 0 and below 64
     */
    public Snapshots budgetBytesPerTick(int bytes) {
        if (bytes != 0 && bytes < 64) {
            throw new IllegalArgumentException("a snapshot budget of " + bytes + " bytes per tick is too small; use 0 (max_sync_packet_size) or 64 or more");
        }
        this.budget = bytes;
        return this;
    }

    /** Bytes per peer per tick, 0 for {@code max_sync_packet_size}. */
    public int budgetBytesPerTick() {
        return budget;
    }

    /** Weighs changed entities when a peer is over budget (null: all weigh 1). */
    public Snapshots priority(SnapshotPriority weights) {
        this.priority = weights;
        return this;
    }

    /**
     * Feeds {@code interpolation} with every value of {@code property} (an ALWAYS property of the
     * snapshot-coded {@code config}) this side receives, which renders it into {@code renderComponent}
     * through {@code setter}, blended as the property's codec says.
     *
     * @throws IllegalArgumentException when the property is not a quantized ALWAYS property of the config
     */
    public <R extends Component> Snapshots interpolate(Interpolation interpolation, ReplicationConfig config, String property,
                                                       Class<R> renderComponent, FloatsSetter<R> setter) {
        if (!engine.covers(config)) {
            throw new IllegalArgumentException("config " + config.name() + " is not snapshot-coded: give all its ALWAYS properties Quantized codecs");
        }
        int index = config.indexOf(property);
        int[] always = config.alwaysProperties();
        int alwaysIndex = -1;
        for (int i = 0; i < always.length; i++) {
            alwaysIndex = always[i] == index ? i : alwaysIndex;
        }
        if (alwaysIndex < 0) {
            throw new IllegalArgumentException("config " + config.name() + " has no ALWAYS property " + property);
        }
        QuantizedCodec<?> codec = (QuantizedCodec<?>) config.property(index).codec();
        int target = interpolation.target(codec.blend(), codec.dimensions(), renderComponent, setter);
        engine.targets().route(interpolation, config, alwaysIndex, target);
        return this;
    }

    /** Whether {@code config} is snapshot-coded (all its ALWAYS properties quantized). */
    public boolean isSnapshotCoded(ReplicationConfig config) {
        return engine.covers(config);
    }

    /** Snapshot bytes sent to {@code peerId} (command byte included, transport headers not). */
    public long bytesSentTo(int peerId) {
        return engine.sent(peerId, 0);
    }

    /** Snapshot packets sent to {@code peerId}. */
    public long packetsSentTo(int peerId) {
        return engine.sent(peerId, 1);
    }

    /** Entities sent to {@code peerId} in snapshots (an entity counts once per snapshot carrying it). */
    public long entriesSentTo(int peerId) {
        return engine.sent(peerId, 2);
    }

    int budget() {
        return budget;
    }

    SnapshotPriority priority() {
        return priority;
    }

    Interpolation interpolation() {
        return engine.targets().system();
    }
}
