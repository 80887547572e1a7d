package dev.entitynet.transport.link;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One direction of a simulated link: datagrams go in with the current time and come out when
 * they are due, after the {@link LinkProfile}'s latency, jitter, loss, duplication, reordering and
 * bandwidth cap were applied with a seeded random source. Time is always passed in, so the same
 * seed and the same calls give the same result.
 *
 * <p>Two kinds of traffic: {@link #sendUnreliable} suffers everything the profile allows;
 * {@link #sendReliable} is never lost or duplicated (a loss costs a retransmission delay instead)
 * and arrives in order per ordering stream, which models a reliable transport for tests of the
 * layers above. Not thread-safe.
 */
public final class DelayLine {
    /** The ordering stream for connection control, ordered after every stream sent before it. */
    public static final int SYSTEM_STREAM = 256;
    private static final int STREAMS = 257;
    private static final int MAX_RETRANSMISSIONS = 64;
    private static final long MIN_RETRANSMIT_NANOS = 1_000_000L;

    private final DatagramPool pool;
    private final SplittableRandom random;
    private LinkProfile profile;

    private Datagram[] heap = new Datagram[64];
    private int heapSize;
    private long nextOrder;
    private long busyUntil;
    private final long[] lastReliableAt = new long[STREAMS];
    private long lastAnyReliableAt;

    private long lost;
    private long duplicated;
    private long reordered;
    private long droppedByQueue;

    /** A line that draws its datagram copies from {@code pool} and its randomness from {@code seed}. */
    public DelayLine(LinkProfile profile, long seed, DatagramPool pool) {
        this.profile = profile;
        this.pool = pool;
        this.random = new SplittableRandom(seed);
    }

    /** Changes what the link does to datagrams sent from now on. */
    public void profile(LinkProfile newProfile) {
        this.profile = newProfile;
    }

    /** The current profile. */
    public LinkProfile profile() {
        return profile;
    }

    /**
     * Sends {@code d}, which the line now owns: it may be lost (returned to the pool), duplicated,
     * delayed or overtaken.
     *
     * @return how many copies will arrive: 0, 1 or 2
     */
    public int sendUnreliable(Datagram d, long now) {
        long departure = depart(d, now);
        if (departure < 0 || random.nextDouble() < profile.lossRate()) {
            if (departure >= 0) {
                lost++;
            }
            pool.release(d);
            return 0;
        }
        int copies = 1;
        if (random.nextDouble() < profile.duplicateRate()) {
            Datagram copy = pool.acquire();
            copy.copyFrom(d);
            schedule(copy, departure + flightTime());
            duplicated++;
            copies = 2;
        }
        schedule(d, departure + flightTime());
        return copies;
    }

    /**
     * Sends {@code d}, which the line now owns, so that it arrives exactly once and after everything
     * sent earlier on {@code stream} (0-255, or {@link #SYSTEM_STREAM}, which is ordered after all
     * streams and before anything sent after it).
     */
    public void sendReliable(Datagram d, long now, int stream) {
        if (stream < 0 || stream >= STREAMS) {
            throw new IllegalArgumentException("ordering stream " + stream + " is not 0-255 or SYSTEM_STREAM");
        }
        long departure = Math.max(now, busyUntil);
        busyUntil = departure + serializationNanos(d.length());
        long at = busyUntil + flightTime();
        for (int i = 0; i < MAX_RETRANSMISSIONS && random.nextDouble() < profile.lossRate(); i++) {
            at += retransmitNanos();
        }
        if (stream == SYSTEM_STREAM) {
            at = Math.max(at, lastAnyReliableAt);
        } else {
            at = Math.max(at, Math.max(lastReliableAt[stream], lastReliableAt[SYSTEM_STREAM]));
        }
        lastReliableAt[stream] = at;
        lastAnyReliableAt = Math.max(lastAnyReliableAt, at);
        schedule(d, at);
    }

    /** The earliest datagram due at {@code now}, now owned by the caller, or null. */
    public Datagram pollDue(long now) {
        if (heapSize == 0 || heap[0].deliverAt > now) {
            return null;
        }
        Datagram top = heap[0];
        heap[0] = heap[--heapSize];
        heap[heapSize] = null;
        if (heapSize > 0) {
            siftDown(0);
        }
        return top;
    }

    /** When the next datagram is due, or {@link Long#MAX_VALUE} when none is in flight. */
    public long nextDeliveryTime() {
        return heapSize == 0 ? Long.MAX_VALUE : heap[0].deliverAt;
    }

    /** Datagrams in flight. */
    public int inFlight() {
        return heapSize;
    }

    /** Discards everything in flight (a forced disconnect), returning it to the pool. */
    public void clear() {
        for (int i = 0; i < heapSize; i++) {
            pool.release(heap[i]);
            heap[i] = null;
        }
        heapSize = 0;
    }

    /** Unreliable datagrams lost to {@link LinkProfile#lossRate()}. */
    public long lost() {
        return lost;
    }

    /** Unreliable datagrams delivered twice. */
    public long duplicated() {
        return duplicated;
    }

    /** Unreliable datagrams held back so later ones overtook them. */
    public long reordered() {
        return reordered;
    }

    /** Unreliable datagrams dropped because the bandwidth cap's queue was full. */
    public long droppedByQueue() {
        return droppedByQueue;
    }

    /** Departure time after the bandwidth cap, or -1 when the router queue drops the datagram. */
    private long depart(Datagram d, long now) {
        long departure = Math.max(now, busyUntil);
        if (profile.bandwidthBytesPerSecond() > 0 && departure - now > profile.maxQueueNanos()) {
            droppedByQueue++;
            return -1;
        }
        busyUntil = departure + serializationNanos(d.length());
        return busyUntil;
    }

    private long serializationNanos(int length) {
        long bandwidth = profile.bandwidthBytesPerSecond();
        return bandwidth == 0 ? 0 : length * 1_000_000_000L / bandwidth;
    }

    private long flightTime() {
        long t = profile.latencyNanos();
        if (profile.jitterNanos() > 0) {
            t += random.nextLong(profile.jitterNanos() + 1);
        }
        if (profile.reorderRate() > 0 && random.nextDouble() < profile.reorderRate()) {
            reordered++;
            t += 1 + random.nextLong(Math.max(profile.latencyNanos(), MIN_RETRANSMIT_NANOS));
        }
        return t;
    }

    private long retransmitNanos() {
        return Math.max(2 * (profile.latencyNanos() + profile.jitterNanos()), MIN_RETRANSMIT_NANOS);
    }

    private void schedule(Datagram d, long at) {
        d.deliverAt = at;
        d.order = nextOrder++;
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        heap[heapSize] = d;
        siftUp(heapSize++);
    }

    private static boolean before(Datagram a, Datagram b) {
        return a.deliverAt < b.deliverAt || (a.deliverAt == b.deliverAt && a.order < b.order);
    }

    private void siftUp(int i) {
        Datagram d = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(d, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = d;
    }

    private void siftDown(int i) {
        Datagram d = heap[i];
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < heapSize && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], d)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = d;
    }
}
