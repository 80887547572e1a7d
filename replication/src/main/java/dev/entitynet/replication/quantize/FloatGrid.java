package dev.entitynet.replication.quantize;

/**
 * One quantized float axis: the grid {@code origin + code * step} for codes 0 to {@link #maxCode},
 * covering {@code [min, max]}. A value's code is the nearest grid point's (half-way rounds up),
 * clamped to the grid; NaN gets the code of {@code min}. A grid is refused unless floats resolve it
 * with room to spare (step at least 4 float ulps everywhere on it), so the float a code stands for
 * is within a quarter step of its grid point and quantizes back to that code: the idempotence
 * {@link QuantizedCodec} promises.
 */
final class FloatGrid {
    private final double origin;
    private final double step;
    private final int maxCode;
    private final int nanCode;

    private FloatGrid(float min, double origin, double step, long maxCode, String what) {
        double top = origin + maxCode * step;
        float widest = (float) Math.max(Math.abs(origin), Math.abs(top));
        double finest = 4.0 * Math.ulp(widest);
        if (step < finest) {
            throw new IllegalArgumentException(what + ": a step of " + step + " is finer than floats resolve near "
                    + widest + " (they are " + Math.ulp(widest) + " apart there); use a step of at least "
                    + finest + " (a precision of half that) or a smaller range");
        }
        this.origin = origin;
        this.step = step;
        this.maxCode = (int) maxCode; // below 2^23: the check above bounds |top| / step
        this.nanCode = round(origin, step, this.maxCode, min);
    }

    /**
     * The grid whose step is the largest power of two at most {@code 2 * precision}, anchored at a
     * multiple of that step at or below {@code min}: every grid point is then a float exactly, and
     * a value in {@code [min, max]} is at most {@code step / 2 <= precision} from its point.
     */
    static FloatGrid forPrecision(float min, float max, float precision, String what) {
        checkRange(min, max, what);
        if (!(precision > 0) || Float.isInfinite(precision)) {
            throw new IllegalArgumentException(what + ": precision " + precision + " must be a finite number above 0");
        }
        double step = Math.scalb(1.0, Math.getExponent(2.0 * precision));
        double origin = Math.floor(min / step) * step;
        return new FloatGrid(min, origin, step, (long) Math.ceil((max - origin) / step), what);
    }

    /**
     * The grid {@code min + code * step}, up to the first point at or above {@code max} (a point
     * within 1/10,000 of a step below max counts as max, so {@code range(0, 1, 0.1f)} has 11 points).
     */
    static FloatGrid forStep(float min, float max, float step, String what) {
        checkRange(min, max, what);
        if (!(step > 0) || Float.isInfinite(step)) {
            throw new IllegalArgumentException(what + ": step " + step + " must be a finite number above 0");
        }
        long points = (long) Math.ceil(((double) max - min) / step - 1e-4);
        return new FloatGrid(min, min, step, Math.max(1, points), what);
    }

    private static void checkRange(float min, float max, String what) {
        if (!Float.isFinite(min) || !Float.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException(what + ": bounds [" + min + ", " + max + "] must be finite numbers with max > min");
        }
    }

    private static int round(double origin, double step, int maxCode, float value) {
        double d = ((double) value - origin) / step;
        if (!(d > 0)) {
            return 0;
        }
        return d >= maxCode ? maxCode : (int) Math.round(d);
    }

    /** The largest code. */
    int maxCode() {
        return maxCode;
    }

    /** The code of {@code value}. */
    int code(float value) {
        return value != value ? nanCode : round(origin, step, maxCode, value);
    }

    /** The float a code in {@code [0, maxCode]} stands for. */
    float value(int code) {
        return (float) (origin + code * step);
    }
}
