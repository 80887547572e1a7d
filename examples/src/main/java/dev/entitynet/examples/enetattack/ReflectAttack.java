package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.net.SourceSet;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.wire.CommandCursor;
import dev.entitynet.examples.enetattack.wire.ConnectCommand;
import dev.entitynet.examples.enetattack.wire.DisconnectCommand;
import dev.entitynet.examples.enetattack.wire.Header;
import dev.entitynet.examples.enetattack.wire.VerifyConnectCommand;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Reflection: one spoofed CONNECT from each of many sources, then counts every byte the server
 * sends to those sources (VERIFY_CONNECT and its retransmissions) for a few seconds. Bytes out /
 * bytes in is the amplification an attacker gets by forging a victim's address. The sources never
 * answer. Afterwards each answered source sends an unreliable DISCONNECT (not counted) so a
 * server that kept a slot for it frees the slot.
 */
final class ReflectAttack implements Attack {
    static final int BLOCK = 20;

    @Override
    public String name() {
        return "reflect";
    }

    @Override
    public String usage() {
        return "[--sources 32] [--seconds 8]";
    }

    @Override
    public Set<String> options() {
        return Set.of("sources", "seconds");
    }

    @Override
    public Results run(Target target, Arguments a) {
        int sourceCount = a.intValue("sources", 32);
        long millis = (long) (a.doubleValue("seconds", 8) * 1000);
        Results results = new Results(name());
        VerifyConnectCommand[] verifies = new VerifyConnectCommand[sourceCount];
        CommandCursor cursor = new CommandCursor();
        try (SourceSet sources = SourceSet.bind(BLOCK, sourceCount, target.server())) {
            ByteBuffer out = ByteBuffer.allocate(ConnectCommand.DATAGRAM_SIZE);
            for (int i = 0; i < sourceCount; i++) {
                out.clear();
                Header.write(out, Protocol.MAXIMUM_PEER_ID, 0, MilliClock.sentTime());
                ConnectCommand.fresh(0, target.channels(), target.random().nextInt()).write(out, 1);
                sources.source(i).send(out.flip());
            }
            long end = MilliClock.millis() + millis;
            for (long now = MilliClock.millis(); now < end; now = MilliClock.millis()) {
                sources.drain(end - now, (source, datagram) -> {
                    Header header = Header.read(datagram);
                    if (header == null) {
                        return;
                    }
                    cursor.reset(datagram, header);
                    while (cursor.next()) {
                        if (cursor.number() == Protocol.VERIFY_CONNECT && verifies[source] == null) {
                            verifies[source] = VerifyConnectCommand.read(datagram, cursor.at());
                        }
                    }
                });
            }
            long in = sources.totalBytesSent();
            long outBytes = sources.totalBytesReceived();
            int answered = 0;
            int maxDatagrams = 0;
            long datagrams = 0;
            for (int i = 0; i < sourceCount; i++) {
                answered += sources.datagramsReceived(i) > 0 ? 1 : 0;
                maxDatagrams = Math.max(maxDatagrams, sources.datagramsReceived(i));
                datagrams += sources.datagramsReceived(i);
            }
            results.put("sources", sourceCount)
                    .put("seconds", millis / 1000.0)
                    .put("connect_bytes", ConnectCommand.DATAGRAM_SIZE)
                    .put("bytes_in", in)
                    .put("bytes_out", outBytes)
                    .put("datagrams_out", datagrams)
                    .put("sources_answered", answered)
                    .put("max_datagrams_per_source", maxDatagrams)
                    .put("largest_reply_bytes", sources.largestDatagram())
                    .put("amplification", in == 0 ? 0.0 : outBytes / (double) in);
            releaseSlots(sources, verifies);
        }
        return results;
    }

    private static void releaseSlots(SourceSet sources, VerifyConnectCommand[] verifies) {
        ByteBuffer disconnect = ByteBuffer.allocate(Protocol.SHORT_HEADER_SIZE + DisconnectCommand.SIZE);
        for (int i = 0; i < verifies.length; i++) {
            if (verifies[i] != null) {
                disconnect.clear();
                Header.write(disconnect, verifies[i].outgoingPeerId(), verifies[i].outgoingSession(), Header.NO_SENT_TIME);
                DisconnectCommand.write(disconnect, 2, 0, false);
                sources.source(i).send(disconnect.flip());
            }
        }
    }
}
