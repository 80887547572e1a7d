/* A libenet load generator for bench/enet-compare.sh: one client keeps <window> reliable packets
 * of <size> bytes in flight to an echo server and counts echoes for <seconds> after a 1 s warm-up.
 * Usage: enet_load <host> <port> <seconds> <window> <size>
 * Prints "MSGS_PER_SEC <echoes per second>". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <enet/enet.h>

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s host port seconds window size\n", argv[0]);
        return 2;
    }
    long seconds = atol(argv[3]);
    long window = atol(argv[4]);
    size_t size = (size_t) atol(argv[5]);
    if (enet_initialize() != 0) return 3;
    ENetHost *host = enet_host_create(NULL, 1, 2, 0, 0);
    ENetAddress address;
    enet_address_set_host(&address, argv[1]);
    address.port = (enet_uint16) atoi(argv[2]);
    ENetPeer *peer = enet_host_connect(host, &address, 2, 0);
    ENetEvent event;
    enet_uint32 start = enet_time_get();
    int connected = 0;
    while (!connected && enet_time_get() - start < 10000) {
        if (enet_host_service(host, &event, 10) > 0 && event.type == ENET_EVENT_TYPE_CONNECT) connected = 1;
    }
    if (!connected) {
        fprintf(stderr, "could not connect\n");
        return 1;
    }
    unsigned char *payload = calloc(1, size);
    long inFlight = 0, counted = 0;
    enet_uint32 begin = enet_time_get();
    enet_uint32 measureFrom = begin + 1000;
    enet_uint32 measureTo = measureFrom + (enet_uint32) (seconds * 1000);
    for (;;) {
        enet_uint32 now = enet_time_get();
        if (now >= measureTo) break;
        while (inFlight < window) {
            enet_peer_send(peer, 0, enet_packet_create(payload, size, ENET_PACKET_FLAG_RELIABLE));
            inFlight++;
        }
        enet_host_flush(host);
        int r = enet_host_service(host, &event, 1);
        while (r > 0) {
            if (event.type == ENET_EVENT_TYPE_RECEIVE) {
                inFlight--;
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
    enet_peer_disconnect_now(peer, 0);
    enet_host_destroy(host);
    return 0;
}
