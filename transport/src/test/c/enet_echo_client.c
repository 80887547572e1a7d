/* A libenet client that runs the echo workload (echo_workload.h) against an echo server and checks
 * every echo byte for byte, reliable order per channel and sequenced order per channel.
 * Usage: enet_echo_client <host> <port> <channels> <count> <end>
 *   end = graceful: disconnect gracefully at the end and wait for the DISCONNECT event
 *         await:    send a reliable "BYE" and wait until the server disconnects us (prints its data)
 *         hang:     after connecting, print CONNECTED and keep servicing until killed
 * Prints "RESULT ok=<0|1> reliable=<got>/<sent> unreliable=<got>/<sent> order=<0|1> disconnect=<0|1> data=<n>"
 * and exits 0 only when ok=1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <enet/enet.h>
#include "echo_workload.h"

#define MAX_CHANNELS 255

static long now_ms(void) {
    return (long) enet_time_get();
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s host port channels count graceful|await|hang\n", argv[0]);
        return 2;
    }
    int channels = atoi(argv[3]);
    uint32_t count = (uint32_t) atol(argv[4]);
    const char *end = argv[5];
    if (enet_initialize() != 0) return 3;
    ENetHost *host = enet_host_create(NULL, 1, (size_t) channels, 0, 0);
    if (host == NULL) return 4;
    wl_size_socket_buffers(host);
    ENetAddress address;
    enet_address_set_host(&address, argv[1]);
    address.port = (enet_uint16) atoi(argv[2]);
    ENetPeer *peer = enet_host_connect(host, &address, (size_t) channels, 4242);
    ENetEvent event;
    int connected = 0;
    long deadline = now_ms() + 10000;
    while (!connected && now_ms() < deadline) {
        if (enet_host_service(host, &event, 10) > 0) {
            if (event.type == ENET_EVENT_TYPE_CONNECT) connected = 1;
            else if (event.type == ENET_EVENT_TYPE_DISCONNECT) break;
            else if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
        }
    }
    if (!connected) {
        printf("RESULT ok=0 connect failed\n");
        return 1;
    }
    /* Deceleration 0 keeps ENet's packet throttle at its maximum on both ends (THROTTLE_CONFIGURE
       tells the server too): the 1 MiB reliable packets of the workload inflate the loopback RTT
       variance, and a throttle reacting to that would shed unreliable packets in a test that is about
       delivering every kind, not about congestion control. */
    enet_peer_throttle_configure(peer, 5000, 2, 0);
    printf("CONNECTED\n");
    fflush(stdout);
    if (strcmp(end, "hang") == 0) {
        for (;;) {
            if (enet_host_service(host, &event, 100) > 0 && event.type == ENET_EVENT_TYPE_RECEIVE) {
                enet_packet_destroy(event.packet);
            }
        }
    }

    uint32_t reliableSent = 0, unreliableSent = 0, reliableGot = 0, unreliableGot = 0;
    int orderOk = 1, corrupt = 0;
    int64_t lastReliable[MAX_CHANNELS], lastSequenced[MAX_CHANNELS];
    for (int c = 0; c < MAX_CHANNELS; c++) { lastReliable[c] = -1; lastSequenced[c] = -1; }
    uint8_t *buffer = malloc(1048576);
    uint32_t next = 0;
    int disconnected = 0;
    enet_uint32 disconnectData = 0;
    deadline = now_ms() + 60000;
    long settleUntil = -1;
    while (now_ms() < deadline && !disconnected) {
        for (int burst = 0; burst < 32 && next < count; burst++, next++) {
            wl_fill(next, buffer);
            ENetPacket *p = enet_packet_create(buffer, wl_size(next), wl_flags(next));
            if (enet_peer_send(peer, (enet_uint8) wl_channel(next, channels), p) != 0) {
                enet_packet_destroy(p);
                printf("RESULT ok=0 send failed at %u\n", next);
                return 1;
            }
            if (wl_is_reliable(next)) reliableSent++; else unreliableSent++;
        }
        int r = enet_host_service(host, &event, 1);
        while (r > 0) {
            if (event.type == ENET_EVENT_TYPE_RECEIVE) {
                int64_t i = wl_check(event.packet->data, event.packet->dataLength);
                if (i < 0 || !wl_flags_match((uint32_t) i, event.packet->flags)
                        || event.channelID != wl_channel((uint32_t) i, channels)) {
                    corrupt++;
                } else if (wl_is_reliable((uint32_t) i)) {
                    /* the next reliable on this channel after the last one */
                    int64_t expect = lastReliable[event.channelID] + 1;
                    while (expect < (int64_t) count && (!wl_is_reliable((uint32_t) expect)
                            || wl_channel((uint32_t) expect, channels) != event.channelID)) expect++;
                    if (i != expect) orderOk = 0;
                    lastReliable[event.channelID] = i;
                    reliableGot++;
                } else {
                    if (wl_kind((uint32_t) i) != KIND_UNSEQUENCED) {
                        if (i <= lastSequenced[event.channelID]) orderOk = 0;
                        lastSequenced[event.channelID] = i;
                    }
                    unreliableGot++;
                }
                enet_packet_destroy(event.packet);
            } else if (event.type == ENET_EVENT_TYPE_DISCONNECT) {
                disconnected = 1;
                disconnectData = event.data;
                break;
            }
            r = enet_host_check_events(host, &event);
        }
        if (next == count && reliableGot == reliableSent && settleUntil < 0) settleUntil = now_ms() + 300;
        if (settleUntil >= 0 && now_ms() >= settleUntil) break;
    }

    int disconnectOk = 0;
    if (strcmp(end, "graceful") == 0 && !disconnected) {
        enet_peer_disconnect(peer, 5);
        long until = now_ms() + 5000;
        while (now_ms() < until && !disconnectOk) {
            if (enet_host_service(host, &event, 10) > 0) {
                if (event.type == ENET_EVENT_TYPE_DISCONNECT) disconnectOk = 1;
                else if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
            }
        }
    } else if (strcmp(end, "await") == 0) {
        enet_peer_send(peer, 0, enet_packet_create("BYE", 3, ENET_PACKET_FLAG_RELIABLE));
        long until = now_ms() + 10000;
        while (!disconnected && now_ms() < until) {
            if (enet_host_service(host, &event, 10) > 0) {
                if (event.type == ENET_EVENT_TYPE_DISCONNECT) { disconnected = 1; disconnectData = event.data; }
                else if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
            }
        }
        disconnectOk = disconnected;
    }
    int ok = corrupt == 0 && orderOk && reliableGot == reliableSent && unreliableGot * 10 >= unreliableSent * 9 && disconnectOk;
    printf("RESULT ok=%d reliable=%u/%u unreliable=%u/%u order=%d corrupt=%d disconnect=%d data=%u\n", ok, reliableGot,
           reliableSent, unreliableGot, unreliableSent, orderOk, corrupt, disconnectOk, disconnectData);
    fflush(stdout);
    free(buffer);
    enet_host_destroy(host);
    enet_deinitialize();
    return ok ? 0 : 1;
}
