package dev.entitynet.ecs.protocol;

import net.openhft.chronicle.bytes.Bytes;

/** The {@code [u16 length][UTF-8 path]} field of SIMPLIFY_PATH and of REMOTE_CALL addressed by path. */
public final class PathField {
    private PathField() {
    }

    /**
     * Appends {@code path} as the field to {@code out}.
     *
     * @throws IllegalArgumentException when the path's UTF-8 exceeds {@link Command#MAX_PATH_BYTES}
     */
    public static void write(Bytes<?> out, String path) {
        long lengthAt = out.writePosition();
        out.writeUnsignedShort(0);
        int length = Utf8.write(path, out);
        if (length > Command.MAX_PATH_BYTES) {
            throw new IllegalArgumentException("entity path '" + path + "' is " + length + " bytes; paths are limited to "
                    + Command.MAX_PATH_BYTES + " bytes, use shorter names");
        }
        out.writeUnsignedShort(lengthAt, length);
    }

    /**
     * Reads the field at {@code in}'s read position into {@code out} (replacing its contents) and
     * moves past it; false, with {@code out} and the position undefined, when the field is
     * malformed: truncated, longer than {@link Command#MAX_PATH_BYTES} or not valid UTF-8.
     */
    public static boolean read(Bytes<?> in, StringBuilder out) {
        if (in.readRemaining() < 2) {
            return false;
        }
        int length = in.readUnsignedShort();
        if (length > in.readRemaining() || length > Command.MAX_PATH_BYTES || !Utf8.isValid(in, in.readPosition(), length)) {
            return false;
        }
        out.setLength(0);
        Utf8.read(in, in.readPosition(), length, out);
        in.readSkip(length);
        return true;
    }
}
