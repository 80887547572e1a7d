package dev.entitynet.replication.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.Component;
import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.replication.quantize.Blend;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.warmup.JitPrimer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InterpolationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final double TICK_SECONDS = 1 / 30.0;
    private static final long TICK_NANOS = Math.round(TICK_SECONDS * 1e9);

    /** Test render component: where an entity is drawn. */
    public static final class Drawn extends Component {
        public float x;
        public float y;
        public float z;
    }

    /** Test render component: how an entity is turned, as a quaternion. */
    public static final class Turned extends Component {
        public final float[] q = new float[4];
    }

    private final ManualClock time = new ManualClock(5_000_000_000L);
    private final Interpolation interpolation = new Interpolation(time, TICK_SECONDS);
    private final int position = interpolation.target(Blend.LINEAR, 3, Drawn.class, (c, v, o) -> {
        c.x = v[o];
        c.y = v[o + 1];
        c.z = v[o + 2];
    });
    private final int rotation = interpolation.target(Blend.ROTATION, 4, Turned.class, (c, v, o) -> System.arraycopy(v, o, c.q, 0, 4));
    private final World world = new World(new WorldConfigurationBuilder().with(interpolation).build());
    private final ComponentMapper<Drawn> drawn = world.getMapper(Drawn.class);
    private final ComponentMapper<Turned> turned = world.getMapper(Turned.class);

    private void tick() {
        time.advance(TICK_NANOS, TimeUnit.NANOSECONDS);
    }

    @Test
    void writesTheValueAtTheRenderTickIntoTheRenderComponent() {
        interpolation.delayTicks(0.5);
        int e = world.create();
        interpolation.received(e, position, 100, new float[] {0, 0, 0}, 0, false);
        tick();
        interpolation.received(e, position, 101, new float[] {3, 6, 9}, 0, false);
        world.process();
        assertEquals(100.5, interpolation.renderTick(), 1e-6);
        Drawn d = drawn.get(e);
        assertNotNull(d, "the render component is created by the first sample");
        assertEquals(1.5f, d.x, 1e-5f);
        assertEquals(3f, d.y, 1e-5f);
        assertEquals(4.5f, d.z, 1e-5f);
        assertFalse(turned.has(e), "only the targets an entity receives are created");
    }

    @Test
    void nothingIsWrittenBeforeTheFirstSnapshot() {
        int e = world.create();
        world.process();
        assertFalse(interpolation.clock().synced());
        assertEquals(0, interpolation.renderTick());
        assertFalse(drawn.has(e));
    }

    @Test
    void removedEntityKeepsItsLastValueAndItsBufferIsReused() {
        interpolation.delayTicks(0).maxExtrapolationTicks(0);
        int a = world.create();
        int b = world.create();
        interpolation.received(a, position, 100, new float[] {1, 1, 1}, 0, false);
        interpolation.received(b, position, 100, new float[] {2, 2, 2}, 0, false);
        world.process();
        interpolation.removed(a);
        tick();
        interpolation.received(b, position, 101, new float[] {3, 3, 3}, 0, false);
        world.process();
        assertEquals(1f, drawn.get(a).x, "no longer written");
        assertEquals(3f, drawn.get(b).x);
        interpolation.received(a, position, 101, new float[] {7, 7, 7}, 0, false);
        world.process();
        assertEquals(7f, drawn.get(a).x, "a fresh buffer: the old samples are gone");
    }

    @Test
    void deletedEntityLosesItsBuffers() {
        interpolation.delayTicks(0);
        int a = world.create();
        interpolation.received(a, position, 100, new float[] {1, 1, 1}, 0, false);
        world.process();
        world.delete(a);
        world.process();
        int again = world.create();
        world.process();
        assertEquals(a, again, "artemis recycled the id");
        assertFalse(drawn.has(again), "no render component created for the recycled entity");
        drawn.create(again).x = 42;
        world.process();
        assertEquals(42f, drawn.get(again).x, "nothing written into the recycled entity");
    }

    @Test
    void badTargetsAndSettingsSayWhatToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> interpolation.target(Blend.ROTATION, 3, Turned.class, (c, v, o) -> { }));
        assertTrue(e.getMessage().contains("4 dimensions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> interpolation.delayTicks(-1));
        assertThrows(IllegalArgumentException.class, () -> interpolation.snapDistance(Float.NaN));
    }

    @Test
    void steadyStateAllocatesNothing() {
        // A C2 compile landing in the measured ticks would otherwise allocate (see JitPrimer).
        JitPrimer.primeCodeSourcesOf(InterpolationTest.class, Interpolation.class, Clock.class, World.class, IntArrayList.class);
        int n = 1_000;
        int[] entities = new int[n];
        for (int i = 0; i < n; i++) {
            entities[i] = world.create();
        }
        float[] values = new float[4];
        long before = 0;
        for (long tick = 1; tick <= 600; tick++) {
            if (tick == 301) {
                before = THREADS.getCurrentThreadAllocatedBytes();
            }
            tick();
            interpolation.clock().roundTrip(3 * TICK_NANOS + tick % 7 * 1_000_000);
            for (int i = 0; i < n; i++) {
                int e = entities[i];
                if ((i + tick) % 50 == 0) {
                    interpolation.removed(e); // churn: buffers go back to the pool, come back next tick
                    continue;
                }
                values[0] = i + tick;
                values[1] = -tick;
                values[2] = i;
                interpolation.received(e, position, tick, values, 0, tick % 97 == 0);
                double half = (i + tick) * 0.01;
                values[0] = 0;
                values[1] = (float) Math.sin(half);
                values[2] = 0;
                values[3] = (float) Math.cos(half);
                interpolation.received(e, rotation, tick, values, 0, false);
            }
            world.process();
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, allocated, "bytes allocated in 300 steady ticks");
        Drawn d = drawn.get(entities[25]); // its buffer was last emptied at tick 575
        assertEquals(interpolation.renderTick(), -d.y, 1e-3, "the render component follows the render tick");
    }
}
