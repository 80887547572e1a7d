package dev.entitynet.transport.enet.echo;

/**
 * What an {@link EchoClient} run saw.
 *
 * @param reliableSent reliable packets sent
 * @param reliableEchoed reliable echoes received intact
 * @param unreliableSent unreliable packets (all three kinds) sent
 * @param unreliableEchoed unreliable echoes received intact
 * @param orderHeld reliable echoes came in send order per channel and sequenced ones never went backwards
 * @param corrupt echoes that were not byte for byte a packet of the workload, or came on the wrong channel or kind
 * @param disconnected the run ended with a completed disconnect
 * @param disconnectData the data of that disconnect event
 */
public record EchoReport(int reliableSent, int reliableEchoed, int unreliableSent, int unreliableEchoed, boolean orderHeld,
                         int corrupt, boolean disconnected, int disconnectData) {
    /** All reliable echoes back, at least 90% of unreliable ones, order held, nothing corrupt, disconnect done. */
    public boolean ok() {
        return corrupt == 0 && orderHeld && reliableEchoed == reliableSent && unreliableEchoed * 10L >= unreliableSent * 9L
                && disconnected;
    }

    /** One line for people. */
    public String summary() {
        return (ok() ? "OK" : "FAILED") + " reliable=" + reliableEchoed + "/" + reliableSent + " unreliable=" + unreliableEchoed
                + "/" + unreliableSent + " order=" + (orderHeld ? "held" : "BROKEN") + " corrupt=" + corrupt
                + " disconnect=" + (disconnected ? "done data=" + disconnectData : "MISSING");
    }
}
