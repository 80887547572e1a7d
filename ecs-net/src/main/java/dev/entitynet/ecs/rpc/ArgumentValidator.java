package dev.entitynet.ecs.rpc;

import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.protocol.Utf8;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Checks the argument block of a received call against its signature before any handler runs:
 * every length inside the packet, strings valid UTF-8, bools 0 or 1, nothing left over, total size
 * within the limit. Object arguments are decoded here (so a codec that rejects its bytes drops the
 * call before the handler sees it), and only when object decoding is allowed.
 */
final class ArgumentValidator {
    private final ObjectCodecs codecs;

    ArgumentValidator(ObjectCodecs codecs) {
        this.codecs = codecs;
    }

    /**
     * @param in the call, its readable bytes exactly the arguments; positions are left unchanged
     * @param objects receives decoded object arguments at their argument index
     * @return null when the arguments are acceptable, else why not
     */
    Violation validate(ArgType[] signature, Bytes<?> in, int maxArgumentBytes, boolean allowObjects, Object[] objects) {
        long start = in.readPosition();
        long end = in.readLimit();
        if (end - start > maxArgumentBytes) {
            return Violation.OVERSIZE;
        }
        long p = start;
        for (int i = 0; i < signature.length; i++) {
            ArgType type = signature[i];
            int fixed = type.fixedSize();
            if (fixed > 0) {
                if (end - p < fixed) {
                    return Violation.BAD_ARGUMENTS;
                }
                if (type == ArgType.BOOL && in.readUnsignedByte(p) > 1) {
                    return Violation.BAD_ARGUMENTS;
                }
                p += fixed;
                continue;
            }
            if (type == ArgType.OBJECT) {
                if (end - p < 6) {
                    return Violation.BAD_ARGUMENTS;
                }
                int codecId = in.readUnsignedShort(p);
                int length = in.readInt(p + 2);
                p += 6;
                if (length < 0 || length > end - p) {
                    return Violation.BAD_ARGUMENTS;
                }
                ObjectCodecs.Entry<?> entry = codecs.byId(codecId);
                if (!allowObjects || entry == null) {
                    return Violation.OBJECT_DECODING_REFUSED;
                }
                Object decoded = decode(entry, in, p, length);
                if (decoded == null) {
                    return Violation.BAD_ARGUMENTS;
                }
                objects[i] = decoded;
                p += length;
                continue;
            }
            if (end - p < 4) {
                return Violation.BAD_ARGUMENTS;
            }
            int length = in.readInt(p);
            p += 4;
            if (length < 0 || length > end - p) {
                return Violation.BAD_ARGUMENTS;
            }
            if (type == ArgType.STRING && !Utf8.isValid(in, p, length)) {
                return Violation.BAD_ARGUMENTS;
            }
            p += length;
        }
        return p == end ? null : Violation.BAD_ARGUMENTS;
    }

    private static Object decode(ObjectCodecs.Entry<?> entry, Bytes<?> in, long offset, int length) {
        long position = in.readPosition();
        long limit = in.readLimit();
        try {
            in.readLimit(offset + length);
            in.readPosition(offset);
            Object value = entry.codec().read(in);
            return in.readRemaining() == 0 && entry.type().isInstance(value) ? value : null;
        } catch (RuntimeException hostileBytes) {
            return null;
        } finally {
            in.readLimit(limit);
            in.readPosition(position);
        }
    }
}
