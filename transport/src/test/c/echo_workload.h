/* The echo workload shared by the C programs and dev.entitynet.transport.enet.echo.EchoWorkload:
 * packet i has a kind, a channel, a size and content that both sides derive from i alone. */
#ifndef ECHO_WORKLOAD_H
#define ECHO_WORKLOAD_H

#include <stdint.h>
#include <string.h>
#include <enet/enet.h>

enum { KIND_RELIABLE = 0, KIND_SEQUENCED = 1, KIND_UNSEQUENCED = 2, KIND_UNRELIABLE_FRAGMENT = 3 };

/* libenet's 256 KiB socket buffers hold only ~100 datagrams by kernel accounting; the workload's
 * reliable bursts (a 64 KiB send window of fragments per peer) plus echoes overflow that whenever a
 * process is not scheduled for a few ms on a busy machine. Size them as the Java host sizes its own. */
static void wl_size_socket_buffers(ENetHost *host) {
    enet_socket_set_option(host->socket, ENET_SOCKOPT_RCVBUF, 4 * 1024 * 1024);
    enet_socket_set_option(host->socket, ENET_SOCKOPT_SNDBUF, 4 * 1024 * 1024);
}

static int wl_kind(uint32_t i) {
    return i % 50 == 49 ? KIND_RELIABLE : (int) (i % 4);
}

static int wl_channel(uint32_t i, int channels) {
    return (int) (i % (uint32_t) channels);
}

static uint32_t wl_size(uint32_t i) {
    if (i % 200 == 199) return 1048576;
    if (i % 50 == 49) return 20000 + (i * 7919u) % 200000u;
    return 8 + (i * 37u) % 1000u;
}

static int wl_is_reliable(uint32_t i) {
    return wl_kind(i) == KIND_RELIABLE;
}

/* ENet flags to send packet i with; also the flags libenet reports when it arrives. */
static enet_uint32 wl_flags(uint32_t i) {
    switch (wl_kind(i)) {
        case KIND_RELIABLE: return ENET_PACKET_FLAG_RELIABLE;
        case KIND_SEQUENCED: return 0;
        case KIND_UNSEQUENCED: return ENET_PACKET_FLAG_UNSEQUENCED;
        default: return ENET_PACKET_FLAG_UNRELIABLE_FRAGMENT;
    }
}

/* Whether a packet delivered with these flags can be packet i: libenet reports RELIABLE for
 * reliable, UNSEQUENCED for unsequenced, and 0 (or UNRELIABLE_FRAGMENT when fragmented) for both
 * sequenced unreliable kinds. */
static int wl_flags_match(uint32_t i, enet_uint32 delivered) {
    enet_uint32 mask = ENET_PACKET_FLAG_RELIABLE | ENET_PACKET_FLAG_UNSEQUENCED;
    return (delivered & mask) == (wl_flags(i) & mask);
}

static uint8_t wl_byte(uint32_t i, uint32_t j) {
    return (uint8_t) (i * 131u + j * 7u);
}

static void wl_fill(uint32_t i, uint8_t *out) {
    uint32_t size = wl_size(i);
    memcpy(out, &i, 4); /* little-endian on the machines this runs on, as in Java's Chronicle */
    memcpy(out + 4, &size, 4);
    for (uint32_t j = 8; j < size; j++) out[j] = wl_byte(i, j);
}

/* Returns the packet index, or -1 when the bytes are not exactly packet i's. */
static int64_t wl_check(const uint8_t *data, size_t length) {
    uint32_t i, size;
    if (length < 8) return -1;
    memcpy(&i, data, 4);
    memcpy(&size, data + 4, 4);
    if (size != length || wl_size(i) != size) return -1;
    for (uint32_t j = 8; j < size; j++) {
        if (data[j] != wl_byte(i, j)) return -1;
    }
    return i;
}

#endif
