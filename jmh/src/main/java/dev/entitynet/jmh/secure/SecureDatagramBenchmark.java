package dev.entitynet.jmh.secure;

import dev.entitynet.transport.secure.DatagramResult;
import dev.entitynet.transport.secure.SecureDatagram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What authenticated encryption adds per datagram: one {@link SecureDatagram} seal on the client
 * and one open on the server, next to the same seal and open done with the JDK's
 * ChaCha20-Poly1305 {@link Cipher} (same key size, nonce and AAD). Run with {@code -prof gc}:
 * ours should be ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class SecureDatagramBenchmark {
    private static final long PROTOCOL = 0x454E_5449_5459_4E45L;

    @Param({"64", "1200"})
    int payloadBytes;

    private SecureDatagram client;
    private SecureDatagram server;
    private byte[] payload;
    private byte[] datagram;

    // Two instances, as sender and receiver would have: the JDK refuses to initialise one
    // instance twice in a row with the same key and nonce, even to decrypt.
    private Cipher jdkSealer;
    private Cipher jdkOpener;
    private SecretKeySpec jdkKey;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[9];
    private byte[] sealed;
    private byte[] opened;
    private long jdkSequence;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        byte[] c2s = new byte[32];
        byte[] s2c = new byte[32];
        Arrays.fill(c2s, (byte) 1);
        Arrays.fill(s2c, (byte) 2);
        client = new SecureDatagram(PROTOCOL);
        client.start(SecureDatagram.Side.CLIENT, c2s, 0, s2c, 0);
        server = new SecureDatagram(PROTOCOL);
        server.start(SecureDatagram.Side.SERVER, c2s, 0, s2c, 0);
        payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 7);
        datagram = new byte[payloadBytes + SecureDatagram.MAX_OVERHEAD_BYTES];

        jdkSealer = Cipher.getInstance("ChaCha20-Poly1305");
        jdkOpener = Cipher.getInstance("ChaCha20-Poly1305");
        jdkKey = new SecretKeySpec(c2s, "ChaCha20");
        sealed = new byte[payloadBytes + 16];
        opened = new byte[payloadBytes];
    }

    /** Client seals, server opens and checks the replay window. */
    @Benchmark
    public int sealAndOpen() {
        int length = client.seal(1, payload, 0, payloadBytes, datagram, 0);
        if (server.open(datagram, 0, length) != DatagramResult.ACCEPTED) {
            throw new IllegalStateException("datagram refused");
        }
        return server.payloadLength();
    }

    /** The JDK cipher doing the same seal and open; it needs a new parameter spec per nonce. */
    @Benchmark
    public int jdkSealAndOpen() throws GeneralSecurityException {
        ByteBuffer.wrap(nonce).order(ByteOrder.LITTLE_ENDIAN).putLong(4, ++jdkSequence);
        jdkSealer.init(Cipher.ENCRYPT_MODE, jdkKey, new IvParameterSpec(nonce));
        jdkSealer.updateAAD(aad);
        int length = jdkSealer.doFinal(payload, 0, payloadBytes, sealed, 0);
        jdkOpener.init(Cipher.DECRYPT_MODE, jdkKey, new IvParameterSpec(nonce));
        jdkOpener.updateAAD(aad);
        return jdkOpener.doFinal(sealed, 0, length, opened, 0);
    }
}
