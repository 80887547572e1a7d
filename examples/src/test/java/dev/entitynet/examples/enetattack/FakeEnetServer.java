package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.enetattack.wire.AcknowledgeCommand;
import dev.entitynet.examples.enetattack.wire.CommandCursor;
import dev.entitynet.examples.enetattack.wire.ConnectCommand;
import dev.entitynet.examples.enetattack.wire.Header;
import dev.entitynet.examples.enetattack.wire.SendFragmentCommand;
import dev.entitynet.examples.enetattack.wire.SendReliableCommand;
import dev.entitynet.examples.enetattack.wire.SendUnsequencedCommand;
import dev.entitynet.examples.enetattack.wire.VerifyConnectCommand;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately simple ENet "server" on loopback whose behaviour a test chooses, so the attack
 * tool's measurements can be checked against known answers: a reflector that answers every
 * CONNECT with a fixed number of datagrams of a fixed size, or an echo server that either accepts
 * any acknowledgement of VERIFY_CONNECT (blind-spoofable) or only one echoing its nonce, and that
 * either delivers fragment groups however their pieces cover them with a planted byte in the gaps
 * (a leaking server) or only groups whose pieces tile them.
 */
final class FakeEnetServer implements AutoCloseable {
    /** The byte a leaking fake leaves in reassembly buffers, standing in for another session's data. */
    static final byte PLANTED = (byte) 0xA5;
    private static final int NONCE_SEQUENCE = 0x5A5A;
    private static final int NONCE_TIME = 0x1234;

    private final DatagramChannel channel;
    private final Thread thread;
    private final int replies;
    private final int replyBytes;
    private final boolean anyAck;
    private final boolean leaky;
    private final Map<SocketAddress, FakePeer> peers = new HashMap<>();
    private final ByteBuffer in = ByteBuffer.allocate(65536);
    private final ByteBuffer out = ByteBuffer.allocate(4096);
    private final CommandCursor cursor = new CommandCursor();

