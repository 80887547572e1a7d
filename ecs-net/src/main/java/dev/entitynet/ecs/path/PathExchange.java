package dev.entitynet.ecs.path;

import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.PathField;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Godot's path simplification on the wire: announces this side's cache ids with SIMPLIFY_PATH,
 * resolves the other side's announcements and answers with CONFIRM_PATH. The bookkeeping is
 * {@link PathCache}'s; paths are relative to the {@link RootEntity}.
 */
public final class PathExchange {
    /** Sends an encoded packet to a peer (the multiplayer's routing). */
    @FunctionalInterface
    public interface Sender {
        /** Sends {@code packet}'s readable bytes to {@code target}. */
        SendResult sendPacket(int target, TransferMode mode, int channel, Bytes<?> packet);
    }

    private final EntityPaths paths;
    private final PathCache cache;
    private final RootEntity root;
    private final Sender sender;
    private final Bytes<?> control = Bytes.allocateElasticDirect(64);
    private final StringBuilder pathText = new StringBuilder();

    /** An exchange for the entities below {@code root}, sending through {@code sender}. */
    public PathExchange(EntityPaths paths, PathCache cache, RootEntity root, Sender sender) {
        this.paths = paths;
        this.cache = cache;
        this.root = root;
        this.sender = sender;
    }

    /**
     * This side's cache id for {@code entity}, announcing its path to {@code peerId} the first time;
     * -1 when the entity has no path under the root.
     */
    public int cacheIdFor(int peerId, int entity) {
        int rootEntity = root.resolve();
        if (rootEntity < EntityPaths.NO_PARENT || entity < 0 || !paths.isWithin(entity, rootEntity)) {
            return -1;
        }
        int id = cache.idFor(entity, paths.serial(entity));
        if (cache.markAnnounced(peerId, id)) { // false when already announced or the peer is not tracked
            announce(peerId, id, paths.pathBelow(entity, rootEntity));
        }
        return id;
    }

    /** {@code [SIMPLIFY_PATH][u32 id][u16 length][UTF-8 path relative to the root]}; null when accepted. */
    public Violation onSimplifyPath(int peerId, Bytes<?> in) {
        if (in.readRemaining() < 6) {
            return Violation.MALFORMED;
        }
        int id = in.readInt();
        if (!PathField.read(in, pathText) || in.readRemaining() != 0) {
            return Violation.MALFORMED;
        }
        int rootEntity = root.resolve();
        int entity = rootEntity < EntityPaths.NO_PARENT ? -1 : paths.resolveFrom(rootEntity, pathText);
        boolean resolved = entity >= 0;
        if (resolved) {
            PathCache.RecordResult result = cache.record(peerId, id, entity, paths.serial(entity));
            if (result != PathCache.RecordResult.RECORDED) {
                return Violation.PATH_CACHE_ABUSE;
            }
        }
        control.clear();
        control.writeUnsignedByte(Command.CONFIRM_PATH);
        control.writeUnsignedByte(resolved ? 1 : 0);
        control.writeInt(id);
        sender.sendPacket(peerId, TransferMode.RELIABLE, 0, control);
        return null;
    }

    /** {@code [CONFIRM_PATH][u8 resolved][u32 id]}, exactly 6 bytes; null when accepted. */
    public Violation onConfirmPath(int peerId, Bytes<?> in) {
        if (in.readRemaining() != 5) {
            return Violation.MALFORMED;
        }
        int resolved = in.readUnsignedByte();
        int id = in.readInt();
        if (resolved > 1) {
            return Violation.MALFORMED;
        }
        if (!cache.isAnnounced(peerId, id)) {
            return Violation.UNKNOWN_PATH;
        }
        if (resolved == 1) {
            cache.confirm(peerId, id);
        }
        return null;
    }

    private void announce(int peerId, int id, String relativePath) {
        control.clear();
        control.writeUnsignedByte(Command.SIMPLIFY_PATH);
        control.writeInt(id);
        PathField.write(control, relativePath);
        sender.sendPacket(peerId, TransferMode.RELIABLE, 0, control);
    }
}
