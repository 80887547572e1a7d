package dev.entitynet.jmh.rpc;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.local.LocalHub;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * RPCs with primitive arguments (int, float, float, long) between a server and one client
 * SceneMultiplayer in one World over the local hub, path cache warm (cache ids, not paths).
 * {@code callAndDispatch}: one call encoded, sent, polled, validated and dispatched to its handler
 * per operation. {@code burst64}: 64 calls, then one World tick delivers and dispatches all 64.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RpcBenchmark {
    private static final int BURST = 64;

    private LocalHub hub;
    private World world;
    private SceneMultiplayer server;
    private RpcMethod move;
    private int bob;
    private long received;
    private long sum;
    private int counter;

    @Setup(Level.Trial)
    public void setUp() {
        ManualClock clock = new ManualClock();
        hub = new LocalHub(clock, 1);
        world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        EntityPaths paths = world.getSystem(EntityPaths.class);
        SceneMultiplayer client = null;
        for (String root : new String[] {"server", "client"}) {
            int r = world.create();
            paths.setName(r, root, -1);
            int b = world.create();
            paths.setName(b, "Bob", r);
            SceneMultiplayer mp = new SceneMultiplayer(world, root, clock);
            RpcMethod m = mp.declareRpc(RpcConfig.named("move").mode(RpcMode.AUTHORITY)
                    .args(ArgType.INT, ArgType.FLOAT, ArgType.FLOAT, ArgType.LONG), (entity, sender, args) -> {
                        received++;
                        sum += args.getInt() + (long) args.getFloat() + (long) args.getFloat() + args.getLong();
                    });
            if (root.equals("server")) {
                server = mp;
                move = m;
                bob = b;
                mp.multiplayerPeer(hub.createServer());
            } else {
                client = mp;
                mp.multiplayerPeer(hub.createClient());
            }
        }
        for (int i = 0; i < 5; i++) {
            clock.advanceMillis(1);
            world.process();
        }
        if (server.peers().size() != 1 || client.peers().size() != 1) {
            throw new IllegalStateException("peers did not meet");
        }
        for (int i = 0; i < 5; i++) {
            call();
            world.process();
        }
        ReplicationHost engine = server.replication(null); // the path cache is on the engine's side
        if (!engine.isPathConfirmed(client.uniqueId(), engine.pathCacheIdFor(client.uniqueId(), bob))) {
            throw new IllegalStateException("path cache not confirmed: the benchmark would measure inline paths");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (received == 0) {
            throw new IllegalStateException("no call was dispatched");
        }
        world.dispose();
        hub.close();
    }

    private void call() {
        int i = counter++;
        server.rpc(bob, move).putInt(i).putFloat(i * 0.5f).putFloat(-i).putLong(i * 31L).send();
    }

    @Benchmark
    public long callAndDispatch() {
        call();
        world.process();
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long burst64() {
        for (int i = 0; i < BURST; i++) {
            call();
        }
        world.process();
        return sum;
    }
}