    private FakeEnetServer(int replies, int replyBytes, boolean anyAck, boolean leaky) throws IOException {
        this.replies = replies;
        this.replyBytes = replyBytes;
        this.anyAck = anyAck;
        this.leaky = leaky;
        this.channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        this.thread = new Thread(this::serve, "fake-enet-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers each CONNECT with {@code replies} datagrams of {@code replyBytes} bytes, at once, and does nothing else. */
    static FakeEnetServer reflector(int replies, int replyBytes) throws IOException {
        return new FakeEnetServer(replies, replyBytes, false, false);
    }

    /**
     * An echo server.
     *
     * @param anyAck accept any acknowledgement of VERIFY_CONNECT (else only one echoing its nonce)
     * @param leaky deliver fragment groups once their piece count is reached, gaps holding {@link #PLANTED}
     *     (else deliver only groups whose pieces tile them)
     */
    static FakeEnetServer echo(boolean anyAck, boolean leaky) throws IOException {
        return new FakeEnetServer(0, 0, anyAck, leaky);
    }

    /** Where it listens. */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** The attack arguments that point at it. */
    String[] target(String attack, String... options) throws IOException {
        String[] args = new String[options.length + 5];
        args[0] = attack;
        args[1] = "--port";
        args[2] = Integer.toString(address().getPort());
        args[3] = "--seed";
        args[4] = "42";
        System.arraycopy(options, 0, args, 5, options.length);
        return args;
    }

    private void serve() {
        try {
            while (true) {
                in.clear();
                SocketAddress from = channel.receive(in);
                in.flip();
                Header header = Header.read(in);
                if (header != null) {
                    handle(from, header);
                }
            }
        } catch (ClosedChannelException e) {
            // closed: done
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(SocketAddress from, Header header) throws IOException {
        cursor.reset(in, header);
        FakePeer peer = peers.get(from);
        while (cursor.next()) {
            int number = cursor.number();
            if (header.peerId() == Protocol.MAXIMUM_PEER_ID) {
                if (number == Protocol.CONNECT) {
                    connect(from, ConnectCommand.read(in, cursor.at()));
                }
                return;
            }
            if (peer == null || header.peerId() != peer.id) {
                return;
            }
            if (!peer.connected) {
                if (number == Protocol.ACKNOWLEDGE && acceptable(AcknowledgeCommand.read(in, cursor.at()))) {
                    peer.connected = true;
                }
                continue;
            }
            if (cursor.acknowledgeRequested() && header.sentTime() != Header.NO_SENT_TIME) {
                begin(peer, Header.NO_SENT_TIME);
                new AcknowledgeCommand(cursor.channel(), cursor.sequence(), header.sentTime()).write(out);
                send(from);
            }
            switch (number) {
                case Protocol.SEND_RELIABLE -> echo(from, peer, cursor.channel(), copy(cursor.payloadAt(), cursor.payloadLength()));
                case Protocol.SEND_UNSEQUENCED -> {
                    byte[] payload = copy(cursor.payloadAt(), cursor.payloadLength());
                    begin(peer, Header.NO_SENT_TIME);
                    SendUnsequencedCommand.write(out, cursor.channel(), ++peer.group, payload, 0, payload.length);
                    send(from);
                }
                case Protocol.SEND_FRAGMENT -> fragment(from, peer, SendFragmentCommand.read(in, cursor.at()));
                case Protocol.DISCONNECT -> peers.remove(from);
                default -> {
                }
            }
        }
    }

    private boolean acceptable(AcknowledgeCommand ack) {
        return ack.channel() == Protocol.SYSTEM_CHANNEL
                && (anyAck || ack.sequence() == NONCE_SEQUENCE && ack.receivedSentTime() == NONCE_TIME);
    }

    private void connect(SocketAddress from, ConnectCommand connect) throws IOException {
        if (replies > 0) {
            for (int i = 0; i < replies; i++) {
                out.clear();
                out.put(new byte[replyBytes]);
                send(from);
            }
            return;
        }
        FakePeer peer = peers.computeIfAbsent(from, a -> new FakePeer(peers.size(), connect.outgoingPeerId()));
        out.clear();
        Header.write(out, peer.remoteId, 0, NONCE_TIME);
        new VerifyConnectCommand(peer.id, 0, 0, 1400, 65536, connect.channelCount(), ConnectCommand.THROTTLE_INTERVAL, 2, 2,
                connect.connectId()).write(out, anyAck ? 1 : NONCE_SEQUENCE);
        send(from);
    }

    private void fragment(SocketAddress from, FakePeer peer, SendFragmentCommand f) throws IOException {
        Group group = peer.groups.computeIfAbsent(f.channel() << 16 | f.startSequence(), k -> new Group(f.totalLength(), leaky));
        int length = cursor.payloadLength();
        if (f.fragmentOffset() + length > group.data.length || group.seen[f.fragmentNumber() % group.seen.length]) {
            return;
        }
        group.seen[f.fragmentNumber() % group.seen.length] = true;
        in.get(cursor.payloadAt(), group.data, f.fragmentOffset(), length);
        Arrays.fill(group.covered, f.fragmentOffset(), f.fragmentOffset() + length, true);
        if (++group.pieces == f.fragmentCount()) {
            peer.groups.remove(f.channel() << 16 | f.startSequence());
            boolean tiled = true;
            for (boolean c : group.covered) {
                tiled &= c;
            }
            if (leaky || tiled) {
                echo(from, peer, f.channel(), group.data);
            }
        }
    }

    private void echo(SocketAddress to, FakePeer peer, int channel, byte[] payload) throws IOException {
        begin(peer, NONCE_TIME);
        SendReliableCommand.write(out, channel, ++peer.sequence, payload, 0, payload.length);
        send(to);
    }

    private byte[] copy(int at, int length) {
        byte[] b = new byte[length];
        in.get(at, b);
        return b;
    }

    private void begin(FakePeer peer, int sentTime) {
        out.clear();
        Header.write(out, peer.remoteId, 0, sentTime);
    }

    private void send(SocketAddress to) throws IOException {
        out.flip();
        channel.send(out, to);
    }

    @Override
    public void close() throws Exception {
        channel.close();
        thread.join(2000);
    }

    /** One client as the fake knows it. */
    private static final class FakePeer {
        final int id;
        final int remoteId;
        final Map<Integer, Group> groups = new HashMap<>();
        boolean connected;
        int sequence;
        int group;

        FakePeer(int id, int remoteId) {
            this.id = id;
            this.remoteId = remoteId;
        }
    }

    /** A fragment group being reassembled. */
    private static final class Group {
        final byte[] data;
        final boolean[] covered;
        final boolean[] seen = new boolean[64];
        int pieces;

        Group(int total, boolean leaky) {
            data = new byte[total];
            covered = new boolean[total];
            if (leaky) {
                Arrays.fill(data, PLANTED);
            }
        }
    }
}
