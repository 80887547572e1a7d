package dev.entitynet.replication.baseline;

/**
 * What a receiver keeps per sending peer: the snapshots it decoded (the last
 * {@link FrameRing#SIZE}, any of which the sender may code against once acknowledged), which
 * sequences arrived (for the next acknowledgement), and when each was first acknowledged (so the
 * first snapshot coded against it measures a round trip).
 */
final class IncomingStream {
    final int senderId;
    final FrameRing received = new FrameRing();
    /** The frame the next snapshot is decoded into; swapped into the ring when it decodes. */
    Frame spare = new Frame();
    /** Whether a snapshot arrived since the last acknowledgement. */
    boolean ackDue;
    private boolean any;
    /** Newest sequence received. */
    int newest;
    /** Bit i: sequence {@code newest - 1 - i} arrived. */
    int history;
    /** Sender tick of the newest snapshot received (full width). */
    long newestTick;
    /** Newest sequence whose values were applied to entities (older ones arriving late are not). */
    int applied = -1;
    private final long[] firstAckedAt = new long[FrameRing.SIZE];
    private final int[] firstAckedSeq = new int[FrameRing.SIZE];
    private int roundTripMeasured = -1;
    /** Snapshots in a row rejected as older than the frames kept. */
    private int tooOldInARow;

    IncomingStream(int senderId) {
        this.senderId = senderId;
        java.util.Arrays.fill(firstAckedSeq, -1);
    }

    /** Whether any snapshot arrived yet. */
    boolean started() {
        return any;
    }

    /** The full sequence {@code low16} stands for. */
    int sequenceOf(int low16) {
        return any ? AckWire.extendNear(low16, newest) : low16;
    }

    /** The full sender tick {@code low32} stands for. */
    long tickOf(int low32) {
        return any ? newestTick + (low32 - (int) newestTick) : low32 & 0xFFFFFFFFL;
    }

    /**
     * A snapshot older than every frame kept arrived. A run of them means this side's idea of the
     * newest sequence is wrong (a bogus packet claimed a far one): after a ring's worth in a row,
     * the stream starts over, and the sender, missing acknowledgements, soon sends full values.
     */
    void tooOld() {
        if (++tooOldInARow >= FrameRing.SIZE) {
            received.clear();
            any = false;
            applied = -1;
            tooOldInARow = 0;
        }
    }

    /** Records that {@code seq} (sender tick {@code tick}) decoded. */
    void arrived(int seq, long tick) {
        tooOldInARow = 0;
        if (!any) {
            any = true;
            newest = seq;
            history = 0;
            newestTick = tick;
        } else if (seq > newest) {
            int shift = seq - newest;
            if (shift < 32) {
                history = history << shift | 1 << (shift - 1);
            } else {
                history = shift == 32 ? 1 << 31 : 0;
            }
            newest = seq;
            newestTick = tick;
        } else if (seq < newest && newest - seq <= 32) {
            history |= 1 << (newest - seq - 1);
        }
        ackDue = true;
    }

    /** Notes that an acknowledgement went out at {@code now} (nanoseconds), the first for {@link #newest} if so. */
    void acknowledged(long now) {
        int slot = newest & (FrameRing.SIZE - 1);
        if (firstAckedSeq[slot] != newest) {
            firstAckedSeq[slot] = newest;
            firstAckedAt[slot] = now;
        }
        ackDue = false;
    }

    /**
     * A round trip measured by the first snapshot coded against {@code baselineSeq}: from our first
     * acknowledgement of it to {@code now}; -1 when already measured or unknown.
     */
    long roundTrip(int baselineSeq, long now) {
        int slot = baselineSeq & (FrameRing.SIZE - 1);
        if (baselineSeq <= roundTripMeasured || firstAckedSeq[slot] != baselineSeq) {
            return -1;
        }
        roundTripMeasured = baselineSeq;
        return now - firstAckedAt[slot];
    }
}
