package dev.entitynet.replication.codec;

/**
 * Maps floats in {@code [min, max]} onto {@code bits}-bit integer codes (values outside are
 * clamped), trading precision, {@code (max - min) / (2^bits - 1)}, for bytes on the wire.
 */
public final class Quantization {
    private final float min;
    private final float max;
    private final int bits;
    private final long maxCode;
    private final double scale;
    private final double step;

    /**
     * @param min the smallest value sent exactly
     * @param max the largest value sent exactly; must be greater than {@code min}
     * @param bits code width, 1 to 32
     */
    public Quantization(float min, float max, int bits) {
        if (!(max > min) || Float.isInfinite(max - min)) {
            throw new IllegalArgumentException("quantization range [" + min + ", " + max + "] must be finite with max > min");
        }
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("quantization bits " + bits + " must be between 1 and 32");
        }
        this.min = min;
        this.max = max;
        this.bits = bits;
        this.maxCode = (1L << bits) - 1;
        this.scale = maxCode / ((double) max - min);
        this.step = ((double) max - min) / maxCode;
    }

    /** Code width in bits. */
    public int bits() {
        return bits;
    }

    /** The largest code. */
    public long maxCode() {
        return maxCode;
    }

    /** The code for {@code value}, clamped to the range; NaN becomes the code of {@code min}. */
    public long encode(float value) {
        if (!(value > min)) {
            return 0;
        }
        if (value >= max) {
            return maxCode;
        }
        return Math.round((value - (double) min) * scale);
    }

    /** The value a code stands for. */
    public float decode(long code) {
        return (float) (min + code * step);
    }

    /** The largest error {@link #decode}({@link #encode}(v)) has for v in range. */
    public float precision() {
        return (float) (step / 2);
    }
}
