package dev.entitynet.ecs.protocol;

import net.openhft.chronicle.bytes.Bytes;

/**
 * The first message both sides send when their transport connects:
 * {@code [SYS][HELLO][u32 magic][u16 version][u64 rpc fingerprint]}. Until each side has the other's
 * hello and they match, nothing but hello and auth is accepted.
 */
public final class Hello {
    private Hello() {
    }

    /** Writes a hello for {@code rpcFingerprint} into {@code out} (cleared first). */
    public static void write(Bytes<?> out, long rpcFingerprint) {
        out.clear();
        out.writeUnsignedByte(Command.SYS);
        out.writeUnsignedByte(SysCommand.HELLO);
        out.writeInt(ProtocolVersion.MAGIC);
        out.writeUnsignedShort(ProtocolVersion.CURRENT);
        out.writeLong(rpcFingerprint);
    }
}
