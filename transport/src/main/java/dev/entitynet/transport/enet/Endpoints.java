package dev.entitynet.transport.enet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 endpoint packed into a long, {@code (ipv4 as unsigned 32 bits) << 16 | port}, so the
 * engine can key peers by address without allocating.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /** Packs an IPv4 socket address. */
    public static long of(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (!(ip instanceof Inet4Address)) {
            throw new IllegalArgumentException("ENet endpoints are IPv4 only; got " + address
                    + " (resolve the host name to an IPv4 address first)");
        }
        byte[] b = ip.getAddress();
        int ipv4 = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        return of(ipv4, address.getPort());
    }

    /** Packs an IPv4 address (network order in an int, 127.0.0.1 = 0x7F000001) and a port 0..65535. */
    public static long of(int ipv4, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        return (ipv4 & 0xFFFF_FFFFL) << 16 | port;
    }

    /** Unpacks to a socket address; allocates, so for setup and logging only. */
    public static InetSocketAddress toAddress(long endpoint) {
        int ip = ipv4(endpoint);
        byte[] b = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(b), port(endpoint));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4-byte address rejected", e);
        }
    }

    /** The IPv4 address of a packed endpoint. */
    public static int ipv4(long endpoint) {
        return (int) (endpoint >>> 16);
    }

    /** The port of a packed endpoint. */
    public static int port(long endpoint) {
        return (int) (endpoint & 0xFFFF);
    }
}
