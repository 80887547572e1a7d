package dev.entitynet.examples.arena;

/** What the server recorded per client in every second of the measured run. */
record RunSeries(BandwidthSeries bandwidth, ViewSeries view) {
}
