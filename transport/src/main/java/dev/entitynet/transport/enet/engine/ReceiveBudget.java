package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngineStats;

/**
 * The memory received data may hold. Every command the host keeps is charged from the moment it
 * is accepted until its buffer goes back to the pool, in one of three stages: reassembling
 * (fragments still missing), queued (whole, waiting for an earlier sequence number) or delivered
 * (in the event queue, not yet polled). Each stage has a per-peer cap; all stages of all peers
 * share the host-wide {@link EnetConfig#maxBufferedBytes()}. A command that would break a cap is
 * refused (and counted) before any memory is taken for it.
 */
final class ReceiveBudget {
    static final int REASSEMBLING = 1;
    static final int QUEUED = 2;
    static final int DELIVERED = 3;
    /**
     * The least a command is charged: about what one costs at least in memory (its objects and the
     * smallest direct buffer), so the budget bounds real memory, and the number of commands too.
     */
    static final int MIN_CHARGE = 512;

    private final EnetConfig config;
    private final EnetEngineStats stats;
    private long charged;

    ReceiveBudget(EnetConfig config, EnetEngineStats stats) {
        this.config = config;
        this.stats = stats;
    }

    /** What a command of {@code length} bytes is charged. */
    static long chargeOf(long length) {
        return Math.max(length, MIN_CHARGE);
    }

    /**
     * How far past its channel's last delivered sequence number a whole reliable command may wait:
     * as many sequence numbers as the out-of-order cap holds minimal commands. Without it, commands
     * far ahead could fill the cap and starve the nearer ones the channel needs first, whose
     * retransmissions back off until an honest sender gives up.
     */
    int outOfOrderReach() {
        return Math.max(1, config.maxOutOfOrderBytesPerPeer() / MIN_CHARGE);
    }

    /** Bytes charged now, all peers and stages together. */
    long charged() {
        return charged;
    }

    /**
     * Charges a new command of {@code length} bytes to {@code peer}'s {@code stage} if every cap
     * allows it; false (counted by the cap that refused) otherwise.
     */
    boolean admit(Peer peer, int stage, long length) {
        long charge = chargeOf(length);
        DropReason refusal = null;
        if (stage == REASSEMBLING && peer.reassemblyBytes + charge > config.maxReassemblyBytesPerPeer()) {
            refusal = DropReason.REASSEMBLY_LIMIT;
        } else if (stage == QUEUED && peer.outOfOrderBytes + charge > config.maxOutOfOrderBytesPerPeer()) {
            refusal = DropReason.OUT_OF_ORDER_LIMIT;
        } else if (peer.waitingData + charge > Host.MAX_WAITING_DATA) {
            // an application that does not poll gets no more data from this peer
            refusal = DropReason.WAITING_DATA_LIMIT;
        } else if (charged + charge > config.maxBufferedBytes()) {
            refusal = DropReason.BUFFER_BUDGET;
        }
        if (refusal != null) {
            stats.countDrop(refusal);
            return false;
        }
        add(peer, stage, charge);
        charged += charge;
        return true;
    }

    /**
     * Moves an accepted command's charge to {@code stage}. No cap is checked: the data is already
     * accepted (and maybe acknowledged), and each overshoot is bounded by the cap of the stage it
     * leaves.
     */
    void move(Peer peer, IncomingCommand c, int stage) {
        long charge = chargeOf(c.length);
        add(peer, c.stage, -charge);
        add(peer, stage, charge);
        c.stage = stage;
    }

    /**
     * Returns a command's charge as its buffer goes back to the pool. {@code peer} is null when the
     * command outlived its connection (a delivered packet polled after a reset): the peer's counts
     * were zeroed then, only the host's is returned.
     */
    void release(Peer peer, IncomingCommand c) {
        long charge = chargeOf(c.length);
        if (peer != null) {
            add(peer, c.stage, -charge);
        }
        charged -= charge;
        c.stage = 0;
    }

    private static void add(Peer peer, int stage, long bytes) {
        switch (stage) {
            case REASSEMBLING -> peer.reassemblyBytes += bytes;
            case QUEUED -> peer.outOfOrderBytes += bytes;
            case DELIVERED -> peer.waitingData += bytes;
            default -> throw new IllegalStateException("a received command in no stage: " + stage);
        }
    }
}
