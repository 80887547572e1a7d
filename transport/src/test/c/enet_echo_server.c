/* A libenet echo server: every packet goes back to its sender on the same channel with the flags
 * it arrived with. A reliable packet "BYE" makes it disconnect that peer gracefully with data 77.
 * Usage: enet_echo_server <port|0> <peerLimit> <channelLimit>
 * Prints "PORT <n>", then one line per connect/disconnect, and runs until killed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <enet/enet.h>
#include "echo_workload.h"

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s port peers channels\n", argv[0]);
        return 2;
    }
    if (enet_initialize() != 0) return 3;
    ENetAddress address;
    address.host = ENET_HOST_ANY;
    address.port = (enet_uint16) atoi(argv[1]);
    ENetHost *host = enet_host_create(&address, (size_t) atoi(argv[2]), (size_t) atoi(argv[3]), 0, 0);
    if (host == NULL) {
        fprintf(stderr, "enet_host_create failed\n");
        return 4;
    }
    wl_size_socket_buffers(host);
    ENetAddress bound;
    enet_socket_get_address(host->socket, &bound);
    printf("PORT %u\n", bound.port);
    fflush(stdout);
    unsigned long echoed = 0;
    for (;;) {
        ENetEvent event;
        int r = enet_host_service(host, &event, 5);
        if (r < 0) {
            fprintf(stderr, "enet_host_service failed\n");
            return 5;
        }
        while (r > 0) {
            switch (event.type) {
                case ENET_EVENT_TYPE_CONNECT:
                    printf("CONNECT data=%u channels=%zu\n", event.data, event.peer->channelCount);
                    fflush(stdout);
                    break;
                case ENET_EVENT_TYPE_DISCONNECT:
                    printf("DISCONNECT data=%u echoed=%lu\n", event.data, echoed);
                    fflush(stdout);
                    break;
                case ENET_EVENT_TYPE_RECEIVE: {
                    ENetPacket *in = event.packet;
                    if ((in->flags & ENET_PACKET_FLAG_RELIABLE) && in->dataLength == 3 && memcmp(in->data, "BYE", 3) == 0) {
                        enet_peer_disconnect(event.peer, 77);
                    } else {
                        enet_uint32 flags = in->flags & (ENET_PACKET_FLAG_RELIABLE | ENET_PACKET_FLAG_UNSEQUENCED
                                                         | ENET_PACKET_FLAG_UNRELIABLE_FRAGMENT);
                        ENetPacket *out = enet_packet_create(in->data, in->dataLength, flags);
                        if (enet_peer_send(event.peer, event.channelID, out) != 0) enet_packet_destroy(out);
                        echoed++;
                    }
                    enet_packet_destroy(in);
                    break;
                }
                default:
                    break;
            }
            r = enet_host_check_events(host, &event);
        }
        enet_host_flush(host);
    }
}
