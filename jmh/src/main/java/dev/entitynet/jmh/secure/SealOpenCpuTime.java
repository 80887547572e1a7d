package dev.entitynet.jmh.secure;

import dev.entitynet.transport.secure.DatagramResult;
import dev.entitynet.transport.secure.SecureDatagram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What {@link SecureDatagramBenchmark#sealAndOpen} measures, timed with the thread's CPU clock
 * instead of the wall clock: on a shared machine JMH's wall time also counts the time the thread
 * waited for a core, which swamps a 10% change. Runs batches of seals and opens per payload size
 * (the first half warm-up) and prints the fastest and the median batch, in CPU ns per seal + open.
 * <pre>
 * java -cp jmh/target/benchmarks.jar dev.entitynet.jmh.secure.SealOpenCpuTime [batches=30] [sizes=64,1200]
 * </pre>
 */
public final class SealOpenCpuTime {
    /** Payload bytes sealed and opened per batch, whatever the size: about 20 ms of work. */
    private static final int BYTES_PER_BATCH = 4_000_000;

    private SealOpenCpuTime() {
    }

    /** Prints one line per payload size. */
    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "64,1200").split(",")).mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) {
            double[] perOp = measure(size, batches);
            System.out.printf("seal + open of %d B: %.1f ns CPU (fastest of %d batches), %.1f ns (median)%n", size, perOp[0], batches,
                    perOp[batches / 2]);
        }
    }

    /** CPU nanoseconds per seal + open in each measured batch, sorted. */
    private static double[] measure(int size, int batches) {
        byte[] c2s = new byte[32];
        byte[] s2c = new byte[32];
        Arrays.fill(c2s, (byte) 1);
        Arrays.fill(s2c, (byte) 2);
        SecureDatagram client = new SecureDatagram(1);
        SecureDatagram server = new SecureDatagram(1);
        client.start(SecureDatagram.Side.CLIENT, c2s, 0, s2c, 0);
        server.start(SecureDatagram.Side.SERVER, c2s, 0, s2c, 0);
        byte[] payload = new byte[size];
        byte[] datagram = new byte[size + SecureDatagram.MAX_OVERHEAD_BYTES];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int operations = Math.max(1000, BYTES_PER_BATCH / (size + SecureDatagram.MAX_OVERHEAD_BYTES));
        double[] perOp = new double[batches];
        for (int batch = -batches; batch < batches; batch++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < operations; i++) {
                int length = client.seal(1, payload, 0, size, datagram, 0);
                if (server.open(datagram, 0, length) != DatagramResult.ACCEPTED) {
                    throw new IllegalStateException("datagram refused");
                }
            }
            long used = threads.getCurrentThreadCpuTime() - start;
            if (batch >= 0) {
                perOp[batch] = used / (double) operations;
            }
        }
        Arrays.sort(perOp);
        return perOp;
    }
}
