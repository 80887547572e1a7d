/* A libenet load generator for bench/enet-compare.sh. One libenet host (one UDP socket, so one
 * address and port) opens <peers> connections to an echo server, all CONNECTs at once, and waits
 * up to 10 s for them.
 *
 * Echo mode (the default): every peer keeps <window> reliable packets of <size> bytes in flight;
 * echoes are counted for <seconds> after a 1 s warm-up.
 * Idle mode (--idle): the peers send nothing; the host only services them for <seconds>, so the
 * only traffic is ENet's keep-alive (each side pings a peer it has not heard from for 500 ms).
 *
 * Usage: enet_load <host> <port> <seconds> <window> <size> [--peers N] [--idle]
 * Prints "CONNECTED <n> OF <peers> IN <ms> MS", then "MSGS_PER_SEC <echoes per second>" (echo
 * mode) or "IDLE <peers still connected at the end>" (idle mode). Exits 1 when not every peer
 * connected or one was disconnected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <enet/enet.h>

#define CONNECT_MILLIS 10000

static unsigned char *payload;
static size_t size;

/* The payload is never changed, so packets point at it instead of copying it (the client's cost
 * per message should be as small as libenet allows: it measures the server). */
static void send_one(ENetPeer *peer) {
    enet_peer_send(peer, 0, enet_packet_create(payload, size, ENET_PACKET_FLAG_RELIABLE | ENET_PACKET_FLAG_NO_ALLOCATE));
}

/* Connects every peer; returns how many connected within CONNECT_MILLIS. */
static long connect_all(ENetHost *host, ENetAddress *address, ENetPeer **peers, long count) {
    for (long i = 0; i < count; i++) {
        peers[i] = enet_host_connect(host, address, 2, 0);
        if (peers[i] == NULL) return 0;
    }
    ENetEvent event;
    long connected = 0;
    enet_uint32 start = enet_time_get();
    while (connected < count && enet_time_get() - start < CONNECT_MILLIS) {
        int r = enet_host_service(host, &event, 10);
        while (r > 0) {
            if (event.type == ENET_EVENT_TYPE_CONNECT) {
                connected++;
            } else if (event.type == ENET_EVENT_TYPE_DISCONNECT) {
                fprintf(stderr, "a peer was refused or timed out while connecting\n");
                return connected;
            }
            r = enet_host_check_events(host, &event);
        }
    }
    printf("CONNECTED %ld OF %ld IN %u MS\n", connected, count, enet_time_get() - start);
    fflush(stdout);
    return connected;
}

static int echo(ENetHost *host, ENetPeer **peers, long count, long seconds, long window) {
    long *inFlight = calloc((size_t) count, sizeof(long));
    long counted = 0;
    enet_uint32 measureFrom = enet_time_get() + 1000;
    enet_uint32 measureTo = measureFrom + (enet_uint32) (seconds * 1000);
    ENetEvent event;
    for (;;) {
        if (enet_time_get() >= measureTo) break;
        for (long i = 0; i < count; i++) {
            for (; inFlight[i] < window; inFlight[i]++) send_one(peers[i]);
        }
        int r = enet_host_service(host, &event, 1);
        while (r > 0) {
            if (event.type == ENET_EVENT_TYPE_RECEIVE) {
                inFlight[event.peer - host->peers]--;
                if (enet_time_get() >= measureFrom) counted++;
                enet_packet_destroy(event.packet);
            } else if (event.type == ENET_EVENT_TYPE_DISCONNECT) {
                fprintf(stderr, "disconnected\n");
                return 1;
            }
            r = enet_host_check_events(host, &event);
        }
    }
    printf("MSGS_PER_SEC %.0f\n", counted / (double) seconds);
    return 0;
}

static int idle(ENetHost *host, long count, long seconds) {
    long connected = count;
    ENetEvent event;
    enet_uint32 end = enet_time_get() + (enet_uint32) (seconds * 1000);
    while (enet_time_get() < end) {
        int r = enet_host_service(host, &event, 100);
        while (r > 0) {
            if (event.type == ENET_EVENT_TYPE_DISCONNECT) connected--;
            if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
            r = enet_host_check_events(host, &event);
        }
    }
    printf("IDLE %ld\n", connected);
    return connected == count ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s host port seconds window size [--peers N] [--idle]\n", argv[0]);
        return 2;
    }
    long seconds = atol(argv[3]);
    long window = atol(argv[4]);
    size = (size_t) atol(argv[5]);
    long count = 1;
    int idleMode = 0;
    for (int i = 6; i < argc; i++) {
        if (strcmp(argv[i], "--peers") == 0 && i + 1 < argc) {
            count = atol(argv[++i]);
        } else if (strcmp(argv[i], "--idle") == 0) {
            idleMode = 1;
        } else {
            fprintf(stderr, "unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    if (count < 1 || count > ENET_PROTOCOL_MAXIMUM_PEER_ID) {
        fprintf(stderr, "--peers must be 1..%d\n", ENET_PROTOCOL_MAXIMUM_PEER_ID);
        return 2;
    }
    if (enet_initialize() != 0) return 3;
    ENetHost *host = enet_host_create(NULL, (size_t) count, 2, 0, 0);
    if (host == NULL) return 3;
    enet_socket_set_option(host->socket, ENET_SOCKOPT_RCVBUF, 8 * 1024 * 1024);
    enet_socket_set_option(host->socket, ENET_SOCKOPT_SNDBUF, 8 * 1024 * 1024);
    ENetAddress address;
    enet_address_set_host(&address, argv[1]);
    address.port = (enet_uint16) atoi(argv[2]);
    payload = calloc(1, size > 0 ? size : 1);
    ENetPeer **peers = calloc((size_t) count, sizeof(ENetPeer *));
    if (connect_all(host, &address, peers, count) < count) {
        fprintf(stderr, "not every peer connected\n");
        return 1;
    }
    int result = idleMode ? idle(host, count, seconds) : echo(host, peers, count, seconds, window);
    for (long i = 0; i < count; i++) enet_peer_disconnect_now(peers[i], 0);
    enet_host_destroy(host);
    return result;
}
