package dev.entitynet.replication.codec;

import net.openhft.chronicle.bytes.BytesStore;

/** UTF-8 encoding of a CharSequence straight into off-heap memory (no intermediate arrays). */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Encodes {@code s} at {@code offset}; unpaired surrogates become '?'.
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

    /** The code point at {@code i}: a surrogate pair joined, an unpaired surrogate as '?'. */
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
}
