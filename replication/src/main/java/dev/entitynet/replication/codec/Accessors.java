package dev.entitynet.replication.codec;

/**
 * Primitive getters and setters for codecs, so a field is read and written without boxing or
 * reflection: pass method references or non-capturing lambdas such as {@code p -> p.x} and
 * {@code (p, v) -> p.x = v}.
 */
public final class Accessors {
    private Accessors() {
    }

    /** Reads an int from a component. */
    @FunctionalInterface
    public interface IntGetter<C> {
        int get(C component);
    }

    /** Writes an int into a component. */
    @FunctionalInterface
    public interface IntSetter<C> {
        void set(C component, int value);
    }

    /** Reads a long from a component. */
    @FunctionalInterface
    public interface LongGetter<C> {
        long get(C component);
    }

    /** Writes a long into a component. */
    @FunctionalInterface
    public interface LongSetter<C> {
        void set(C component, long value);
    }

    /** Reads a float from a component. */
    @FunctionalInterface
    public interface FloatGetter<C> {
        float get(C component);
    }

    /** Writes a float into a component. */
    @FunctionalInterface
    public interface FloatSetter<C> {
        void set(C component, float value);
    }

    /** Reads a double from a component. */
    @FunctionalInterface
    public interface DoubleGetter<C> {
        double get(C component);
    }

    /** Writes a double into a component. */
    @FunctionalInterface
    public interface DoubleSetter<C> {
        void set(C component, double value);
    }

    /** Reads a boolean from a component. */
    @FunctionalInterface
    public interface BooleanGetter<C> {
        boolean get(C component);
    }

    /** Writes a boolean into a component. */
    @FunctionalInterface
    public interface BooleanSetter<C> {
        void set(C component, boolean value);
    }

    /** Reads a string (or any character sequence) from a component; null is sent as empty. */
    @FunctionalInterface
    public interface TextGetter<C> {
        CharSequence get(C component);
    }

    /** Writes a received string into a component. */
    @FunctionalInterface
    public interface TextSetter<C> {
        void set(C component, String value);
    }

    /** Writes a received 2-vector into a component. */
    @FunctionalInterface
    public interface Vector2Setter<C> {
        void set(C component, float x, float y);
    }

    /** Writes a received 3-vector into a component. */
    @FunctionalInterface
    public interface Vector3Setter<C> {
        void set(C component, float x, float y, float z);
    }
}
