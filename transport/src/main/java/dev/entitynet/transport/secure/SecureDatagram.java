package dev.entitynet.transport.secure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Seals and opens the datagrams of one session with ChaCha20-Poly1305, one key per direction.
 *
 * <pre>
 * datagram = prefix (1 byte: kind &lt;&lt; 4 | n) | sequence (n = 1..8 bytes, little-endian, as few as it needs)
 *            | ciphertext | tag (16 bytes)
 * nonce    = direction (u32 LE: 0 client to server, 1 server to client) | sequence (u64 LE)
 * AAD      = prefix | protocol id (u64 LE)
 * </pre>
 *
 * The overhead is {@code 1 + n + 16} bytes: 18 for the first 256 datagrams of a session, 19 up to
 * 65,536, at most {@link #MAX_OVERHEAD_BYTES}. Every datagram a session sends has a new sequence
 * number, so a nonce is never used twice under one key; the receiver drops anything it has
 * already accepted or that is older than its {@link ReplayWindow}.
 *
 * <p>The replay window is consulted before the tag is checked, so that replayed copies cost no
 * cryptography, and it moves only for datagrams whose tag is right. A forged datagram that
 * carries a stale sequence number is therefore reported as {@link DatagramResult#TOO_OLD} or
 * {@link DatagramResult#DUPLICATE}; it is dropped either way.
 *
 * <p>Allocation-free. {@link #seal} and {@link #open} use separate state, so one thread may seal
 * while another opens; each of them alone is not thread-safe. Keys never appear in
 * {@code toString} or exception messages.
 */
public final class SecureDatagram {
    /** The tag that follows the ciphertext. */
    public static final int TAG_BYTES = ChaCha20Poly1305.TAG_BYTES;
    /** The prefix byte and the longest sequence number. */
    public static final int MAX_HEADER_BYTES = 1 + Long.BYTES;
    /** The most bytes a datagram adds to its payload. */
    public static final int MAX_OVERHEAD_BYTES = MAX_HEADER_BYTES + TAG_BYTES;
    /** Kinds are 0..15, in the prefix's high four bits. */
    public static final int MAX_KIND = 15;
    /** The shortest datagram {@link #open} considers: prefix, one sequence byte, tag. */
    public static final int MIN_DATAGRAM_BYTES = 2 + TAG_BYTES;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int CLIENT_TO_SERVER = 0;
    private static final int SERVER_TO_CLIENT = 1;
    private static final int AAD_BYTES = 1 + Long.BYTES;

    /** Which end of the session this codec is. */
    public enum Side {
        /** Seals with the client-to-server key, opens with the server-to-client key. */
        CLIENT,
        /** Seals with the server-to-client key, opens with the client-to-server key. */
        SERVER
    }

    private final ChaCha20Poly1305 sender = new ChaCha20Poly1305();
    private final byte[] sendNonce = new byte[ChaCha20Poly1305.NONCE_BYTES];
    private final byte[] sendAad = new byte[AAD_BYTES];
    private long nextSequence;

    private final ChaCha20Poly1305 receiver = new ChaCha20Poly1305();
    private final byte[] receiveNonce = new byte[ChaCha20Poly1305.NONCE_BYTES];
    private final byte[] receiveAad = new byte[AAD_BYTES];
    private final ReplayWindow window = new ReplayWindow();
    private int kind;
    private long sequence;
    private int payloadOffset;
    private int payloadLength;

    private boolean started;

    /** A codec for one session of the protocol {@code protocolId}; {@link #start} gives it its keys. */
    public SecureDatagram(long protocolId) {
        LONG.set(sendAad, 1, protocolId);
        LONG.set(receiveAad, 1, protocolId);
    }

    /**
     * Starts a session: sequence numbers from 0, an empty replay window, and the two 32-byte keys
     * (copied) at {@code clientToServerKey[c2sOffset..]} and {@code serverToClientKey[s2cOffset..]}.
     * A codec can be started again for a new session without allocating.
     */
    public void start(Side side, byte[] clientToServerKey, int c2sOffset, byte[] serverToClientKey, int s2cOffset) {
        boolean client = side == Side.CLIENT;
        sender.setKey(client ? clientToServerKey : serverToClientKey, client ? c2sOffset : s2cOffset);
        receiver.setKey(client ? serverToClientKey : clientToServerKey, client ? s2cOffset : c2sOffset);
        INT.set(sendNonce, 0, client ? CLIENT_TO_SERVER : SERVER_TO_CLIENT);
        INT.set(receiveNonce, 0, client ? SERVER_TO_CLIENT : CLIENT_TO_SERVER);
        nextSequence = 0;
        window.reset();
        started = true;
    }

    /** Starts the server's end of the session whose keys {@code token} carries (it must be valid). */
    public void start(ValidatedToken token) {
        start(Side.SERVER, token.plaintext, token.clientToServerKeyOffset(), token.plaintext, token.serverToClientKeyOffset());
    }

    /** Ends the session: the keys are overwritten and the codec refuses to seal or open until started again. */
    public void stop() {
        sender.clear();
        receiver.clear();
        window.reset();
        started = false;
    }

    /**
     * Writes the datagram for {@code payloadLength} bytes of {@code payload} to {@code out}. The
     * payload may already sit in {@code out}, at least {@link #MAX_HEADER_BYTES} after
     * {@code outOffset} (then it is sealed in place and moved forward over the unused header
     * room); otherwise the two ranges must not overlap.
     *
     * @param kind 0..{@link #MAX_KIND}, authenticated with the datagram and reported by {@link #kind()} on the other side
     * @return the datagram's length, {@code payloadLength} plus 18..25
     * @throws IllegalStateException when the codec is not started, or after 2^64 - 1 datagrams
     */
    public int seal(int kind, byte[] payload, int payloadOffset, int payloadLength, byte[] out, int outOffset) {
        if (!started) {
            throw new IllegalStateException("seal before start");
        }
        if (kind < 0 || kind > MAX_KIND) {
            throw new IllegalArgumentException("kind " + kind + " is not in 0.." + MAX_KIND);
        }
        if (nextSequence == -1L) {
            // One more would reuse nonce 0 under the same key.
            throw new IllegalStateException("sequence numbers exhausted: start a new session");
        }
        long sequenceNumber = nextSequence;
        int sequenceBytes = sequenceBytes(sequenceNumber);
        int headerLength = 1 + sequenceBytes;
        Objects.checkFromIndexSize(payloadOffset, payloadLength, payload.length);
        int datagramLength = headerLength + payloadLength + TAG_BYTES;
        Objects.checkFromIndexSize(outOffset, datagramLength, out.length);
        boolean overlapping = payload == out && payloadOffset < outOffset + datagramLength && outOffset < payloadOffset + payloadLength;
        if (overlapping && payloadOffset < outOffset + MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("payload at " + payloadOffset + " overlaps the datagram at " + outOffset
                    + " without " + MAX_HEADER_BYTES + " bytes of header room in front of it");
        }
        nextSequence++;
        byte prefix = (byte) (kind << 4 | sequenceBytes);
        out[outOffset] = prefix;
        for (int i = 0; i < sequenceBytes; i++) {
            out[outOffset + 1 + i] = (byte) (sequenceNumber >>> (8 * i));
        }
        sendAad[0] = prefix;
        LONG.set(sendNonce, 4, sequenceNumber);
        return headerLength + sender.seal(sendNonce, 0, sendAad, 0, AAD_BYTES,
                payload, payloadOffset, payloadLength, out, outOffset + headerLength);
    }

    /**
     * Checks and decrypts a received datagram in place. On {@link DatagramResult#ACCEPTED} the
     * plaintext is at {@link #payloadOffset()} for {@link #payloadLength()} bytes, and
     * {@link #kind()} and {@link #sequence()} describe it until the next call; on any other
     * result the datagram's bytes are untouched. Never throws for what the bytes contain.
     *
     * @throws IllegalStateException when the codec is not started
     */
    public DatagramResult open(byte[] datagram, int offset, int length) {
        if (!started) {
            throw new IllegalStateException("open before start");
        }
        Objects.checkFromIndexSize(offset, length, datagram.length);
        if (length < MIN_DATAGRAM_BYTES) {
            return DatagramResult.TOO_SHORT;
        }
        int prefix = datagram[offset] & 0xFF;
        int sequenceBytes = prefix & 0x0F;
        if (sequenceBytes < 1 || sequenceBytes > Long.BYTES) {
            return DatagramResult.BAD_PREFIX;
        }
        int headerLength = 1 + sequenceBytes;
        if (length < headerLength + TAG_BYTES) {
            return DatagramResult.TOO_SHORT;
        }
        long sequenceNumber = 0;
        for (int i = 0; i < sequenceBytes; i++) {
            sequenceNumber |= (datagram[offset + 1 + i] & 0xFFL) << (8 * i);
        }
        if (sequenceBytes(sequenceNumber) != sequenceBytes) {
            return DatagramResult.BAD_SEQUENCE;
        }
        if (window.isTooOld(sequenceNumber)) {
            return DatagramResult.TOO_OLD;
        }
        if (window.isDuplicate(sequenceNumber)) {
            return DatagramResult.DUPLICATE;
        }
        receiveAad[0] = (byte) prefix;
        LONG.set(receiveNonce, 4, sequenceNumber);
        int body = offset + headerLength;
        if (!receiver.open(receiveNonce, 0, receiveAad, 0, AAD_BYTES, datagram, body, length - headerLength, datagram, body)) {
            return DatagramResult.BAD_TAG;
        }
        window.markReceived(sequenceNumber);
        kind = prefix >>> 4;
        sequence = sequenceNumber;
        payloadOffset = body;
        payloadLength = length - headerLength - TAG_BYTES;
        return DatagramResult.ACCEPTED;
    }

    /** Makes the next datagram use {@code sequence}: lets tests reach long sequence numbers without sending them all. */
    void skipTo(long sequence) {
        nextSequence = sequence;
    }

    /** The kind of the last accepted datagram. */
    public int kind() {
        return kind;
    }

    /** The sequence number of the last accepted datagram. */
    public long sequence() {
        return sequence;
    }

    /** Where the last accepted datagram's plaintext starts, in the array given to {@link #open}. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** The plaintext length of the last accepted datagram. */
    public int payloadLength() {
        return payloadLength;
    }

    /** How many bytes {@code sequence} takes: 1..8, as few as hold it (0 takes 1). */
    private static int sequenceBytes(long sequence) {
        return Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(sequence) + 7) / 8);
    }
}
