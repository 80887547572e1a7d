package dev.entitynet.replication.quantize;

import dev.entitynet.replication.codec.Accessors.BooleanGetter;
import dev.entitynet.replication.codec.Accessors.BooleanSetter;
import dev.entitynet.replication.codec.Accessors.FloatGetter;
import dev.entitynet.replication.codec.Accessors.FloatSetter;
import dev.entitynet.replication.codec.Accessors.IntGetter;
import dev.entitynet.replication.codec.Accessors.IntSetter;
import dev.entitynet.replication.codec.Accessors.Vector2Setter;
import dev.entitynet.replication.codec.Accessors.Vector3Setter;

/**
 * The built-in {@link QuantizedCodec}s. Mistakes in the arguments (empty or NaN bounds, a precision
 * or step of zero, more bits than a lane holds) throw {@link IllegalArgumentException} saying what
 * to change.
 *
 * <pre>{@code
 * QuantizedCodec<Transform> pos = Quantized.position3(-512, -64, -512, 512, 64, 512, 0.01f,
 *         t -> t.x, t -> t.y, t -> t.z, (t, x, y, z) -> t.setPosition(x, y, z));
 * QuantizedCodec<Transform> rot = Quantized.rotation(10, t -> t.qx, t -> t.qy, t -> t.qz, t -> t.qw,
 *         (t, x, y, z, w) -> t.setRotation(x, y, z, w));
 * }</pre>
 */
public final class Quantized {
    /** The fewest bits per smallest-three component {@link #rotation} accepts. */
    public static final int MIN_ROTATION_BITS = 2;
    /** The most bits per smallest-three component {@link #rotation} accepts. */
    public static final int MAX_ROTATION_BITS = 16;

    private Quantized() {
    }

    /**
     * A 2D position in the box {@code [minX, maxX] x [minY, maxY]}, each axis within
     * {@code precision} of the true value. Each axis's step is the largest power of two at most
     * {@code 2 * precision}, not {@code 2 * precision} itself: rounding to the nearest step is then
     * off by at most {@code step / 2 <= precision}, every grid point (a multiple of the step) is
     * exactly a float, so the error bound holds without float rounding on top, and it costs at most
     * one bit per axis over the tightest grid. The axis code is the nearest step from the grid's
     * first point (the multiple of the step at or below min), clamped to the grid, in
     * {@code ceil(log2(maxCode + 1))} bits; coordinates outside the box clamp to its edge, NaN
     * quantizes to min, codes above an axis's largest are invalid.
     *
     * @throws IllegalArgumentException when a bound is not finite, a max is not above its min, the
     *                                  precision is not above 0, or floats cannot resolve the
     *                                  precision at the box's coordinates
     */
    public static <C> QuantizedCodec<C> position2(float minX, float minY, float maxX, float maxY, float precision,
                                                  FloatGetter<C> x, FloatGetter<C> y, Vector2Setter<C> set) {
        return FloatGridCodec.of(FloatGrid.forPrecision(minX, maxX, precision, "position2 x axis"),
                FloatGrid.forPrecision(minY, maxY, precision, "position2 y axis"), x, y, set);
    }

    /**
     * A 3D position in the box {@code [minX, maxX] x [minY, maxY] x [minZ, maxZ]}, each axis within
     * {@code precision}; quantized per axis exactly as {@link #position2} describes.
     *
     * @throws IllegalArgumentException as {@link #position2}
     */
    public static <C> QuantizedCodec<C> position3(float minX, float minY, float minZ, float maxX, float maxY, float maxZ,
                                                  float precision, FloatGetter<C> x, FloatGetter<C> y, FloatGetter<C> z,
                                                  Vector3Setter<C> set) {
        return FloatGridCodec.of(FloatGrid.forPrecision(minX, maxX, precision, "position3 x axis"),
                FloatGrid.forPrecision(minY, maxY, precision, "position3 y axis"),
                FloatGrid.forPrecision(minZ, maxZ, precision, "position3 z axis"), x, y, z, set);
    }

    /**
     * A rotation, a quaternion read as x, y, z, w, in smallest-three form: lane 0 is the index of
     * the largest-magnitude component (2 bits), lanes 1 to 3 the other three, sign-flipped so the
     * largest is positive, on a grid over {@code [-1/sqrt2, 1/sqrt2]} with {@code bitsPerComponent}
     * bits and an exact zero. Applying rebuilds the largest component and normalizes. Quaternions
     * need not be unit length; a zero, infinite or NaN one is sent as the identity. Each component is
     * off by at most about {@code 0.71 / (2^(bits-1) - 1)}: 9 bits keep rotations within about half
     * a degree (the test prints the measured worst cases).
     *
     * @throws IllegalArgumentException when bitsPerComponent is outside 2 to 16
     */
    public static <C> QuantizedCodec<C> rotation(int bitsPerComponent, FloatGetter<C> x, FloatGetter<C> y, FloatGetter<C> z,
                                                 FloatGetter<C> w, QuaternionSetter<C> set) {
        if (bitsPerComponent < MIN_ROTATION_BITS || bitsPerComponent > MAX_ROTATION_BITS) {
            throw new IllegalArgumentException("rotation: " + bitsPerComponent + " bits per component must be between "
                    + MIN_ROTATION_BITS + " and " + MAX_ROTATION_BITS + " (9 to 12 suit most games)");
        }
        return new RotationCodec<>(bitsPerComponent, x, y, z, w, set);
    }

    /**
     * A float on the grid {@code min + code * step}, up to the first grid point at or above
     * {@code max}; values are rounded to the nearest point (off by at most {@code step / 2}),
     * clamped to the grid, and NaN quantizes to min.
     *
     * @throws IllegalArgumentException when a bound is not finite, max is not above min, the step
     *                                  is not above 0, or floats cannot resolve the step on the range
     */
    public static <C> QuantizedCodec<C> range(float min, float max, float step, FloatGetter<C> get, FloatSetter<C> set) {
        return FloatGridCodec.of(FloatGrid.forStep(min, max, step, "range"), get, set);
    }

    /** A boolean as one 1-bit lane, never blended. */
    public static <C> QuantizedCodec<C> bool(BooleanGetter<C> get, BooleanSetter<C> set) {
        return new BoolCodec<>(get, set);
    }

    /**
     * An int in {@code [min, max]} as one lane holding {@code value - min} (values outside are
     * clamped), never blended: use {@link #range} for a number that should blend.
     *
     * @throws IllegalArgumentException when max is not above min or the range holds more than
     *                                  {@code 2^31} values
     */
    public static <C> QuantizedCodec<C> integer(int min, int max, IntGetter<C> get, IntSetter<C> set) {
        if (max <= min || (long) max - min > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("integer: range [" + min + ", " + max + "] must have max > min and at most 2^31 values"
                    + " (a lane holds 31 bits); narrow the range or send the value with Codecs.int32");
        }
        return new IntRangeCodec<>(min, max, get, set);
    }
}
