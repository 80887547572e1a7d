package dev.entitynet.jmh.transport;

import dev.entitynet.transport.ring.SpscRecordRing;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The ring between a game thread and the I/O thread under load from both sides at once: one
 * thread claims and publishes 64-byte records, another peeks and releases them. The figure that
 * matters is {@code transferred} (records through the ring per microsecond); calls that met a full
 * or empty ring are counted apart. Run it on an otherwise idle machine with two cores.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpscRecordRingBenchmark {
    private SpscRecordRing ring;

    @Setup(Level.Trial)
    public void create() {
        ring = new SpscRecordRing(1 << 16);
    }

    @TearDown(Level.Trial)
    public void close() {
        // drain so the producer's last claims do not matter, then free
        while (ring.peek() >= 0) {
            ring.release();
        }
        ring.close();
    }

    /** Per-thread counts JMH reports as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long transferred;
        public long full;
        public long empty;

        @Setup(Level.Iteration)
        public void reset() {
            transferred = 0;
            full = 0;
            empty = 0;
        }
    }

    @Benchmark
    @Group("ring")
    @GroupThreads(1)
    public void produce(Counts counts) {
        long at = ring.claim(1, 64);
        if (at < 0) {
            counts.full++;
            return;
        }
        ring.memory().writeLong(at, at);
        ring.publish();
    }

    @Benchmark
    @Group("ring")
    @GroupThreads(1)
    public long consume(Counts counts) {
        long at = ring.peek();
        if (at < 0) {
            counts.empty++;
            return -1;
        }
        long value = ring.memory().readLong(at);
        ring.release();
        counts.transferred++;
        return value;
    }
}
