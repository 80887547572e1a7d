package dev.entitynet.replication.config;

/** How a property is kept in sync after spawn (Godot's {@code ReplicationMode}). */
public enum ReplicationMode {
    /** Sent only in the spawn state (when its spawn flag is set). */
    NEVER,
    /** Sent unreliably every replication interval, changed or not. */
    ALWAYS,
    /** Sent reliably, only when its encoded value changed, at most every delta interval. */
    ON_CHANGE
}
