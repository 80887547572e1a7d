package dev.entitynet.ecs.rpc;

import dev.entitynet.ecs.guard.SendCounters;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.PathField;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.SendResult;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Godot's SceneRPCInterface: encodes calls (REMOTE_CALL), addressing the entity by path-cache id
 * once every target confirmed it and by inline path until then, and decodes, checks and dispatches
 * received calls. Layout in docs/protocol.md. Steady-state sends and receives allocate nothing.
 */
public final class RpcInterface {
    /** Width code of the entity field meaning "inline path instead of a cache id". */
    static final int WIDTH_INLINE_PATH = 3;
    private static final int FLAG_WIDE_METHOD = 0x40;
    private static final int FLAGS_RESERVED = 0x88;

    private final RpcHost host;
    private final SendCounters sendCounters;
    private final RpcTable table = new RpcTable();
    private final ObjectCodecs codecs = new ObjectCodecs();
    private final ArgumentValidator validator = new ArgumentValidator(codecs);
    private final RpcWriter writer = new RpcWriter(this);
    private final Bytes<?> packet = Bytes.allocateElasticDirect(512);
    private final StringBuilder pathText = new StringBuilder();
    /** One frame per nesting level: a handler may call call_local RPCs, whose handlers may too. */
    private final ObjectArrayList<Frame> frames = new ObjectArrayList<>();
    private int depth;
    private int remoteSenderId;

    /** The RPC layer of one {@code SceneMultiplayer}; calls that do not go out are counted in {@code sendCounters}. */
    public RpcInterface(RpcHost host, SendCounters sendCounters) {
        this.host = host;
        this.sendCounters = sendCounters;
    }

    /** The RPC declarations. */
    public RpcTable table() {
        return table;
    }

    /** The object argument codecs. */
    public ObjectCodecs codecs() {
        return codecs;
    }

    /** The peer whose call is running (the local id inside call_local), 0 outside handlers. */
    public int remoteSenderId() {
        return remoteSenderId;
    }

    /**
     * Starts a call of {@code method} on {@code entity} to {@code target} (0 = everyone, negative =
     * everyone but, positive = one peer); write the arguments on the returned writer, then send.
     *
     * <p>While the root path names no entity the call is not checked against it, and its send returns
     * {@link SendResult#NO_ROOT}.
     *
     * @throws IllegalArgumentException when the method belongs to another SceneMultiplayer or the
     *     entity has no path under the root path
     */
    public RpcWriter call(RpcMethod method, int entity, int target) {
        table.freeze();
        if (table.byId(method.id()) != method) {
            throw new IllegalArgumentException("RPC '" + method.name() + "' was declared on another SceneMultiplayer; declare it on this one");
        }
        int root = host.rootEntity();
        if (entity < 0 || root >= EntityPaths.NO_PARENT && !host.paths().isWithin(entity, root)) {
            throw new IllegalArgumentException("entity " + entity + " has no path under this SceneMultiplayer's root path; name it (and its"
                    + " parents) with EntityPaths.setName below the root entity");
        }
        return writer.begin(method, entity, target, host.maxArgumentBytes());
    }

    SendResult send(RpcMethod m, int entity, int target, Bytes<?> args) {
        int self = host.uniqueId();
        if (target == self) {
            if (!m.callLocal()) {
                throw new IllegalArgumentException("rpcId to this peer itself (" + self + ") needs callLocal(true) on '" + m.name() + "'");
            }
            callLocally(m, entity, self, args);
            return SendResult.SENT;
        }
        SendResult result = sendToPeers(m, entity, target, args);
        if (m.callLocal() && PeerIds.targets(target, self)) {
            callLocally(m, entity, self, args);
        }
        return sendCounters.record(result);
    }

    private SendResult sendToPeers(RpcMethod m, int entity, int target, Bytes<?> args) {
        if (host.isClosed()) {
            return SendResult.CLOSED;
        }
        if (host.rootEntity() < EntityPaths.NO_PARENT) {
            return SendResult.NO_ROOT;
        }
        // a spawn still pending this tick must reach every peer before a call that may name it
        host.flushSpawns(entity);
        int cacheId = host.cacheIdOf(entity);
        IntList peers = host.admittedPeers();
        boolean uniform = true;
        int reached = 0;
        for (int i = 0; i < peers.size(); i++) {
            int p = peers.getInt(i);
            if (PeerIds.targets(target, p)) {
                reached++;
                if (host.reach(entity, p) != SendResult.SENT || !host.isPathConfirmed(p, cacheId)) {
                    uniform = false;
                }
            }
        }
        if (reached == 0) {
            return target > 0 ? SendResult.UNKNOWN_PEER : SendResult.SENT;
        }
        if (!uniform) {
            return sendOneByOne(m, entity, target, args);
        }
        encodeById(m, cacheId, args);
        return host.sendPacket(target, m.transferMode(), m.channel(), packet);
    }

    private SendResult sendOneByOne(RpcMethod m, int entity, int target, Bytes<?> args) {
        SendResult result = SendResult.SENT;
        IntList peers = host.admittedPeers();
        for (int i = 0; i < peers.size(); i++) {
            int p = peers.getInt(i);
            if (!PeerIds.targets(target, p)) {
                continue;
            }
            SendResult reach = host.reach(entity, p);
            if (reach != SendResult.SENT) {
                result = reach; // never SENT for a call that skipped an addressed peer
                continue;
            }
            int id = host.pathCacheIdFor(p, entity);
            if (host.isPathConfirmed(p, id)) {
                encodeById(m, id, args);
            } else {
                encodeByPath(m, host.paths().pathBelow(entity, host.rootEntity()), args);
            }
            SendResult r = host.sendPacket(p, m.transferMode(), m.channel(), packet);
            if (r != SendResult.SENT) {
                result = r;
            }
        }
        return result;
    }

