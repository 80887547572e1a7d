package dev.entitynet.replication.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.replication.Ball;
import dev.entitynet.replication.bits.BitWriter;
import dev.entitynet.replication.codec.Codecs;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.quantize.Quantized;
import dev.entitynet.replication.snapshot.BoundConfig;
import dev.entitynet.replication.visibility.Audience;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The encoder and decoder against each other, without a network: whatever the loss, visibility
 * churn, budget and motion, every snapshot the receiver decodes leaves it the very frame the
 * sender recorded; and crafted bad streams are rejected without changing anything.
 */
class SnapshotCodingTest {
    private final Bytes<Void> packet = Bytes.allocateElasticDirect(2048);
    private final Bytes<Void> ackPacket = Bytes.allocateElasticDirect(16);

    @AfterEach
    void release() {
        packet.releaseLast();
        ackPacket.releaseLast();
    }

    private static ReplicationConfig config(String name, boolean twoProperties) {
        ReplicationConfig config = new ReplicationConfig(name);
        config.add("Ball:position", Ball.class, Quantized.position3(-500, -500, 0, 500, 500, 100, 1f / 64, b -> b.x, b -> b.y, b -> b.z,
                (b, x, y, z) -> {
                    b.x = x;
                    b.y = y;
                    b.z = z;
                }));
        if (twoProperties) {
            config.add("Ball:hp", Ball.class, Quantized.integer(0, 1000, b -> b.hp, (b, v) -> b.hp = v));
        }
        config.add("Ball:label", Ball.class, Codecs.string(b -> b.label, (b, v) -> b.label = v, 16))
                .mode(dev.entitynet.replication.config.ReplicationMode.ON_CHANGE);
        return config;
    }

    /** Visibility from a per-entity mask, changed by the test. */
    private static final class Mask implements Audience {
        boolean[] visible = new boolean[4096];

        @Override public boolean visibleTo(int entity, int peerId) { return visible[entity]; }
        @Override public boolean visibleToSlot(int entity, int slot) { return visible[entity]; }
        @Override public boolean visibleToAll(int entity) { return visible[entity]; }
        @Override public boolean visibleToAny(int entity) { return visible[entity]; }
    }

    @Test
    void everyDecodedSnapshotIsTheFrameTheSenderRecorded() {
        for (long seed = 1; seed <= 12; seed++) {
            run(seed);
        }
    }

