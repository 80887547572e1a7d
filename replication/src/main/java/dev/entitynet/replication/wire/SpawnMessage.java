package dev.entitynet.replication.wire;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.Utf8;
import dev.entitynet.replication.packet.NativeCopy;
import dev.entitynet.replication.packet.VarInt;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.UnsafeMemory;

/**
 * SPAWN (command 4, RELIABLE, channel 0), encoded and decoded in this one place:
 *
 * <pre>
 * u8      0x04
 * varint  spawner path-cache id (sender side)
 * varint  net id                 1 .. {@link #MAX_NET_ID}
 * varint  prefab                 index in the spawner's spawnable list + 1; 0 = custom spawn
 * u8      name length            1 .. {@link #MAX_NAME_BYTES}
 * bytes   name (UTF-8)
 * if custom: varint data length, bytes spawn data
 * varint  state length           equal to the bytes that follow, exactly
 * bytes   state
 * </pre>
 *
 * A flyweight for receiving: {@link #wrap} checks that every field fits the packet exactly and
 * then the accessors describe it in place, without copying (name, data and state are offsets into
 * the packet). What the fields mean (known spawner, prefab, unique name) is the receiver's to check.
 */
public final class SpawnMessage {
    /** Longest entity name in a spawn, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;
    /** Largest net id (ids are shifted left once in records). */
    public static final int MAX_NET_ID = (1 << 30) - 1;
    private static final UnsafeMemory MEMORY = UnsafeMemory.MEMORY;

    private Bytes<?> packet;
    private int spawnerCacheId;
    private int netId;
    private int prefabIndex;
    private long nameAt;
    private int nameLength;
    private long dataAt;
    private int dataLength;
    private long stateAt;
    private int stateLength;

    /**
     * Writes a SPAWN into {@code out} (cleared first).
     *
     * @param prefabIndex index in the spawner's spawnable list, or -1 for a custom spawn
     * @param name at most {@link #MAX_NAME_BYTES} UTF-8 bytes (checked when the spawn was made)
     * @param customData the encoded spawn data of a custom spawn, else null
     * @param state the entity's spawn state: its readable bytes are copied
     */
    public static void encode(Bytes<?> out, int spawnerCacheId, int netId, int prefabIndex, String name, byte[] customData, Bytes<?> state) {
        int dataLength = prefabIndex < 0 ? customData.length : 0;
        int stateLength = (int) state.readRemaining();
        out.clear();
        // raw stores after one capacity check: a spawn is sent per peer and change
        int longest = 1 + 3 * 5 + 1 + MAX_NAME_BYTES + 5 + dataLength + 5 + stateLength;
        if (out.realCapacity() < longest) {
            out.ensureCapacity(longest);
        }
        long address = out.addressForWrite(0);
        MEMORY.writeByte(address, (byte) Command.SPAWN);
        long at = 1;
        at += VarInt.put(address + at, spawnerCacheId);
        at += VarInt.put(address + at, netId);
        at += VarInt.put(address + at, prefabIndex + 1);
        int n = Utf8.encode(name, out, at + 1, MAX_NAME_BYTES);
        MEMORY.writeByte(address + at, (byte) n);
        at += 1 + n;
        if (prefabIndex < 0) {
            at += VarInt.put(address + at, dataLength);
            MEMORY.copyMemory(customData, 0, address + at, dataLength);
            at += dataLength;
        }
        at += VarInt.put(address + at, stateLength);
        if (stateLength > 0) {
            NativeCopy.copySmall(state.addressForRead(state.readPosition()), address + at, stateLength);
        }
        out.writePosition(at + stateLength);
    }

    /**
     * Checks the layout of the SPAWN in {@code in} (read position after the command byte) and, when
     * it holds, makes this flyweight describe it until the next call.
     *
     * @return false when any field is truncated, out of range, or the state does not end the packet exactly
     */
    public boolean wrap(Bytes<?> in) {
        long at = in.readPosition();
        long limit = in.readLimit();
        long r = VarInt.read(in, at, limit);
        if (r < 0) {
            return false;
        }
        int cacheId = VarInt.value(r);
        at += VarInt.length(r);
        r = VarInt.read(in, at, limit);
        if (r < 0 || VarInt.value(r) == 0 || VarInt.value(r) > MAX_NET_ID) {
            return false;
        }
        int id = VarInt.value(r);
        at += VarInt.length(r);
        r = VarInt.read(in, at, limit);
        if (r < 0 || at + VarInt.length(r) >= limit) {
            return false;
        }
        int prefab = VarInt.value(r) - 1;
        at += VarInt.length(r);
        int nameBytes = in.readUnsignedByte(at++);
        if (nameBytes == 0 || nameBytes > MAX_NAME_BYTES || limit - at < nameBytes) {
            return false;
        }
        long name = at;
        at += nameBytes;
        long data = -1;
        int dataBytes = 0;
        if (prefab < 0) {
            r = VarInt.read(in, at, limit);
            if (r < 0 || limit - at - VarInt.length(r) < VarInt.value(r)) {
                return false;
            }
            dataBytes = VarInt.value(r);
            data = at + VarInt.length(r);
            at = data + dataBytes;
        }
        r = VarInt.read(in, at, limit);
        if (r < 0 || limit - at - VarInt.length(r) != VarInt.value(r)) {
            return false;
        }
        this.packet = in;
        this.spawnerCacheId = cacheId;
        this.netId = id;
        this.prefabIndex = prefab;
        this.nameAt = name;
        this.nameLength = nameBytes;
        this.dataAt = data;
        this.dataLength = dataBytes;
        this.stateLength = VarInt.value(r);
        this.stateAt = at + VarInt.length(r);
        return true;
    }

    /** The packet last wrapped. */
    public Bytes<?> packet() {
        return packet;
    }

    /** The sender's path-cache id of the spawner. */
    public int spawnerCacheId() {
        return spawnerCacheId;
    }

    /** The net id, in the sender's namespace. */
    public int netId() {
        return netId;
    }

    /** Index in the spawner's spawnable list, or -1 for a custom spawn. */
    public int prefabIndex() {
        return prefabIndex;
    }

    /** Offset of the UTF-8 name in {@link #packet()}. */
    public long nameAt() {
        return nameAt;
    }

    /** Bytes of the name. */
    public int nameLength() {
        return nameLength;
    }

    /** Offset of the custom spawn data, or -1 for a prefab spawn. */
    public long dataAt() {
        return dataAt;
    }

    /** Bytes of the custom spawn data. */
    public int dataLength() {
        return dataLength;
    }

    /** Offset of the spawn state. */
    public long stateAt() {
        return stateAt;
    }

    /** Bytes of the spawn state. */
    public int stateLength() {
        return stateLength;
    }
}
