package dev.entitynet.ecs.rpc;

import dev.entitynet.ecs.protocol.Utf8;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The arguments of one RPC call, read in declared order with typed getters. By the time a handler
 * sees it the whole call was checked against the signature, so reads cannot run past the packet;
 * reading out of order or with the wrong type is a bug in the handler and throws.
 */
public final class RpcReader {
    private Bytes<?> in;
    private ArgType[] signature;
    private Object[] objects;
    private int index;

    void reset(Bytes<?> in, ArgType[] signature, Object[] decodedObjects) {
        this.in = in;
        this.signature = signature;
        this.objects = decodedObjects;
        this.index = 0;
    }

    /** How many arguments the call has. */
    public int count() {
        return signature.length;
    }

    /** A bool argument. */
    public boolean getBool() {
        next(ArgType.BOOL);
        return in.readUnsignedByte() != 0;
    }

    /** A byte argument. */
    public byte getByte() {
        next(ArgType.BYTE);
        return in.readByte();
    }

    /** A short argument. */
    public short getShort() {
        next(ArgType.SHORT);
        return in.readShort();
    }

    /** An int argument. */
    public int getInt() {
        next(ArgType.INT);
        return in.readInt();
    }

    /** A long argument. */
    public long getLong() {
        next(ArgType.LONG);
        return in.readLong();
    }

    /** A float argument. */
    public float getFloat() {
        next(ArgType.FLOAT);
        return in.readFloat();
    }

    /** A double argument. */
    public double getDouble() {
        next(ArgType.DOUBLE);
        return in.readDouble();
    }

    /** A string argument appended to {@code out} (allocation-free when {@code out} has room). */
    public StringBuilder getString(StringBuilder out) {
        next(ArgType.STRING);
        int length = in.readInt();
        Utf8.read(in, in.readPosition(), length, out);
        in.readSkip(length);
        return out;
    }

    /** A string argument as a new String (allocates). */
    public String getString() {
        return getString(new StringBuilder()).toString();
    }

    /**
     * A bytes argument copied into {@code out} from index 0.
     *
     * @return its length
     * @throws IllegalArgumentException when {@code out} is too small (the argument is then skipped)
     */
    public int getBytes(byte[] out) {
        next(ArgType.BYTES);
        int length = in.readInt();
        if (length > out.length) {
            in.readSkip(length);
            throw new IllegalArgumentException("bytes argument of " + length + " bytes does not fit an array of " + out.length);
        }
        in.read(out, 0, length);
        return length;
    }

    /** An object argument, decoded by its registered codec. */
    public <T> T getObject(Class<T> type) {
        next(ArgType.OBJECT);
        Object value = objects[index - 1];
        objects[index - 1] = null;
        in.readSkip(2);
        in.readSkip(in.readInt());
        return type.cast(value);
    }

    private void next(ArgType expected) {
        if (index >= signature.length) {
            throw new IllegalStateException("the handler read more than the " + signature.length + " declared arguments");
        }
        if (signature[index] != expected) {
            throw new IllegalStateException("argument " + index + " is declared " + signature[index] + " but the handler read it as " + expected);
        }
        index++;
    }
}
