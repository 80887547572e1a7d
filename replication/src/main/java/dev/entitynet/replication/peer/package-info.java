/**
 * Internal to the replication engine, not API: dense slot numbers for admitted peers, shared by
 * spawn visibility, interest management and the packet fan-out.
 */
package dev.entitynet.replication.peer;
