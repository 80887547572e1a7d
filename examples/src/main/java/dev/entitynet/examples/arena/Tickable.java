package dev.entitynet.examples.arena;

/** A side of the arena (the server or a bot) that advances one tick at a time, so one meter can time either. */
interface Tickable {
    /** Runs one tick. */
    void tick();
}
