/**
 * The ENet 1.3 protocol engine behind {@link dev.entitynet.transport.enet.EnetEngine}, implemented
 * from the protocol reference and wire-compatible with libenet 1.3.17.
 *
 * <p>{@link dev.entitynet.transport.enet.engine.Host} owns the slots, pools and event queue and the
 * connection lifecycle; {@code Receiver} validates datagrams and runs control commands;
 * {@code DataReceiver} sequences and reassembles data; {@code Sender} packs datagrams (acks first,
 * at most 32 commands, never above the MTU) and runs retransmission, ping and timeout timers;
 * {@code BandwidthThrottle} is the once-a-second bandwidth pass. Commands live in intrusive lists
 * of pooled objects, so steady-state traffic allocates nothing.
 *
 * <p>Deliberate differences from libenet 1.3.17, none visible to a libenet peer as an error:
 * <ul>
 * <li>The server adopts min(own MTU, client MTU) (1.3.18's rule) instead of the client's MTU, so it
 *     never sends datagrams above its own MTU.</li>
 * <li>Zero-length fragments and totalLength &lt; fragmentCount are rejected (libenet master), as are
 *     datagrams above 4096 bytes (dropped, not an error as in 1.3.17).</li>
 * <li>The server's handshake proves the client's address before anything else ({@link
 *     dev.entitynet.transport.enet.engine.ServerHandshake}): a CONNECT gets a small record, not a
 *     slot, and one VERIFY_CONNECT no larger than the CONNECT, never retransmitted; its reliable
 *     sequence number and its datagram's sent time carry a 32-bit nonce that the client's ACK
 *     echoes, and the wire peer id (no longer the slot index) and both session ids are random.
 *     Stock libenet clients accept all of this (they take peer id and sessions from
 *     VERIFY_CONNECT, acknowledge whatever sequence number it has, echo the header time, and
 *     retransmit CONNECT when no answer comes). Commands after a CONNECT in the same datagram are
 *     ignored. Handshakes are capped in total and per IP address, connected peers per IP address.</li>
 * <li>An ACK counts (RTT sample, sign of life) only when it acknowledges something we sent; its
 *     RTT sample is at most the time since that command first left, and at most 10 s; a command
 *     unacknowledged for the timeout maximum ends the connection whatever else arrives. Each
 *     peer's outgoing queue is capped ({@code maxQueuedBytesPerPeer}), and each peer's incoming
 *     bytes and commands per second ({@code maxIncoming...PerSecondPerPeer}).</li>
 * <li>Fragments must tile their packet the way every ENet sender cuts it: one stride L for the
 *     group, offset = number &times; L, every fragment but the last exactly L bytes, the last the
 *     remaining 1..L, count = &lceil;total / L&rceil;. libenet accepts any offsets, so a group can
 *     "complete" with bytes no fragment wrote; here a fragment that breaks the stride is a command
 *     error (BAD_FRAGMENT) and its group never completes. Reassembly buffers are zeroed as well.</li>
 * <li>Queued acknowledgements per peer are capped.</li>
 * <li>Received data is held within caps (ReceiveBudget): every command kept is charged its length,
 *     at least 512 bytes, against its peer's cap for its stage (fragment groups: the totalLength,
 *     from the first fragment, against {@code maxReassemblyBytesPerPeer}, so a fragmented packet
 *     above that cap cannot be received; whole commands waiting for an earlier sequence number
 *     against {@code maxOutOfOrderBytesPerPeer}; delivered packets not yet polled against libenet's
 *     32 MiB waiting-data cap) and against the host-wide {@code maxBufferedBytes}. A command over a
 *     cap is skipped without acknowledgement and the rest of the datagram is still processed
 *     (libenet makes a failed allocation a command error that drops the rest), so an honest sender
 *     simply retransmits it. Free receive buffers above a 4 MiB reserve are freed.</li>
 * <li>A whole reliable command waits only if it lies at most {@code maxOutOfOrderBytesPerPeer} / 512
 *     sequence numbers past the next one its channel needs (libenet: anywhere in its 28,672-wide
 *     receive window); one further ahead is left unacknowledged like any refused command, so far
 *     commands cannot fill the cap while the near ones the channel needs first find no room.</li>
 * <li>Work per received command is bounded whatever a peer has queued: waiting reliable commands
 *     are found by (peer, channel, sequence) in a host-wide hash index instead of a walk of a
 *     sorted list, and an unreliable packet that belongs more than 64 places before the newest one
 *     queued on its channel is dropped as stale (libenet walks the whole queue).</li>
 * <li>Unsequenced packets are delivered at once; libenet can hold them behind unreliable packets
 *     waiting for a reliable predecessor.</li>
 * <li>Events are queued as they happen and a slot is freed as soon as its disconnect is queued
 *     (libenet keeps a ZOMBIE slot until the event is dispatched). Packets already delivered to the
 *     event queue before a remote DISCONNECT are still reported; local disconnect/reset calls
 *     discard the slot's pending events, as libenet's queue reset does.</li>
 * <li>A retransmitted fragment whose group was already delivered, or a fragment arriving in
 *     DISCONNECT_LATER, is discarded and acknowledged rather than treated as a command error.</li>
 * </ul>
 * Commands leave in the order they were queued, as in libenet 1.3.18 (which Godot bundles), not
 * reliable-first as in 1.3.17: a sequenced unreliable packet queued before a reliable one on the same
 * channel therefore arrives first instead of being discarded as stale. Unreliable commands still pass
 * reliable ones that the send window holds back.
 */
package dev.entitynet.transport.enet.engine;
