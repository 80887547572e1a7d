package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test output that keeps a copy of every datagram. */
final class Captured implements DatagramOutput {
    record Sent(long endpoint, byte[] bytes) {
        String hex() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(long endpoint, BytesStore<?, ?> data, long offset, int length) {
        byte[] copy = new byte[length];
        data.read(offset, copy, 0, length);
        sent.add(new Sent(endpoint, copy));
    }

    Sent only() {
        if (sent.size() != 1) {
            throw new AssertionError("expected one datagram, got " + sent.size());
        }
        return sent.get(0);
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    void clear() {
        sent.clear();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", "").replace("|", ""));
    }

    static void feed(EnetEngine engine, long from, byte[] datagram, long now) {
        engine.receive(from, BytesStore.wrap(datagram), 0, datagram.length, now);
    }
}
