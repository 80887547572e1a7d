package dev.entitynet.transport.enet;

/** Why the engine dropped a datagram, a command or a local request; counted in {@link EnetEngineStats}. */
public enum DropReason {
    /** Shorter than the 2-byte header. */
    DATAGRAM_TOO_SHORT,
    /** Longer than 4096 bytes (ENET_PROTOCOL_MAXIMUM_MTU). */
    DATAGRAM_TOO_LONG,
    /** Addressed to a peer id this host does not have. */
    UNKNOWN_PEER,
    /** Addressed to a slot that has no connection. */
    PEER_NOT_ACTIVE,
    /** The source address is not the one the slot is connected to. */
    ADDRESS_MISMATCH,
    /** The header's session bits do not match the connection's. */
    SESSION_MISMATCH,
    /** The COMPRESSED flag is set; this engine has no compressor. */
    COMPRESSED,
    /** The CRC-32 does not match (checksums on). */
    CHECKSUM_MISMATCH,
    /** A command number 0 or above 12, a truncated command, or a payload running past the datagram. */
    MALFORMED_COMMAND,
    /** A command other than CONNECT in a datagram addressed to no peer, or CONNECT to an existing one. */
    UNEXPECTED_COMMAND,
    /** A command that the connection's state does not allow (data before the handshake completed, ...). */
    WRONG_STATE,
    /** A data command on a channel the connection does not have. */
    BAD_CHANNEL,
    /** A packet or total length above maxPacketSize. */
    PACKET_TOO_LARGE,
    /** Fragment fields that do not add up (count, number, offset, total, zero length, mismatch with the group). */
    BAD_FRAGMENT,
    /** The peer's incomplete fragmented packets would exceed maxReassemblyBytesPerPeer. */
    REASSEMBLY_LIMIT,
    /** Received packets waiting for the application would exceed the per-peer cap. */
    WAITING_DATA_LIMIT,
    /** An ACK whose echoed time lies in the future or that does not fit the handshake state. */
    BAD_ACKNOWLEDGEMENT,
    /** VERIFY_CONNECT that does not match our CONNECT (the attempt fails). */
    BAD_VERIFY_CONNECT,
    /** A CONNECT with a channel count outside 1..255. */
    CONNECT_BAD_CHANNEL_COUNT,
    /** A CONNECT while every slot is taken. */
    CONNECT_NO_FREE_SLOT,
    /** A CONNECT while maxHalfOpenConnections handshakes are already in progress. */
    CONNECT_HALF_OPEN_LIMIT,
    /** A retransmitted CONNECT for a handshake already under way (not an error, just ignored). */
    CONNECT_RETRANSMISSION,
    /** A datagram beyond the peer's incoming byte or command rate (maxIncoming...PerSecondPerPeer), dropped before parsing. */
    RATE_LIMITED,
    /** A reliable command that would exceed the peer's out-of-order cap; left unacknowledged so the sender retries. */
    OUT_OF_ORDER_LIMIT,
    /** Received data that would exceed the host-wide maxBufferedBytes budget. */
    BUFFER_BUDGET,
    /** A CONNECT from an IP address that already has maxHalfOpenPerAddress handshakes in progress. */
    CONNECT_ADDRESS_LIMIT,
    /** A handshake whose ACK came from an IP address that already has maxPeersPerAddress connected peers. */
    PEERS_PER_ADDRESS_LIMIT,
    /** A handshake in progress evicted, oldest first, to make room for a newer one. */
    HALF_OPEN_EVICTED,
    /** A datagram to a handshake in progress that does not echo the server's nonce (a blind spoofer's guess). */
    BAD_HANDSHAKE_ECHO,
    /** A VERIFY_CONNECT not sent (again) because the unproven address has not sent as many bytes as it would take. */
    REPLY_CREDIT,
    /** Commands that followed CONNECT in the same datagram (ignored: the address is not proven yet). */
    COMMANDS_AFTER_CONNECT,
    /** A local send refused because the peer's outgoing queue holds maxQueuedBytesPerPeer. */
    QUEUE_FULL,
    /** Acknowledgements waiting to be sent to one peer reached their cap. */
    ACK_QUEUE_FULL,
    /**
     * A sequenced unreliable packet (or fragment group) older than what its channel already
     * delivered, or overtaken before it was complete: ENet's normal rule, counted so losses are
     * explainable.
     */
    STALE_UNRELIABLE,
    /** An unreliable packet dropped locally by the packet throttle. */
    THROTTLED,
    /** A local send refused: no connection, bad channel, too large, or too many fragments. */
    SEND_REFUSED,
    /** An engine bug caught at the boundary so that the event loop keeps running. */
    INTERNAL_ERROR
}