    private void encodeById(RpcMethod m, int cacheId, Bytes<?> args) {
        int width = cacheId <= 0xFF ? 0 : cacheId <= 0xFFFF ? 1 : 2;
        packet.clear();
        packet.writeUnsignedByte(Command.REMOTE_CALL | (width << 4) | (m.id() > 0xFF ? FLAG_WIDE_METHOD : 0));
        switch (width) {
            case 0 -> packet.writeUnsignedByte(cacheId);
            case 1 -> packet.writeUnsignedShort(cacheId);
            default -> packet.writeInt(cacheId);
        }
        writeMethodAndArgs(m, args);
    }

    private void encodeByPath(RpcMethod m, String path, Bytes<?> args) {
        packet.clear();
        packet.writeUnsignedByte(Command.REMOTE_CALL | (WIDTH_INLINE_PATH << 4) | (m.id() > 0xFF ? FLAG_WIDE_METHOD : 0));
        PathField.write(packet, path);
        writeMethodAndArgs(m, args);
    }

    private void writeMethodAndArgs(RpcMethod m, Bytes<?> args) {
        if (m.id() > 0xFF) {
            packet.writeUnsignedShort(m.id());
        } else {
            packet.writeUnsignedByte(m.id());
        }
        packet.write(args, args.readPosition(), args.readRemaining());
    }

    private void callLocally(RpcMethod m, int entity, int self, Bytes<?> args) {
        Frame frame = frame();
        frame.copy.clear();
        frame.copy.write(args, args.readPosition(), args.readRemaining());
        if (containsObjects(m.signature())) {
            // Local object arguments go through the codec as well, so handlers see the same values either way.
            Violation v = validator.validate(m.signature(), frame.copy, Integer.MAX_VALUE, true, frame.objects);
            if (v != null) {
                throw new IllegalStateException("an ObjectCodec could not read back what it wrote for '" + m.name() + "'");
            }
        }
        dispatch(m, entity, self, frame.copy, frame);
    }

    /**
     * Handles a received REMOTE_CALL from {@code senderId}; {@code in} is positioned after the
     * command byte and its readable bytes are exactly the packet's rest.
     *
     * @return null when the call ran, else why it was dropped (nothing else happened)
     */
    public Violation receive(int senderId, int commandByte, Bytes<?> in) {
        if ((commandByte & FLAGS_RESERVED) != 0) {
            return Violation.MALFORMED;
        }
        table.freeze();
        int width = (commandByte >> 4) & 3;
        int entity;
        if (width == WIDTH_INLINE_PATH) {
            if (!PathField.read(in, pathText)) {
                return Violation.MALFORMED;
            }
            int root = host.rootEntity();
            entity = root < EntityPaths.NO_PARENT ? -1 : host.paths().resolveFrom(root, pathText);
        } else {
            if (in.readRemaining() < (1L << width)) {
                return Violation.MALFORMED;
            }
            int id = width == 0 ? in.readUnsignedByte() : width == 1 ? in.readUnsignedShort() : in.readInt();
            entity = host.entityForCacheId(senderId, id);
        }
        if (entity < 0) {
            return Violation.UNKNOWN_PATH;
        }
        boolean wideMethod = (commandByte & FLAG_WIDE_METHOD) != 0;
        if (in.readRemaining() < (wideMethod ? 2 : 1)) {
            return Violation.MALFORMED;
        }
        RpcMethod m = table.byId(wideMethod ? in.readUnsignedShort() : in.readUnsignedByte());
        if (m == null) {
            return Violation.UNKNOWN_RPC;
        }
        if (m.mode() == RpcMode.AUTHORITY && host.authorities().authorityOf(entity) != senderId) {
            return Violation.NOT_AUTHORITY;
        }
        Frame frame = frame();
        Violation v = validator.validate(m.signature(), in, host.maxArgumentBytes(), host.allowObjectDecoding(), frame.objects);
        if (v != null) {
            frame.clearObjects(m.argCount());
            return v;
        }
        dispatch(m, entity, senderId, in, frame);
        return null;
    }

    private void dispatch(RpcMethod m, int entity, int senderId, Bytes<?> in, Frame frame) {
        int previousSender = remoteSenderId;
        frame.reader.reset(in, m.signature(), frame.objects);
        depth++;
        remoteSenderId = senderId;
        try {
            m.handler().onCall(entity, senderId, frame.reader);
        } finally {
            remoteSenderId = previousSender;
            depth--;
            frame.clearObjects(m.argCount());
        }
    }

    private Frame frame() {
        while (frames.size() <= depth) {
            frames.add(new Frame());
        }
        return frames.get(depth);
    }

    private static boolean containsObjects(ArgType[] signature) {
        for (ArgType t : signature) {
            if (t == ArgType.OBJECT) {
                return true;
            }
        }
        return false;
    }

    private static final class Frame {
        final Bytes<?> copy = Bytes.allocateElasticDirect(256);
        final RpcReader reader = new RpcReader();
        final Object[] objects = new Object[RpcConfig.MAX_ARGS];

        void clearObjects(int count) {
            java.util.Arrays.fill(objects, 0, count, null);
        }
    }
}
