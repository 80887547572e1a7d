package dev.entitynet.transport.secure;

import java.nio.charset.StandardCharsets;

/** Test vectors as the RFC prints them: hex digits with spaces, colons and line breaks. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        String digits = hex.replaceAll("[\\s:]", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** 00 01 02 ... for {@code length} bytes starting at {@code first}. */
    static byte[] counting(int first, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }
}
