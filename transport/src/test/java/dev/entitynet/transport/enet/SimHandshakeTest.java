package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.sim.SimNetwork;
import dev.entitynet.transport.enet.sim.SimNode;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimHandshakeTest {
    static final long SERVER = Endpoints.of(0x0A000001, 7777);
    static final long CLIENT = Endpoints.of(0x0A000002, 40000);

    @Test
    void connectsAndExchangesReliablePackets() {
        try (SimNetwork net = new SimNetwork(1, LinkProfile.perfect().withLatencyMillis(20, 0))) {
            Recorder serverEvents = new Recorder();
            Recorder clientEvents = new Recorder();
            SimNode server = net.add(SERVER, EnetConfig.defaults()).listener(serverEvents);
            SimNode client = net.add(CLIENT, EnetConfig.defaults()).listener(clientEvents);
            int slot = client.engine().connect(SERVER, 2, 1234, net.nowMillis());
            assertEquals(0, slot);
            assertTrue(net.runUntil(() -> serverEvents.count("connected") == 1 && clientEvents.count("connected") == 1, 1000));
            assertEquals(1234, serverEvents.of("connected").get(0).data());
            assertEquals(CLIENT, serverEvents.of("connected").get(0).endpoint());
            assertEquals(0, clientEvents.of("connected").get(0).data());
            assertEquals(2, server.engine().channelCount(0));
            assertTrue(client.engine().isConnected(0));

            byte[] hello = "hello".getBytes();
            assertTrue(client.engine().send(0, 1, EnetPacketFlags.RELIABLE, BytesStore.wrap(hello), 0, hello.length));
            assertTrue(net.runUntil(() -> serverEvents.count("received") == 1, 1000));
            Recorder.Event e = serverEvents.received().get(0);
            assertEquals(1, e.channel());
            assertEquals(EnetPacketFlags.RELIABLE, e.flags());
            assertEquals("hello", new String(e.payload()));
            net.run(2000);
            assertEquals(0, server.engine().stats().droppedTotal(), server.engine().stats().toString());
            assertEquals(0, client.engine().stats().droppedTotal(), client.engine().stats().toString());
            assertTrue(server.engine().roundTripTimeMillis(0) >= 40 && server.engine().roundTripTimeMillis(0) < 60,
                    "rtt " + server.engine().roundTripTimeMillis(0));
        }
    }
}
