package dev.entitynet.replication.interpolation;

import dev.entitynet.replication.quantize.Blend;

/**
 * The received values of one property of one entity, ordered by server tick, and the value to show
 * at any render tick: blended between the two samples around it, extrapolated a bounded distance
 * past the newest, never blended across a teleport.
 *
 * <p>A preallocated ring of {@code capacity} samples, each a server tick, {@code dimensions} floats
 * and a teleport flag. Samples may arrive in any order: a late one is inserted where its tick
 * belongs; a duplicate tick is ignored; when full, the oldest sample makes room (a sample older
 * than all of a full ring is dropped). Nothing is allocated after construction.
 */
public final class InterpolationBuffer {
    /** Above this cosine of the angle between two rotations, slerp is replaced by normalized lerp. */
    private static final double NEARLY_PARALLEL = 0.9995;

    private final int dimensions;
    private final int capacity;
    private final long[] ticks;
    private final float[] values;
    private final boolean[] teleports;
    /** Slot of the oldest sample. */
    private int start;
    private int size;

    /**
     * @param dimensions floats per sample (4 for a rotation quaternion); at least 1
     * @param capacity samples kept; at least 2
     */
    public InterpolationBuffer(int dimensions, int capacity) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 samples, got " + capacity);
        }
        this.dimensions = dimensions;
        this.capacity = capacity;
        this.ticks = new long[capacity];
        this.values = new float[capacity * dimensions];
        this.teleports = new boolean[capacity];
    }

    /** Floats per sample. */
    public int dimensions() {
        return dimensions;
    }

    /** Samples held. */
    public int size() {
        return size;
    }

    /** The tick of the {@code index}-th oldest sample held. */
    public long tick(int index) {
        return ticks[slot(index)];
    }

    /** Forgets every sample (for reuse from a pool). */
    public void clear() {
        start = 0;
        size = 0;
    }

    /**
     * Stores the sample for {@code tick}: {@code dimensions} floats of {@code v} from {@code off}.
     *
     * @param teleport the value jumped at this tick: never blend into it from an older sample
     * @return false if it was not stored: its tick is already held, or the ring is full and every
     *     sample held is newer
     */
    public boolean add(long tick, float[] v, int off, boolean teleport) {
        int at = size;
        while (at > 0 && ticks[slot(at - 1)] > tick) {
            at--;
        }
        if (at > 0 && ticks[slot(at - 1)] == tick) {
            return false;
        }
        if (size == capacity) {
            if (at == 0) {
                return false;
            }
            start = slot(1);
            size--;
            at--;
        }
        for (int i = size; i > at; i--) {
            copySample(slot(i - 1), slot(i));
        }
        int s = slot(at);
        ticks[s] = tick;
        teleports[s] = teleport;
        System.arraycopy(v, off, values, s * dimensions, dimensions);
        size++;
        return true;
    }

    /**
     * Writes the value at {@code renderTick} into {@code out} from {@code outOff}. Before the first
     * sample: the first sample. Between two: blended by {@code blend}, unless the newer is a
     * teleport (flagged, or for LINEAR with {@code snapDistance > 0} farther than that from the
     * older, Euclidean over all floats), then the older holds until the newer's tick. After the
     * newest: LINEAR extrapolates along the last two samples (unless they are a teleport) for at
     * most {@code maxExtrapolationTicks}, then holds; ROTATION and STEP hold.
     *
     * @return false, writing nothing, when no sample is held
     */
    public boolean sample(double renderTick, Blend blend, float maxExtrapolationTicks, float snapDistance, float[] out, int outOff) {
        if (size == 0) {
            return false;
        }
        // From the newest back: the render tick usually sits a couple of samples behind it.
        int newer = size;
        while (newer > 0 && ticks[slot(newer - 1)] > renderTick) {
            newer--;
        }
        if (newer == 0) {
            copyOut(slot(0), out, outOff);
        } else if (newer == size) {
            extrapolate(renderTick, blend, maxExtrapolationTicks, snapDistance, out, outOff);
        } else {
            int a = slot(newer - 1);
            int b = slot(newer);
            if (blend == Blend.STEP || isTeleport(a, b, blend, snapDistance)) {
                copyOut(a, out, outOff);
            } else {
                double t = (renderTick - ticks[a]) / (double) (ticks[b] - ticks[a]);
                if (blend == Blend.ROTATION) {
                    slerp(a, b, t, out, outOff);
                } else {
                    lerp(a, b, t, out, outOff);
                }
            }
        }
        return true;
    }

    private void extrapolate(double renderTick, Blend blend, float maxExtrapolationTicks, float snapDistance, float[] out, int outOff) {
        int last = slot(size - 1);
        if (blend != Blend.LINEAR || size < 2 || !(maxExtrapolationTicks > 0)) {
            copyOut(last, out, outOff);
            return;
        }
        int previous = slot(size - 2);
        if (isTeleport(previous, last, blend, snapDistance)) {
            copyOut(last, out, outOff);
            return;
        }
        double beyond = Math.min(renderTick - ticks[last], maxExtrapolationTicks);
        lerp(previous, last, 1 + beyond / (ticks[last] - ticks[previous]), out, outOff);
    }

    /** Whether blending from slot {@code a} to the newer slot {@code b} would cross a teleport. */
    private boolean isTeleport(int a, int b, Blend blend, float snapDistance) {
        if (teleports[b]) {
            return true;
        }
        if (blend != Blend.LINEAR || !(snapDistance > 0)) {
            return false;
        }
        int ia = a * dimensions;
        int ib = b * dimensions;
        double squared = 0;
        for (int i = 0; i < dimensions; i++) {
            double d = values[ib + i] - values[ia + i];
            squared += d * d;
        }
        return squared > (double) snapDistance * snapDistance;
    }

    private void lerp(int a, int b, double t, float[] out, int outOff) {
        int ia = a * dimensions;
        int ib = b * dimensions;
        for (int i = 0; i < dimensions; i++) {
            double va = values[ia + i];
            out[outOff + i] = (float) (va + (values[ib + i] - va) * t);
        }
    }

    /** Spherical interpolation of unit vectors (quaternions) along the shorter arc, normalized. */
    private void slerp(int a, int b, double t, float[] out, int outOff) {
        int ia = a * dimensions;
        int ib = b * dimensions;
        double dot = 0;
        for (int i = 0; i < dimensions; i++) {
            dot += (double) values[ia + i] * values[ib + i];
        }
        // q and -q are the same rotation: flip b onto a's hemisphere so the arc is the shorter one.
        double sign = dot < 0 ? -1 : 1;
        dot *= sign;
        double wa;
        double wb;
        if (dot > NEARLY_PARALLEL) {
            wa = 1 - t;
            wb = t;
        } else {
            double angle = Math.acos(dot);
            double sin = Math.sin(angle);
            wa = Math.sin((1 - t) * angle) / sin;
            wb = Math.sin(t * angle) / sin;
        }
        wb *= sign;
        double squared = 0;
        for (int i = 0; i < dimensions; i++) {
            double v = wa * values[ia + i] + wb * values[ib + i];
            squared += v * v;
        }
        double scale = squared > 0 ? 1 / Math.sqrt(squared) : 0;
        for (int i = 0; i < dimensions; i++) {
            out[outOff + i] = (float) ((wa * values[ia + i] + wb * values[ib + i]) * scale);
        }
    }

    private void copyOut(int s, float[] out, int outOff) {
        System.arraycopy(values, s * dimensions, out, outOff, dimensions);
    }

    private void copySample(int from, int to) {
        ticks[to] = ticks[from];
        teleports[to] = teleports[from];
        System.arraycopy(values, from * dimensions, values, to * dimensions, dimensions);
    }

    private int slot(int index) {
        int s = start + index;
        return s >= capacity ? s - capacity : s;
    }
}
