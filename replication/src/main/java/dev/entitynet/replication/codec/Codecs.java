package dev.entitynet.replication.codec;

import dev.entitynet.replication.codec.Accessors.BooleanGetter;
import dev.entitynet.replication.codec.Accessors.BooleanSetter;
import dev.entitynet.replication.codec.Accessors.DoubleGetter;
import dev.entitynet.replication.codec.Accessors.DoubleSetter;
import dev.entitynet.replication.codec.Accessors.FloatGetter;
import dev.entitynet.replication.codec.Accessors.FloatSetter;
import dev.entitynet.replication.codec.Accessors.IntGetter;
import dev.entitynet.replication.codec.Accessors.IntSetter;
import dev.entitynet.replication.codec.Accessors.LongGetter;
import dev.entitynet.replication.codec.Accessors.LongSetter;
import dev.entitynet.replication.codec.Accessors.TextGetter;
import dev.entitynet.replication.codec.Accessors.TextSetter;
import dev.entitynet.replication.codec.Accessors.Vector2Setter;
import dev.entitynet.replication.codec.Accessors.Vector3Setter;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The built-in codecs: primitives, 2- and 3-float vectors (optionally quantized), bounded strings.
 * Combine several into one component codec with {@link ComponentCodec#builder()}.
 *
 * <pre>{@code
 * PropertyCodec<Position> pos = Codecs.vector3(p -> p.x, p -> p.y, p -> p.z, (p, x, y, z) -> p.set(x, y, z));
 * PropertyCodec<Health> hp = Codecs.int32(h -> h.value, (h, v) -> h.value = v);
 * }</pre>
 */
public final class Codecs {
    private Codecs() {
    }

    // Every codec below repeats the same writeColumn loop on purpose, so each loop calls write() on
    // exactly one class and the JIT inlines it: see PropertyCodec#writeColumn. A shared loop measured
    // about 2x slower once a config mixes three or more codec classes.

    /** A boolean as one byte (0 or 1; anything else is rejected as malformed). */
    public static <C> PropertyCodec<C> bool(BooleanGetter<C> get, BooleanSetter<C> set) {
        return new FixedSizeCodec<C>(1) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeByte(offset, get.get(c) ? (byte) 1 : (byte) 0);
                return 1;
            }

            @Override
            public int measure(BytesStore<?, ?> in, long offset, long limit) {
                return super.measure(in, offset, limit) == 1 && (in.readByte(offset) & 0xFE) == 0 ? 1 : -1;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readByte(offset) != 0);
            }
        };
    }

    /** An int as 4 little-endian bytes. */
    public static <C> PropertyCodec<C> int32(IntGetter<C> get, IntSetter<C> set) {
        return new FixedSizeCodec<C>(4) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeInt(offset, get.get(c));
                return 4;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readInt(offset));
            }
        };
    }

    /** A long as 8 little-endian bytes. */
    public static <C> PropertyCodec<C> int64(LongGetter<C> get, LongSetter<C> set) {
        return new FixedSizeCodec<C>(8) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeLong(offset, get.get(c));
                return 8;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readLong(offset));
            }
        };
    }

    /** A float as 4 bytes (IEEE 754). */
    public static <C> PropertyCodec<C> float32(FloatGetter<C> get, FloatSetter<C> set) {
        return new FixedSizeCodec<C>(4) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeFloat(offset, get.get(c));
                return 4;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readFloat(offset));
            }
        };
    }

    /** A double as 8 bytes (IEEE 754). */
    public static <C> PropertyCodec<C> float64(DoubleGetter<C> get, DoubleSetter<C> set) {
        return new FixedSizeCodec<C>(8) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeDouble(offset, get.get(c));
                return 8;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readDouble(offset));
            }
        };
    }

    /** A float quantized to {@code q.bits()} bits, in the fewest whole bytes that hold them. */
    public static <C> PropertyCodec<C> quantizedFloat(FloatGetter<C> get, FloatSetter<C> set, Quantization q) {
        return new QuantizedFloatsCodec<C>(q, 1) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            long pack(C c) {
                return q.encode(get.get(c));
            }

            @Override
            void unpack(C c, long packed) {
                set.set(c, q.decode(packed));
            }
        };
    }

    /** Two floats as 8 bytes. */
    public static <C> PropertyCodec<C> vector2(FloatGetter<C> x, FloatGetter<C> y, Vector2Setter<C> set) {
        return new FixedSizeCodec<C>(8) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeFloat(offset, x.get(c));
                out.writeFloat(offset + 4, y.get(c));
                return 8;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readFloat(offset), in.readFloat(offset + 4));
            }
        };
    }

    /** Three floats as 12 bytes. */
    public static <C> PropertyCodec<C> vector3(FloatGetter<C> x, FloatGetter<C> y, FloatGetter<C> z, Vector3Setter<C> set) {
        return new FixedSizeCodec<C>(12) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            public int write(C c, BytesStore<?, ?> out, long offset) {
                out.writeFloat(offset, x.get(c));
                out.writeFloat(offset + 4, y.get(c));
                out.writeFloat(offset + 8, z.get(c));
                return 12;
            }

            @Override
            public void read(C c, BytesStore<?, ?> in, long offset) {
                set.set(c, in.readFloat(offset), in.readFloat(offset + 4), in.readFloat(offset + 8));
            }
        };
    }

    /** Two floats quantized with {@code q} and bit-packed together (e.g. 2 x 12 bits = 3 bytes). */
    public static <C> PropertyCodec<C> quantizedVector2(FloatGetter<C> x, FloatGetter<C> y, Vector2Setter<C> set, Quantization q) {
        int bits = q.bits();
        long mask = q.maxCode();
        return new QuantizedFloatsCodec<C>(q, 2) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            long pack(C c) {
                return q.encode(x.get(c)) | q.encode(y.get(c)) << bits;
            }

            @Override
            void unpack(C c, long packed) {
                set.set(c, q.decode(packed & mask), q.decode(packed >>> bits & mask));
            }
        };
    }

    /** Three floats quantized with {@code q} and bit-packed together (e.g. 3 x 16 bits = 6 bytes). */
    public static <C> PropertyCodec<C> quantizedVector3(FloatGetter<C> x, FloatGetter<C> y, FloatGetter<C> z,
                                                        Vector3Setter<C> set, Quantization q) {
        int bits = q.bits();
        long mask = q.maxCode();
        return new QuantizedFloatsCodec<C>(q, 3) {
            @Override
            @SuppressWarnings("unchecked")
            public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
                for (int i = 0; i < count; i++) {
                    write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
                }
            }

            @Override
            long pack(C c) {
                return q.encode(x.get(c)) | q.encode(y.get(c)) << bits | q.encode(z.get(c)) << 2 * bits;
            }

            @Override
            void unpack(C c, long packed) {
                set.set(c, q.decode(packed & mask), q.decode(packed >>> bits & mask), q.decode(packed >>> 2 * bits & mask));
            }
        };
    }

    /**
     * A string as {@code [u16 UTF-8 length][UTF-8 bytes]}, at most {@code maxUtf8Bytes} bytes
     * (longer values are a programming error and throw on send). Receiving builds a new String,
     * so keep strings for values that change rarely.
     */
    public static <C> PropertyCodec<C> string(TextGetter<C> get, TextSetter<C> set, int maxUtf8Bytes) {
        return new StringCodec<>(get, set, maxUtf8Bytes);
    }
}
