package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEngineStats;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.netty.DatagramReceiver;
import dev.entitynet.transport.enet.secure.DatagramSecurity;
import dev.entitynet.transport.enet.secure.SecureLink;
import dev.entitynet.transport.enet.secure.SecureStats;
import dev.entitynet.transport.enet.netty.UdpSocket;
import dev.entitynet.transport.ring.OverflowingRingWriter;
import dev.entitynet.transport.ring.SpscRecordRing;
import io.netty.util.concurrent.ScheduledFuture;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
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
 *
 * <p>In inline mode ({@code inline} not null) there is no event ring: events go straight to
 * {@code inline} on this thread, and whatever it sends goes straight into the engine, so a
 * received batch, its answers and their acknowledgements leave in one flush, as in libenet's
 * single-threaded service loop.
 */
final class EngineLoop implements DatagramReceiver, EnetEventListener {
    private final EnetEngine engine;
    private final SpscRecordRing commands;
    private final OverflowingRingWriter events;
    private final HostEvents inline;
    /** Peer slots the engine can use (its peer limit): the ones broadcasts and shutdown look at. */
    private final int slots;
    private boolean dispatching;
    private final long startNanos = System.nanoTime();
    private final int[] generation = new int[PeerHandles.SLOTS];
    private final boolean[] active = new boolean[PeerHandles.SLOTS];
    /**
     * Each slot's queued bytes as the engine last reported them, for callers on other threads that
     * must answer BACK_PRESSURE without touching the engine. Refreshed after every send and, for
     * slots above half their cap, after every service pass, so the value falls as acks arrive.
     */
    private final AtomicLongArray queuedBytes = new AtomicLongArray(PeerHandles.SLOTS);
    /** The slots above half their cap, unordered, so a pass refreshes only them; -1 = not watched. */
    private final int[] watchedAt = new int[PeerHandles.SLOTS];
    private final int[] watched = new int[PeerHandles.SLOTS];
    private int watchedCount;
    private final long queueCap;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Runnable wakeTask = this::wake;
    private UdpSocket socket;
    /** Whether datagrams must authenticate; until {@link #link} exists they are all dropped. */
    private final boolean secure;
    private volatile SecureLink link;
    /** Where the engine's datagrams go: the socket, or the link that seals them. */
    private DatagramOutput output;
    /** Each slot's token client id (secure servers), published before its connected event. */
    private final AtomicLongArray clientIds = new AtomicLongArray(PeerHandles.SLOTS);
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

    /** A loop publishing events to {@code eventRing}, or, when {@code inline} is not null, handing them to it directly. */
    EngineLoop(EnetEngine engine, int peerLimit, SpscRecordRing commands, SpscRecordRing eventRing, HostEvents inline,
               boolean secure) {
        this.engine = engine;
        this.secure = secure;
        this.slots = peerLimit;
        this.commands = commands;
        this.events = new OverflowingRingWriter(eventRing);
        this.inline = inline;
        this.queueCap = engine.config().maxQueuedBytesPerPeer();
        java.util.Arrays.fill(watchedAt, -1);
    }

