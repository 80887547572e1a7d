package dev.entitynet.transport.secure;

import java.util.Arrays;

import static dev.entitynet.transport.secure.TokenLayout.INT;
import static dev.entitynet.transport.secure.TokenLayout.LONG;

/**
 * A reusable view of the last token that {@link TokenValidator#validate} found {@link TokenResult#VALID}:
 * the opened private part, kept in this object's own scratch so that validation allocates nothing.
 * Its accessors throw {@link IllegalStateException} unless the last validation into it succeeded.
 * Hand it to {@link SecureDatagram#start(ValidatedToken)} to key the session, then
 * {@link #clear()} it. Not thread-safe; {@code toString} shows the client id only.
 */
public final class ValidatedToken {
    final byte[] plaintext = new byte[TokenLayout.PRIVATE_BYTES];
    private long expireTimestamp;
    private long tagLow;
    private long tagHigh;
    private boolean valid;

    /** The client id the backend put in the token. */
    public long clientId() {
        checkValid();
        return (long) LONG.get(plaintext, TokenLayout.CLIENT_ID_AT);
    }

    /** Seconds without packets after which the connection should end. */
    public int timeoutSeconds() {
        checkValid();
        return (int) INT.get(plaintext, TokenLayout.PRIVATE_TIMEOUT_AT);
    }

    /** The token's expire time, Unix seconds. */
    public long expireTimestamp() {
        checkValid();
        return expireTimestamp;
    }

    /** Copies the {@link ConnectToken#USER_DATA_BYTES} bytes of user data to {@code out[offset..]}. */
    public void copyUserData(byte[] out, int offset) {
        checkValid();
        System.arraycopy(plaintext, TokenLayout.USER_DATA_AT, out, offset, TokenLayout.USER_DATA_BYTES);
    }

    /** Overwrites the opened private part, keys included, with zeros. */
    public void clear() {
        Arrays.fill(plaintext, (byte) 0);
        valid = false;
    }

    @Override
    public String toString() {
        return valid ? "ValidatedToken[client " + clientId() + "]" : "ValidatedToken[none]";
    }

    /** Called by the validator before it looks at a new token. */
    void invalidate() {
        valid = false;
    }

    /** Called by the validator once the token passed every check. */
    void accept(long expire, byte[] request, int tagOffset) {
        expireTimestamp = expire;
        tagLow = (long) LONG.get(request, tagOffset);
        tagHigh = (long) LONG.get(request, tagOffset + 8);
        valid = true;
    }

    // The token's tag, in two halves: unique per token, and what the replay guard remembers it by.
    long tagLow() {
        checkValid();
        return tagLow;
    }

    long tagHigh() {
        checkValid();
        return tagHigh;
    }

    /** Where the client-to-server key lies in {@link #plaintext}. */
    int clientToServerKeyOffset() {
        checkValid();
        return TokenLayout.PRIVATE_KEYS_AT;
    }

    /** Where the server-to-client key lies in {@link #plaintext}. */
    int serverToClientKeyOffset() {
        checkValid();
        return TokenLayout.PRIVATE_KEYS_AT + TokenLayout.KEY_BYTES;
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("no valid token: the last validation into this view failed or it was cleared");
        }
    }
}
