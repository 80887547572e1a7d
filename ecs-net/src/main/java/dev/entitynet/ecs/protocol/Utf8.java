package dev.entitynet.ecs.protocol;

import net.openhft.chronicle.bytes.Bytes;

/** Allocation-free UTF-8 for strings on the wire (Chronicle's helpers use stop-bit lengths we do not want). */
public final class Utf8 {
    private Utf8() {
    }

    /** Writes {@code text} as UTF-8 at the write position; returns the byte count. Lone surrogates become '?'. */
    public static int write(CharSequence text, Bytes<?> out) {
        long start = out.writePosition();
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.writeUnsignedByte(c);
            } else if (c < 0x800) {
                out.writeUnsignedByte(0xC0 | (c >> 6));
                out.writeUnsignedByte(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.writeUnsignedByte(0xF0 | (cp >> 18));
                out.writeUnsignedByte(0x80 | ((cp >> 12) & 0x3F));
                out.writeUnsignedByte(0x80 | ((cp >> 6) & 0x3F));
                out.writeUnsignedByte(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.writeUnsignedByte('?');
            } else {
                out.writeUnsignedByte(0xE0 | (c >> 12));
                out.writeUnsignedByte(0x80 | ((c >> 6) & 0x3F));
                out.writeUnsignedByte(0x80 | (c & 0x3F));
            }
        }
        return (int) (out.writePosition() - start);
    }

    /** Whether {@code length} bytes at absolute {@code offset} are well-formed UTF-8 (no overlongs, no surrogates). */
    public static boolean isValid(Bytes<?> in, long offset, int length) {
        long end = offset + length;
        long p = offset;
        while (p < end) {
            int b = in.readUnsignedByte(p++);
            if (b < 0x80) {
                continue;
            }
            int extra;
            int min;
            if ((b & 0xE0) == 0xC0) {
                extra = 1;
                min = 0x80;
                b &= 0x1F;
            } else if ((b & 0xF0) == 0xE0) {
                extra = 2;
                min = 0x800;
                b &= 0x0F;
            } else if ((b & 0xF8) == 0xF0) {
                extra = 3;
                min = 0x10000;
                b &= 0x07;
            } else {
                return false;
            }
            if (p + extra > end) {
                return false;
            }
            int cp = b;
            for (int k = 0; k < extra; k++) {
                int c = in.readUnsignedByte(p++);
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code length} bytes of valid UTF-8 at absolute {@code offset} to {@code out}. */
    public static void read(Bytes<?> in, long offset, int length, StringBuilder out) {
        long end = offset + length;
        long p = offset;
        while (p < end) {
            int b = in.readUnsignedByte(p++);
            if (b < 0x80) {
                out.append((char) b);
            } else if ((b & 0xE0) == 0xC0) {
                out.append((char) (((b & 0x1F) << 6) | (in.readUnsignedByte(p++) & 0x3F)));
            } else if ((b & 0xF0) == 0xE0) {
                int c1 = in.readUnsignedByte(p++) & 0x3F;
                int c2 = in.readUnsignedByte(p++) & 0x3F;
                out.append((char) (((b & 0x0F) << 12) | (c1 << 6) | c2));
            } else {
                int c1 = in.readUnsignedByte(p++) & 0x3F;
                int c2 = in.readUnsignedByte(p++) & 0x3F;
                int c3 = in.readUnsignedByte(p++) & 0x3F;
                out.appendCodePoint(((b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
            }
        }
    }
}
