package dev.entitynet.replication.interpolation;

import com.artemis.BaseSystem;
import com.artemis.Component;
import dev.entitynet.replication.quantize.Blend;
import dev.entitynet.transport.clock.Clock;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * Client-side artemis system that shows replicated state smoothly: the snapshot decoder hands it
 * the decoded values of each entity's properties, stamped with the server tick, and every
 * {@link #processSystem() process} writes into each entity's render component the value at the
 * render tick, {@link #delayTicks(double) a delay} behind the {@link ServerClock estimated server
 * tick}, blended between the samples around it.
 *
 * <p>Setup: register one target per interpolated property with
 * {@link #target(Blend, int, Class, FloatsSetter)} and add the system to the world after the
 * decoder. The decoder calls {@link #received} per entity and target (which also feeds the clock)
 * and {@link #removed} when an entity goes; an entity deleted from the world, or whose render
 * component is removed, loses its buffers too. Feed round trips to {@code clock().roundTrip}.
 *
 * <p>Buffers ({@value #BUFFER_CAPACITY} samples each) are pooled per target and reused, so once
 * every target has seen as many entities at once as it will, nothing is allocated.
 */
public final class Interpolation extends BaseSystem {
    /**
     * Default render delay in ticks: 2 so that, with a snapshot every tick, one lost or late
     * snapshot still leaves a pair to blend between, plus 1 for arrival jitter, since the clock
     * follows the earliest arrivals and the average one comes later. With a snapshot every
     * {@code n} ticks and jitter {@code j} ticks, use about {@code 2n + j}.
     */
    public static final double DEFAULT_DELAY_TICKS = 3;
    /** Default limit on extrapolation past the newest sample, in ticks. */
    public static final float DEFAULT_MAX_EXTRAPOLATION_TICKS = 2;
    /** Samples kept per entity and target. */
    public static final int BUFFER_CAPACITY = 16;

    private final ServerClock clock;
    private final ObjectArrayList<TargetBuffers<?>> targets = new ObjectArrayList<>();
    private double delayTicks = DEFAULT_DELAY_TICKS;
    private float maxExtrapolationTicks = DEFAULT_MAX_EXTRAPOLATION_TICKS;
    private float snapDistance;
    private double renderTick;

    /**
     * @param clock where local time comes from
     * @param tickSeconds the server's tick length in seconds
     */
    public Interpolation(Clock clock, double tickSeconds) {
        this.clock = new ServerClock(clock, tickSeconds);
    }

    /**
     * Registers an interpolated property: {@code dimensions} floats blended by {@code blend},
     * written into {@code renderComponent} (created on the entity when its first sample arrives)
     * by {@code setter}.
     *
     * @param dimensions floats per value; 4 for ROTATION (a unit quaternion x, y, z, w)
     * @return the target's id, to pass to {@link #received}
     */
    public <R extends Component> int target(Blend blend, int dimensions, Class<R> renderComponent, FloatsSetter<R> setter) {
        if (blend == null || renderComponent == null || setter == null) {
            throw new IllegalArgumentException("blend, renderComponent and setter must not be null");
        }
        if (dimensions < 1) {
            throw new IllegalArgumentException("a target needs at least 1 dimension, got " + dimensions);
        }
        if (blend == Blend.ROTATION && dimensions != 4) {
            throw new IllegalArgumentException("a ROTATION target is a quaternion (x, y, z, w): 4 dimensions, got " + dimensions);
        }
        TargetBuffers<R> target = new TargetBuffers<>(blend, dimensions, renderComponent, setter);
        if (world != null) {
            target.bind(world);
        }
        targets.add(target);
        return targets.size() - 1;
    }

    /** Sets how far behind the estimated server tick the render tick is; default {@value #DEFAULT_DELAY_TICKS}. */
    public Interpolation delayTicks(double ticks) {
        if (!(ticks >= 0) || Double.isInfinite(ticks)) {
            throw new IllegalArgumentException("delayTicks must be a finite number >= 0, got " + ticks);
        }
        this.delayTicks = ticks;
        return this;
    }

    /** Sets how far past the newest sample LINEAR values extrapolate before holding; default 2; 0 = hold. */
    public Interpolation maxExtrapolationTicks(float ticks) {
        if (!(ticks >= 0) || Float.isInfinite(ticks)) {
            throw new IllegalArgumentException("maxExtrapolationTicks must be a finite number >= 0, got " + ticks);
        }
        this.maxExtrapolationTicks = ticks;
        return this;
    }

    /**
     * Sets the distance between consecutive LINEAR samples beyond which they are treated as a
     * teleport (no blending); default 0 = only samples received with the teleport flag.
     */
    public Interpolation snapDistance(float distance) {
        if (!(distance >= 0) || Float.isInfinite(distance)) {
            throw new IllegalArgumentException("snapDistance must be a finite number >= 0, got " + distance);
        }
        this.snapDistance = distance;
        return this;
    }

    /**
     * A decoded value for {@code entity}'s {@code target} at {@code serverTick}:
     * {@code dimensions} floats of {@code values} from {@code offset}, copied. Creates the render
     * component and the buffer if missing; a sample whose tick the buffer holds is ignored. Also
     * tells the clock a snapshot with that tick arrived.
     *
     * @param teleport the value jumped at this tick (respawn, portal): show it without blending
     */
    public void received(int entity, int target, long serverTick, float[] values, int offset, boolean teleport) {
        clock.snapshotArrived(serverTick);
        targets.get(target).received(entity, serverTick, values, offset, teleport);
    }

    /** {@code entity} is gone: its buffers return to the pools. */
    public void removed(int entity) {
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).remove(entity);
        }
    }

    /** The estimate of the server's tick this system reads. */
    public ServerClock clock() {
        return clock;
    }

    /** The tick shown by the last {@link #processSystem() process}; 0 before the clock is synced. */
    public double renderTick() {
        return renderTick;
    }

    @Override
    protected void initialize() {
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).bind(world);
        }
    }

    /** Writes every buffered entity's value at the render tick into its render component. */
    @Override
    protected void processSystem() {
        if (!clock.synced()) {
            return;
        }
        renderTick = clock.serverTick() - delayTicks;
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).write(renderTick, maxExtrapolationTicks, snapDistance);
        }
    }
}
