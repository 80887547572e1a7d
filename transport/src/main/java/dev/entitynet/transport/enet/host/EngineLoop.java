package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEngineStats;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.netty.DatagramReceiver;
import dev.entitynet.transport.enet.netty.UdpSocket;
import dev.entitynet.transport.ring.OverflowingRingWriter;
import dev.entitynet.transport.ring.SpscRecordRing;
import io.netty.util.concurrent.ScheduledFuture;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The event-loop half of an {@link EnetHost}: owns the engine, feeds it datagrams, services it on a
 * fixed tick and after every received batch or command wake-up, executes the caller's commands
 * from the command ring and publishes the engine's events to the event ring. Acks and
 * retransmissions therefore never wait for the caller's thread.
 *
 * <p>Events never get lost: when the event ring is full they wait in the writer's overflow and
 * the socket stops reading until the caller has drained enough, which pushes back on the remote
 * peers (their reliable data goes unacknowledged and is sent again later).
 */
final class EngineLoop implements DatagramReceiver, EnetEventListener {
    private final EnetEngine engine;
    private final SpscRecordRing commands;
    private final OverflowingRingWriter events;
    private final long startNanos = System.nanoTime();
    private final int[] generation = new int[PeerHandles.SLOTS];
    private final boolean[] active = new boolean[PeerHandles.SLOTS];
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Runnable wakeTask = this::wake;
    private UdpSocket socket;
    private ScheduledFuture<?> ticker;
    private boolean closed;
    private int published;

    /** The caller thread parked in {@code EnetHost.service(listener, timeout)}, if any. */
    volatile Thread waiter;
    // Written only on the loop; volatile so the caller can read them for statistics.
    private volatile long staleCommands;
    private volatile long rejectedSends;
    private volatile long readPauses;

    EnetEngineStats engineStats() {
        return engine.stats();
    }

    EngineLoop(EnetEngine engine, SpscRecordRing commands, SpscRecordRing eventRing) {
        this.engine = engine;
        this.commands = commands;
        this.events = new OverflowingRingWriter(eventRing);
    }

    /** Starts ticking on the socket's loop. Called once, from the constructing thread. */
    void start(UdpSocket boundSocket, int tickMicros) {
        this.socket = boundSocket;
        ticker = socket.eventLoop().scheduleAtFixedRate(this::pump, tickMicros, tickMicros, TimeUnit.MICROSECONDS);
    }

