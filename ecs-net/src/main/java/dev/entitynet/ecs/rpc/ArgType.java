package dev.entitynet.ecs.rpc;

/**
 * The type of one RPC argument. Signatures are declared once per RPC, so arguments travel without
 * per-value type tags (unlike Godot's Variant encoding) and a receiver checks a whole call against
 * the signature before the handler runs. Wire sizes are in docs/protocol.md.
 */
public enum ArgType {
    /** u8 0 or 1. */
    BOOL(1),
    /** i8. */
    BYTE(1),
    /** i16. */
    SHORT(2),
    /** i32. */
    INT(4),
    /** i64. */
    LONG(8),
    /** f32. */
    FLOAT(4),
    /** f64. */
    DOUBLE(8),
    /** u32 byte length, then UTF-8. */
    STRING(-1),
    /** u32 length, then raw bytes. */
    BYTES(-1),
    /** u16 codec id, u32 length, then the codec's bytes; decoded only with allow_object_decoding. */
    OBJECT(-1);

    private final int fixedSize;

    ArgType(int fixedSize) {
        this.fixedSize = fixedSize;
    }

    /** Wire size in bytes, or -1 for length-prefixed types. */
    public int fixedSize() {
        return fixedSize;
    }
}
