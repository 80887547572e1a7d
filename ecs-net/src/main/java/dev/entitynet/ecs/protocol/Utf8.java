package dev.entitynet.ecs.protocol;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/** Allocation-free UTF-8 for strings on the wire (Chronicle's helpers use stop-bit lengths we do not want). */
public final class Utf8 {
    private Utf8() {
    }

    /** Writes {@code text} as UTF-8 at the write position; returns the byte count. Lone surrogates become '?'. */
    public static int write(CharSequence text, Bytes<?> out) {
        long at = out.writePosition();
        out.ensureCapacity(at + 3L * text.length()); // a UTF-16 char takes at most 3 bytes (a pair 4)
        int length = encode(text, out, at, Integer.MAX_VALUE);
        out.writeSkip(length);
        return length;
    }

    /**
     * Encodes {@code s} at absolute {@code offset}; lone surrogates become '?'.
     *
     * @return the number of bytes written, or -1 when they would exceed {@code maxBytes}
     */
    public static int encode(CharSequence s, BytesStore<?, ?> out, long offset, int maxBytes) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            int cp = codePointAt(s, i);
            if (cp > 0xFFFF) {
                i++;
            }
            int need = encodedLength(cp);
            if (n + need > maxBytes) {
                return -1;
            }
            long at = offset + n;
            switch (need) {
                case 1 -> out.writeByte(at, (byte) cp);
                case 2 -> {
                    out.writeByte(at, (byte) (0xC0 | cp >>> 6));
                    out.writeByte(at + 1, (byte) (0x80 | cp & 0x3F));
                }
                case 3 -> {
                    out.writeByte(at, (byte) (0xE0 | cp >>> 12));
                    out.writeByte(at + 1, (byte) (0x80 | cp >>> 6 & 0x3F));
                    out.writeByte(at + 2, (byte) (0x80 | cp & 0x3F));
                }
                default -> {
                    out.writeByte(at, (byte) (0xF0 | cp >>> 18));
                    out.writeByte(at + 1, (byte) (0x80 | cp >>> 12 & 0x3F));
                    out.writeByte(at + 2, (byte) (0x80 | cp >>> 6 & 0x3F));
                    out.writeByte(at + 3, (byte) (0x80 | cp & 0x3F));
                }
            }
            n += need;
        }
        return n;
    }

    /** The number of bytes {@link #encode} writes for {@code s}, without writing them. */
    public static int encodedLength(CharSequence s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            int cp = codePointAt(s, i);
            if (cp > 0xFFFF) {
                i++;
            }
            n += encodedLength(cp);
        }
        return n;
    }

    /** The code point at {@code i}: a surrogate pair joined, a lone surrogate as '?'. */
    private static int codePointAt(CharSequence s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(ch, s.charAt(i + 1));
        }
        return Character.isSurrogate(ch) ? '?' : ch;
    }

    private static int encodedLength(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
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