    private void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        World world = new World(new WorldConfigurationBuilder().build());
        SchemaRegistry senderSchemas = new SchemaRegistry();
        SchemaRegistry receiverSchemas = new SchemaRegistry();
        BoundConfig one = new BoundConfig(config("one", false), world);
        BoundConfig two = new BoundConfig(config("two", true), world);
        SnapshotSchema[] schemas = {senderSchemas.schemaOf(one), senderSchemas.schemaOf(two)};
        receiverSchemas.schemaOf(two); // registered in another order on the receiver: indices differ, fingerprints match
        receiverSchemas.schemaOf(one);
        SnapshotSource source = new SnapshotSource();
        Mask mask = new Mask();
        int count = 300;
        int[] entities = new int[count];
        int netId = 0;
        for (int i = 0; i < count; i++) {
            int e = world.create();
            Ball b = world.getMapper(Ball.class).create(e);
            b.x = random.nextInt(-400, 400);
            b.y = random.nextInt(-400, 400);
            b.z = random.nextInt(0, 100);
            entities[i] = e;
            netId += 1 + random.nextInt(3);
            source.add(e, netId, schemas[random.nextInt(2)]);
            mask.visible[e] = random.nextInt(4) != 0;
        }
        SnapshotEncoder encoder = new SnapshotEncoder();
        SnapshotDecoder decoder = new SnapshotDecoder();
        OutgoingStream out = new OutgoingStream(7);
        IncomingStream in = new IncomingStream(1);
        AckWire ack = new AckWire();
        double loss = random.nextDouble(0, 0.5);
        int decoded = 0;
        for (long tick = 100; tick < 500; tick++) {
            for (int k = 0; k < 40; k++) {
                Ball b = world.getMapper(Ball.class).get(entities[random.nextInt(count)]);
                b.x += (float) random.nextDouble(-3, 3);
                b.y += (float) random.nextDouble(-3, 3);
                b.hp = random.nextInt(20) == 0 ? random.nextInt(1000) : b.hp;
            }
            for (int k = 0; k < 5; k++) {
                int e = entities[random.nextInt(count)];
                mask.visible[e] = !mask.visible[e];
            }
            int budget = random.nextInt(5) == 0 ? 64 + random.nextInt(200) : 1350;
            source.capture();
            if (!encoder.encode(source, senderSchemas, out, 0, mask, null, tick, budget, 1350, packet)) {
                continue;
            }
            assertTrue(packet.readRemaining() <= Math.max(budget, 64) + 1 || budget >= 1350, "seed " + seed + ": " + packet.readRemaining() + " bytes over a budget of " + budget);
            if (random.nextDouble() < loss) {
                continue;
            }
            int result = decoder.decode(in, receiverSchemas, packet, 1, packet.readRemaining() - 1);
            if (result == SnapshotDecoder.NO_BASELINE) {
                continue; // can't happen without loss of acks; counted as a failure below
            }
            assertEquals(SnapshotDecoder.OK, result, "seed " + seed + " tick " + tick);
            decoded++;
            Frame got = decoder.decoded;
            Frame sent = out.sent.find(got.seq);
            assertNotNull(sent, "seed " + seed);
            assertFrameEquals(sent, got, senderSchemas, receiverSchemas, "seed " + seed + " seq " + got.seq);
            in.arrived(got.seq, got.tick);
            if (random.nextDouble() >= loss) {
                AckWire.write(ackPacket, in.newest, in.history);
                ackPacket.readPosition(1);
                assertTrue(ack.read(ackPacket));
                assertTrue(out.acknowledge(ack.newest16, ack.history), "seed " + seed);
            }
        }
        assertTrue(decoded > 100, "seed " + seed + ": only " + decoded + " snapshots decoded");
        world.dispose();
    }

    private static void assertFrameEquals(Frame sent, Frame got, SchemaRegistry senderSchemas, SchemaRegistry receiverSchemas, String context) {
        assertEquals(sent.count, got.count, context);
        assertEquals(sent.tick, got.tick, context);
        assertArrayEquals(Arrays.copyOf(sent.netIds, sent.count), Arrays.copyOf(got.netIds, got.count), context);
        for (int i = 0; i < sent.count; i++) {
            assertEquals(senderSchemas.get(sent.schemas[i]).fingerprint, receiverSchemas.get(got.schemas[i]).fingerprint, context);
        }
        assertArrayEquals(Arrays.copyOf(sent.codes, sent.codeAt[sent.count]), Arrays.copyOf(got.codes, got.codeAt[got.count]), context);
    }

    @Test
    void aFreshEntryWithACodeOutsideItsRangeIsMalformedAndChangesNothing() {
        World world = new World(new WorldConfigurationBuilder().build());
        SchemaRegistry schemas = new SchemaRegistry();
        SnapshotSchema s = schemas.schemaOf(new BoundConfig(config("one", false), world));
        // the z axis spans 0..100 in steps of 1/32 (precision 1/64): its largest code is 3200, in a 12-bit lane
        assertTrue(s.laneBits[2] == 12, "lane widths " + Arrays.toString(s.laneBits));
        for (int z : new int[] {3200, 3201, 4095}) {
            packet.clear();
            packet.ensureCapacity(64);
            BitWriter w = new BitWriter();
            w.wrap(packet, 0, 64);
            SnapshotWire wire = new SnapshotWire();
            wire.sequence16 = 0;
            wire.tick32 = 1;
            wire.writeHeader(w);
            SnapshotWire.writeCount(w, 0); // removals
            SnapshotWire.writeCount(w, 1); // schemas
            w.write(s.fingerprint & 0xFFFFFFFFL, 32);
            SnapshotWire.writeCount(w, 1); // entries
            wire.writeGap(w, 5, 0);
            SnapshotWire.writeFresh(w, s, new int[] {10, 10, z}, 0, 0, 0);
            int length = w.finish();
            IncomingStream in = new IncomingStream(1);
            int result = new SnapshotDecoder().decode(in, schemas, packet, 0, length);
            assertEquals(z <= 3200 ? SnapshotDecoder.OK : SnapshotDecoder.MALFORMED, result, "z code " + z);
            if (z > 3200) {
                assertTrue(in.received.find(0) == null && !in.started(), "a rejected snapshot leaves no frame");
            }
        }
        world.dispose();
    }

    @Test
    void aStreamThatRunsPastThePacketIsMalformed() {
        World world = new World(new WorldConfigurationBuilder().build());
        SchemaRegistry schemas = new SchemaRegistry();
        SnapshotSchema s = schemas.schemaOf(new BoundConfig(config("one", false), world));
        packet.clear();
        packet.ensureCapacity(64);
        BitWriter w = new BitWriter();
        w.wrap(packet, 0, 64);
        SnapshotWire wire = new SnapshotWire();
        wire.writeHeader(w);
        SnapshotWire.writeCount(w, 0);
        SnapshotWire.writeCount(w, 1);
        w.write(s.fingerprint & 0xFFFFFFFFL, 32);
        SnapshotWire.writeCount(w, 3); // three entries announced, one written
        wire.writeGap(w, 5, 0);
        SnapshotWire.writeFresh(w, s, new int[] {10, 10, 10}, 0, 0, 0);
        int length = w.finish();
        assertEquals(SnapshotDecoder.MALFORMED, new SnapshotDecoder().decode(new IncomingStream(1), schemas, packet, 0, length));
        world.dispose();
    }
}