    /** Starts ticking on the socket's loop. Called once, from the constructing thread. */
    void start(UdpSocket boundSocket, int tickMicros, DatagramSecurity security) {
        this.socket = boundSocket;
        this.output = security == null ? boundSocket : new SecureLink(security, boundSocket, System::currentTimeMillis);
        if (security != null) {
            link = (SecureLink) output;
        }
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
        if (closed) {
            return;
        }
        if (!secure) {
            engine.receive(endpoint, data, offset, length, nowMillis());
        } else if (link != null) {
            link.receive(endpoint, data, offset, length, nowMillis(), engine);
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
        if (inline != null) {
            pump();
            return;
        }
        drainCommands();
        publishEvents();
        if (published == 0) {
            engine.service(nowMillis(), output);
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
        if (inline != null) {
            publishEvents(); // the answers join this flush
        }
        engine.service(nowMillis(), output);
        socket.flush();
        refreshWatchedQueues();
        publishEvents();
    }

    private void sessionEnded(long endpoint) {
        if (link != null) {
            link.security().disconnected(endpoint);
        }
    }

    /** The client id of {@code slot}'s connect token (secure servers; -1 otherwise). Any thread, after its connected event. */
    long clientId(int slot) {
        return clientIds.get(slot);
    }

    /** Drops by the secure layer, or null for a plain host. */
    SecureStats secureStats() {
        SecureLink current = link;
        return current == null ? null : current.security().stats();
    }

    /** What {@code slot}'s outgoing queue held at the loop's last look (any thread). */
    long queuedBytes(int slot) {
        return queuedBytes.getAcquire(slot);
    }

    private void publishQueued(int slot) {
        long bytes = engine.queuedBytes(slot);
        queuedBytes.setRelease(slot, bytes);
        boolean watch = bytes > queueCap / 2;
        int at = watchedAt[slot];
        if (watch && at < 0) {
            watchedAt[slot] = watchedCount;
            watched[watchedCount++] = slot;
        } else if (!watch && at >= 0) {
            int last = watched[--watchedCount];
            watched[at] = last;
            watchedAt[last] = at;
            watchedAt[slot] = -1;
        }
    }

    private void refreshWatchedQueues() {
        // backwards: publishing may move the last slot into the place of one that stops being watched
        for (int i = watchedCount - 1; i >= 0; i--) {
            publishQueued(watched[i]);
        }
    }

    /** Starts an outgoing connection after every command sent before it; returns its handle or -1. */
    int connect(long endpoint, int channelCount, int data) {
        drainCommands();
        int handle = connectNow(endpoint, channelCount, data);
        if (handle >= 0) {
            pump();
        }
        return handle;
    }

    /**
     * Starts an outgoing connection from inside an inline event handler; the CONNECT leaves with
     * the loop's next flush. Returns its handle or -1.
     */
    int connectNow(long endpoint, int channelCount, int data) {
        int slot = engine.connect(endpoint, channelCount, data, nowMillis());
        return slot < 0 ? -1 : begin(slot);
    }

    /** Executes pending commands, drops every connection at once (telling the peers) and stops. */
    void shutdown() {
        if (closed) {
            return;
        }
        drainCommands();
        for (int slot = 0; slot < slots; slot++) {
            if (active[slot]) {
                engine.disconnectNow(slot, 0);
                active[slot] = false;
            }
        }
        engine.service(nowMillis(), output);
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
        send(memory.readInt(at + HostRecords.SEND_HANDLE), memory.readInt(at + HostRecords.SEND_CHANNEL),
                memory.readInt(at + HostRecords.SEND_FLAGS), memory, at + HostRecords.SEND_PAYLOAD, bodyLength - HostRecords.SEND_PAYLOAD);
    }

    /**
     * Queues a packet to {@code handle}'s connection (or every connected peer for BROADCAST_HANDLE);
     * false when the engine refused it for some peer (its outgoing queue is full: the caller has
     * checked everything else).
     */
    boolean send(int handle, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        if (handle == HostRecords.BROADCAST_HANDLE) {
            boolean queued = true;
            for (int slot = 0; slot < slots; slot++) {
                if (active[slot] && engine.isConnected(slot) && channel < engine.channelCount(slot)) {
                    queued &= sendTo(slot, channel, flags, data, offset, length);
                }
            }
            return queued;
        }
        int slot = liveSlot(handle);
        return slot < 0 || sendTo(slot, channel, flags, data, offset, length);
    }

    private boolean sendTo(int slot, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        boolean queued = engine.send(slot, channel, flags, data, offset, length);
        if (!queued) {
            rejectedSends++;
        }
        publishQueued(slot);
        return queued;
    }

    private void executeTimeout(BytesStore<?, Void> memory, long at) {
        timeout(memory.readInt(at + HostRecords.TIMEOUT_HANDLE), memory.readInt(at + HostRecords.TIMEOUT_LIMIT),
                memory.readInt(at + HostRecords.TIMEOUT_MINIMUM), memory.readInt(at + HostRecords.TIMEOUT_MAXIMUM),
                memory.readInt(at + HostRecords.TIMEOUT_PING));
    }

    /** Sets a connection's timeouts and ping interval (0 keeps a default). */
    void timeout(int handle, int limit, int minimumMillis, int maximumMillis, int pingMillis) {
        int slot = liveSlot(handle);
        if (slot >= 0) {
            engine.timeout(slot, limit, minimumMillis, maximumMillis);
            engine.pingInterval(slot, pingMillis);
        }
    }

    private void executeThrottle(BytesStore<?, Void> memory, long at) {
        throttle(memory.readInt(at + HostRecords.THROTTLE_HANDLE), memory.readInt(at + HostRecords.THROTTLE_INTERVAL),
                memory.readInt(at + HostRecords.THROTTLE_ACCELERATION), memory.readInt(at + HostRecords.THROTTLE_DECELERATION));
    }

    /** Configures a connection's packet throttle. */
    void throttle(int handle, int intervalMillis, int acceleration, int deceleration) {
        int slot = liveSlot(handle);
        if (slot >= 0) {
            engine.throttleConfigure(slot, intervalMillis, acceleration, deceleration);
        }
    }

    private void executeDisconnect(BytesStore<?, Void> memory, long at) {
        disconnect(memory.readInt(at + HostRecords.DISCONNECT_HANDLE), memory.readInt(at + HostRecords.DISCONNECT_DATA),
                memory.readInt(at + HostRecords.DISCONNECT_KIND));
    }

    /** Ends a connection the way {@code kind} (HostRecords.KIND_*) says. */
    void disconnect(int handle, int data, int kind) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return;
        }
        switch (kind) {
            case HostRecords.KIND_GRACEFUL -> engine.disconnect(slot, data);
            case HostRecords.KIND_LATER -> engine.disconnectLater(slot, data);
            case HostRecords.KIND_NOW -> {
                sessionEnded(engine.endpoint(slot));
                engine.disconnectNow(slot, data);
                active[slot] = false; // no event follows
            }
            default -> {
                sessionEnded(engine.endpoint(slot));
                engine.reset(slot);
                active[slot] = false;
            }
        }
    }

    private void publishEvents() {
        if (inline != null) {
            // A handler that connects may make the loop pump again: the outer dispatch delivers the rest.
            if (!dispatching) {
                dispatching = true;
                try {
                    engine.pollEvents(this);
                } finally {
                    dispatching = false;
                }
            }
            return;
        }
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
        if (link != null) {
            link.security().connected(endpoint);
            clientIds.set(peerId, link.security().clientId(endpoint));
        }
        if (inline != null) {
            inline.connected(handle, endpoint, data, engine.channelCount(peerId));
            return;
        }
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
        sessionEnded(endpoint);
        if (!active[peerId]) {
            return; // the caller already let go of this connection (disconnectNow/reset)
        }
        active[peerId] = false;
        if (inline != null) {
            inline.disconnected(currentHandle(peerId), endpoint, data);
            return;
        }
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
        if (inline != null) {
            inline.received(currentHandle(peerId), channel, flags, payload);
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
