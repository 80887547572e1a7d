package dev.entitynet.replication.interest;

/** Receives cells one at a time (an int callback, so enumerating cells boxes nothing). */
@FunctionalInterface
interface CellVisitor {
    void visit(int cell);
}
