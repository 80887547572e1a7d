package dev.entitynet.ecs.protocol;

/** The version of the layouts in docs/protocol.md, exchanged in {@link SysCommand#HELLO}. */
public final class ProtocolVersion {
    /** "ENTN" little-endian: tells an entitynet hello from anything else. */
    public static final int MAGIC = 0x4E544E45;
    /** Bump on any change to a layout in docs/protocol.md. */
    public static final int CURRENT = 1;
    /** {@code [SYS][HELLO][u32 magic][u16 version][u64 rpc table fingerprint]}. */
    public static final int HELLO_SIZE = 16;

    private ProtocolVersion() {
    }
}
