package dev.entitynet.transport.enet.protocol;

/** Big-endian (network order) field access on heap byte arrays, where the engine assembles datagrams. */
public final class Wire {
    private Wire() {
    }

    public static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    public static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    /** A 32-bit field as an int (the caller decides whether it is signed). */
    public static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** A 32-bit field as an unsigned value. */
    public static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }

    public static void put8(byte[] b, int at, int value) {
        b[at] = (byte) value;
    }

    public static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }

    public static void put32(byte[] b, int at, long value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