    long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L + 1;
    }

    // ---------------------------------------------------------------- caller-thread entry points

    /** Makes the loop execute the commands just published; cheap when a wake-up is pending. */
    void requestWake() {
        if (!wakeScheduled.getAndSet(true)) {
            socket.eventLoop().execute(wakeTask);
        }
    }

    private void wake() {
        wakeScheduled.set(false);
        pump();
    }

    // ---------------------------------------------------------------- loop thread

    @Override
    public void datagram(long endpoint, BytesStore<?, ?> data, long offset, int length) {
        if (!closed) {
            engine.receive(endpoint, data, offset, length, nowMillis());
        }
    }

    /**
     * After a batch of datagrams the events go to the caller first. When there are some, sending
     * (acknowledgements included) waits for the caller's answer, which wakes the loop, or for the
     * next tick: the answer and the acknowledgements then share datagrams, as in libenet's service
     * loop, instead of costing a datagram each way more. Without events, the acks leave at once.
     */
    @Override
    public void batchComplete() {
        if (closed) {
            return;
        }
        drainCommands();
        publishEvents();
        if (published == 0) {
            engine.service(nowMillis(), socket);
            socket.flush();
            publishEvents();
        }
    }

    /** Executes commands, services the engine, flushes datagrams and publishes events. */
    void pump() {
        if (closed) {
            return;
        }
        drainCommands();
        engine.service(nowMillis(), socket);
        socket.flush();
        publishEvents();
    }

    /** Starts an outgoing connection after every command sent before it; returns its handle or -1. */
    int connect(long endpoint, int channelCount, int data) {
        drainCommands();
        int slot = engine.connect(endpoint, channelCount, data, nowMillis());
        if (slot < 0) {
            return -1;
        }
        int handle = begin(slot);
        pump();
        return handle;
    }

    /** Executes pending commands, drops every connection at once (telling the peers) and stops. */
    void shutdown() {
        if (closed) {
            return;
        }
        drainCommands();
        for (int slot = 0; slot < PeerHandles.SLOTS; slot++) {
            if (active[slot]) {
                engine.disconnectNow(slot, 0);
                active[slot] = false;
            }
        }
        engine.service(nowMillis(), socket);
        socket.flush();
        closed = true;
        ticker.cancel(false);
        events.close();
        engine.close();
    }

    private int begin(int slot) {
        active[slot] = true;
        return PeerHandles.handle(slot, ++generation[slot]);
    }

    private int currentHandle(int slot) {
        return PeerHandles.handle(slot, generation[slot]);
    }

    /** The slot of {@code handle} if it is the slot's live connection, else -1 (counted). */
    private int liveSlot(int handle) {
        int slot = PeerHandles.slot(handle);
        if (active[slot] && currentHandle(slot) == handle) {
            return slot;
        }
        staleCommands++;
        return -1;
    }

    private void drainCommands() {
        BytesStore<?, Void> memory = commands.memory();
        long at;
        while ((at = commands.peek()) >= 0) {
            switch (commands.type()) {
                case HostRecords.SEND -> executeSend(memory, at, commands.bodyLength());
                case HostRecords.TIMEOUT -> executeTimeout(memory, at);
                case HostRecords.THROTTLE -> executeThrottle(memory, at);
                default -> executeDisconnect(memory, at);
            }
            commands.release();
        }
    }

    private void executeSend(BytesStore<?, Void> memory, long at, int bodyLength) {
        int handle = memory.readInt(at + HostRecords.SEND_HANDLE);
        int channel = memory.readInt(at + HostRecords.SEND_CHANNEL);
        int flags = memory.readInt(at + HostRecords.SEND_FLAGS);
        long payload = at + HostRecords.SEND_PAYLOAD;
        int length = bodyLength - HostRecords.SEND_PAYLOAD;
        if (handle == HostRecords.BROADCAST_HANDLE) {
            for (int slot = 0; slot < PeerHandles.SLOTS; slot++) {
                if (active[slot] && engine.isConnected(slot) && channel < engine.channelCount(slot)
                        && !engine.send(slot, channel, flags, memory, payload, length)) {
                    rejectedSends++;
                }
            }
            return;
        }
        int slot = liveSlot(handle);
        if (slot >= 0 && !engine.send(slot, channel, flags, memory, payload, length)) {
            rejectedSends++;
        }
    }

    private void executeTimeout(BytesStore<?, Void> memory, long at) {
        int slot = liveSlot(memory.readInt(at + HostRecords.TIMEOUT_HANDLE));
        if (slot >= 0) {
            engine.timeout(slot, memory.readInt(at + HostRecords.TIMEOUT_LIMIT), memory.readInt(at + HostRecords.TIMEOUT_MINIMUM),
                    memory.readInt(at + HostRecords.TIMEOUT_MAXIMUM));
            engine.pingInterval(slot, memory.readInt(at + HostRecords.TIMEOUT_PING));
        }
    }

    private void executeThrottle(BytesStore<?, Void> memory, long at) {
        int slot = liveSlot(memory.readInt(at + HostRecords.THROTTLE_HANDLE));
        if (slot >= 0) {
            engine.throttleConfigure(slot, memory.readInt(at + HostRecords.THROTTLE_INTERVAL),
                    memory.readInt(at + HostRecords.THROTTLE_ACCELERATION), memory.readInt(at + HostRecords.THROTTLE_DECELERATION));
        }
    }

    private void executeDisconnect(BytesStore<?, Void> memory, long at) {
        int slot = liveSlot(memory.readInt(at + HostRecords.DISCONNECT_HANDLE));
        if (slot < 0) {
            return;
        }
        int data = memory.readInt(at + HostRecords.DISCONNECT_DATA);
        switch (memory.readInt(at + HostRecords.DISCONNECT_KIND)) {
            case HostRecords.KIND_GRACEFUL -> engine.disconnect(slot, data);
            case HostRecords.KIND_LATER -> engine.disconnectLater(slot, data);
            case HostRecords.KIND_NOW -> {
                engine.disconnectNow(slot, data);
                active[slot] = false; // no event follows
            }
            default -> {
                engine.reset(slot);
                active[slot] = false;
            }
        }
    }

    private void publishEvents() {
        published = 0;
        events.flush();
        engine.pollEvents(this);
        boolean backlog = events.hasOverflow();
        if (backlog && !socket.isPaused()) {
            readPauses++;
        }
        socket.setReading(!backlog);
        Thread parked = waiter;
        if (published > 0 && parked != null) {
            LockSupport.unpark(parked);
        }
    }

    @Override
    public void connected(int peerId, long endpoint, int data) {
        int handle = active[peerId] ? currentHandle(peerId) : begin(peerId);
        long at = events.claim(HostRecords.CONNECTED, HostRecords.CONNECTED_BYTES);
        BytesStore<?, ?> target = events.target();
        target.writeInt(at + HostRecords.EVENT_HANDLE, handle);
        target.writeInt(at + HostRecords.EVENT_DATA, data);
        target.writeLong(at + HostRecords.EVENT_ENDPOINT, endpoint);
        target.writeInt(at + HostRecords.CONNECTED_CHANNELS, engine.channelCount(peerId));
        events.publish();
        published++;
    }

    @Override
    public void disconnected(int peerId, long endpoint, int data) {
        if (!active[peerId]) {
            return; // the caller already let go of this connection (disconnectNow/reset)
        }
        active[peerId] = false;
        long at = events.claim(HostRecords.DISCONNECTED, HostRecords.DISCONNECTED_BYTES);
        BytesStore<?, ?> target = events.target();
        target.writeInt(at + HostRecords.EVENT_HANDLE, currentHandle(peerId));
        target.writeInt(at + HostRecords.EVENT_DATA, data);
        target.writeLong(at + HostRecords.EVENT_ENDPOINT, endpoint);
        events.publish();
        published++;
    }

    @Override
    public void received(int peerId, int channel, int flags, Bytes<?> payload) {
        if (!active[peerId]) {
            return;
        }
        int length = (int) payload.readRemaining();
        long at = events.claim(HostRecords.RECEIVED, HostRecords.RECEIVED_PAYLOAD + length);
        BytesStore<?, ?> target = events.target();
        target.writeInt(at + HostRecords.EVENT_HANDLE, currentHandle(peerId));
        target.writeInt(at + HostRecords.RECEIVED_CHANNEL, channel);
        target.writeInt(at + HostRecords.RECEIVED_FLAGS, flags);
        target.write(at + HostRecords.RECEIVED_PAYLOAD, payload, payload.readPosition(), length);
        events.publish();
        published++;
    }

    /** Commands addressed to a connection that had already ended. */
    long staleCommands() {
        return staleCommands;
    }

    /** Sends the engine refused (its queue for that peer was full, or the peer was leaving). */
    long rejectedSends() {
        return rejectedSends;
    }

    /** How often reading was paused because the caller fell behind on events. */
    long readPauses() {
        return readPauses;
    }
}
