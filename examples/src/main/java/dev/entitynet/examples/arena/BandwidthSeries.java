package dev.entitynet.examples.arena;

/**
 * Bytes each client received and sent in every second of a run, from cumulative counters sampled
 * once per second. Preallocated, so sampling allocates nothing.
 */
public final class BandwidthSeries {
    private final String[] names;
    private final long[][] inPerSecond;
    private final long[][] outPerSecond;
    private final long[] lastIn;
    private final long[] lastOut;
    private final int maxSeconds;
    private int seconds;

    /** Room for the clients called {@code names} (as the report shows them) over {@code maxSeconds} seconds. */
    public BandwidthSeries(String[] names, int maxSeconds) {
        int clients = names.length;
        this.names = names.clone();
        this.maxSeconds = maxSeconds;
        inPerSecond = new long[clients][maxSeconds];
        outPerSecond = new long[clients][maxSeconds];
        lastIn = new long[clients];
        lastOut = new long[clients];
    }

    /**
     * Records one client's cumulative totals at the end of the current second; call
     * {@link #endSecond()} after every client was sampled.
     */
    public void sample(int client, long totalBytesIn, long totalBytesOut) {
        if (seconds < maxSeconds) {
            inPerSecond[client][seconds] = totalBytesIn - lastIn[client];
            outPerSecond[client][seconds] = totalBytesOut - lastOut[client];
        }
        lastIn[client] = totalBytesIn;
        lastOut[client] = totalBytesOut;
    }

    /** Closes the current second. */
    public void endSecond() {
        if (seconds < maxSeconds) {
            seconds++;
        }
    }

    /** Seconds recorded. */
    public int seconds() {
        return seconds;
    }

    /** Clients tracked. */
    public int clients() {
        return inPerSecond.length;
    }

    /** How the report calls {@code client}. */
    public String name(int client) {
        return names[client];
    }

    /** Bytes {@code client} received during second {@code second}. */
    public long in(int client, int second) {
        return inPerSecond[client][second];
    }

    /** Bytes {@code client} sent during second {@code second}. */
    public long out(int client, int second) {
        return outPerSecond[client][second];
    }

    /** Mean bytes per second {@code client} received over the whole run. */
    public double meanIn(int client) {
        return mean(inPerSecond[client]);
    }

    /** Mean bytes per second {@code client} sent over the whole run. */
    public double meanOut(int client) {
        return mean(outPerSecond[client]);
    }

    private double mean(long[] perSecond) {
        if (seconds == 0) {
            return 0;
        }
        long sum = 0;
        for (int s = 0; s < seconds; s++) {
            sum += perSecond[s];
        }
        return (double) sum / seconds;
    }
}
