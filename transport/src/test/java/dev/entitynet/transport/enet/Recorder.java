package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.Bytes;

import java.util.ArrayList;
import java.util.List;

/** Test listener that keeps every event (tests may allocate). */
final class Recorder implements EnetEventListener {
    record Event(String kind, int peerId, long endpoint, int data, int channel, int flags, byte[] payload) {
        @Override
        public String toString() {
            return kind + "(peer=" + peerId + ", data=" + data + ", ch=" + channel + ", flags=" + flags
                    + (payload == null ? "" : ", " + payload.length + "B") + ")";
        }
    }

    final List<Event> events = new ArrayList<>();

    @Override
    public void connected(int peerId, long endpoint, int data) {
        events.add(new Event("connected", peerId, endpoint, data, -1, 0, null));
    }

    @Override
    public void disconnected(int peerId, long endpoint, int data) {
        events.add(new Event("disconnected", peerId, endpoint, data, -1, 0, null));
    }

    @Override
    public void received(int peerId, int channel, int flags, Bytes<?> payload) {
        byte[] copy = new byte[(int) payload.readRemaining()];
        payload.read(payload.readPosition(), copy, 0, copy.length);
        events.add(new Event("received", peerId, 0, 0, channel, flags, copy));
    }

    List<Event> of(String kind) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.kind().equals(kind)) {
                out.add(e);
            }
        }
        return out;
    }

    int count(String kind) {
        return of(kind).size();
    }

    List<Event> received() {
        return of("received");
    }
}
