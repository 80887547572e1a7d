package dev.entitynet.ecs.rpc;

import dev.entitynet.ecs.protocol.Utf8;
import dev.entitynet.transport.SendResult;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The arguments of one outgoing call, written with typed methods in declared order into a reused
 * off-heap buffer, then {@link #send()}. One writer per {@code SceneMultiplayer}, reused by every
 * call: finish a call before starting the next. Allocation-free.
 *
 * <pre>{@code
 * multiplayer.rpc(entity, move).putFloat(x).putFloat(y).send();
 * }</pre>
 */
public final class RpcWriter {
    private final RpcInterface rpc;
    private final Bytes<?> args = Bytes.allocateElasticDirect(256);
    private RpcMethod method;
    private int entity;
    private int target;
    private int index;
    private int maxArgumentBytes;

    RpcWriter(RpcInterface rpc) {
        this.rpc = rpc;
    }

    RpcWriter begin(RpcMethod method, int entity, int target, int maxArgumentBytes) {
        if (this.method != null) {
            RpcMethod open = this.method;
            this.method = null;
            throw new IllegalStateException("the call to '" + open.name() + "' was never sent; finish each call with send() before starting the next");
        }
        this.method = method;
        this.entity = entity;
        this.target = target;
        this.maxArgumentBytes = maxArgumentBytes;
        this.index = 0;
        args.clear();
        return this;
    }

    /** Writes a bool argument. */
    public RpcWriter putBool(boolean value) {
        next(ArgType.BOOL).writeUnsignedByte(value ? 1 : 0);
        return checkSize();
    }

    /** Writes a byte argument. */
    public RpcWriter putByte(byte value) {
        next(ArgType.BYTE).writeByte(value);
        return checkSize();
    }

    /** Writes a short argument. */
    public RpcWriter putShort(short value) {
        next(ArgType.SHORT).writeShort(value);
        return checkSize();
    }

    /** Writes an int argument. */
    public RpcWriter putInt(int value) {
        next(ArgType.INT).writeInt(value);
        return checkSize();
    }

    /** Writes a long argument. */
    public RpcWriter putLong(long value) {
        next(ArgType.LONG).writeLong(value);
        return checkSize();
    }

    /** Writes a float argument. */
    public RpcWriter putFloat(float value) {
        next(ArgType.FLOAT).writeFloat(value);
        return checkSize();
    }

    /** Writes a double argument. */
    public RpcWriter putDouble(double value) {
        next(ArgType.DOUBLE).writeDouble(value);
        return checkSize();
    }

    /** Writes a string argument as UTF-8. */
    public RpcWriter putString(CharSequence value) {
        next(ArgType.STRING);
        long lengthAt = args.writePosition();
        args.writeInt(0);
        int length = Utf8.write(value, args);
        args.writeInt(lengthAt, length);
        return checkSize();
    }

    /** Writes a bytes argument. */
    public RpcWriter putBytes(byte[] value, int offset, int length) {
        next(ArgType.BYTES).writeInt(length).write(value, offset, length);
        return checkSize();
    }

    /** Writes a bytes argument from off-heap memory. */
    public RpcWriter putBytes(BytesStore<?, ?> value, long offset, int length) {
        next(ArgType.BYTES).writeInt(length).write(value, offset, length);
        return checkSize();
    }

    /**
     * Writes an object argument with the codec registered for its exact class.
     *
     * @throws IllegalArgumentException when no codec is registered for it
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public RpcWriter putObject(Object value) {
        next(ArgType.OBJECT);
        ObjectCodecs.Entry entry = value == null ? null : rpc.codecs().byClass(value.getClass());
        if (entry == null) {
            method = null;
            throw new IllegalArgumentException("no ObjectCodec registered for " + (value == null ? "null" : value.getClass().getName())
                    + "; register one with multiplayer.objectCodecs().register(id, type, codec)");
        }
        args.writeUnsignedShort(entry.id());
        long lengthAt = args.writePosition();
        args.writeInt(0);
        entry.codec().write(value, args);
        args.writeInt(lengthAt, (int) (args.writePosition() - lengthAt - 4));
        return checkSize();
    }

    /**
     * Sends the call.
     *
     * @return {@link SendResult#SENT}, or what kept it from a specific target peer
     * @throws IllegalStateException when fewer arguments were written than declared
     */
    public SendResult send() {
        RpcMethod m = requireCall();
        method = null;
        if (index != m.argCount()) {
            throw new IllegalStateException("'" + m.name() + "' takes " + m.argCount() + " arguments but " + index + " were written");
        }
        return rpc.send(m, entity, target, args);
    }

    private RpcMethod requireCall() {
        if (method == null) {
            throw new IllegalStateException("no call in progress; start one with multiplayer.rpc(...) or rpcId(...)");
        }
        return method;
    }

    /** Checks that the next declared argument is a {@code type} and returns the buffer to write it to. */
    private Bytes<?> next(ArgType type) {
        RpcMethod m = requireCall();
        if (index >= m.argCount() || m.arg(index) != type) {
            method = null;
            throw new IllegalArgumentException("'" + m.name() + "' argument " + index + " is "
                    + (index >= m.argCount() ? "not declared" : "declared " + m.arg(index)) + ", not " + type);
        }
        index++;
        return args;
    }

    private RpcWriter checkSize() {
        if (args.writePosition() > maxArgumentBytes) {
            RpcMethod m = method;
            method = null;
            throw new IllegalArgumentException("arguments of '" + m.name() + "' exceed maxRpcArgumentBytes " + maxArgumentBytes
                    + "; send less or raise the limit on both sides");
        }
        return this;
    }
}
