package dev.entitynet.replication.baseline;

/**
 * The last {@link #SIZE} frames of one stream, indexed by sequence number: a baseline is named on
 * the wire by its distance back from the snapshot that uses it, in 5 bits, so both sides keep
 * exactly the frames that can be named.
 */
final class FrameRing {
    /** Frames kept, and one more than the farthest distance a snapshot may reach back. */
    static final int SIZE = 32;
    private final Frame[] frames = new Frame[SIZE];

    FrameRing() {
        for (int i = 0; i < SIZE; i++) {
            frames[i] = new Frame();
        }
    }

    /** The slot {@code seq} goes to (it replaces {@code seq - SIZE}). */
    Frame slot(int seq) {
        return frames[seq & (SIZE - 1)];
    }

    /** The frame of {@code seq}, or null when it was never held or has been replaced. */
    Frame find(int seq) {
        Frame f = frames[seq & (SIZE - 1)];
        return f.seq == seq && seq >= 0 ? f : null;
    }

    /** Puts {@code frame} (holding its sequence) in its slot; returns the frame it replaces, for reuse. */
    Frame install(Frame frame) {
        int i = frame.seq & (SIZE - 1);
        Frame old = frames[i];
        frames[i] = frame;
        return old;
    }

    /** Forgets every frame. */
    void clear() {
        for (Frame f : frames) {
            f.invalidate();
        }
    }
}
