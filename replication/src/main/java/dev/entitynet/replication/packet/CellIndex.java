package dev.entitynet.replication.packet;

/**
 * How the fan-out finds the records each peer may get (internal): by the interest cell of the
 * record's entity and the cells the peer keeps. Entities in no cell are looked at for every peer.
 */
public interface CellIndex {
    /** Without interest management: no cells, so every record is looked at for every peer. */
    CellIndex NONE = new CellIndex() {
        @Override
        public int cellCount() {
            return 0;
        }

        @Override
        public int cellOf(int entity) {
            return -1;
        }

        @Override
        public int cellsKept(int slot) {
            return 0;
        }

        @Override
        public int cellKept(int slot, int i) {
            throw new IndexOutOfBoundsException("no cells without interest management");
        }
    };

    /** Number of cells. */
    int cellCount();

    /** The cell of {@code entity}, or -1 when it is in none. */
    int cellOf(int entity);

    /** Cells the peer in {@code slot} keeps: every placed entity it has is in one of them. */
    int cellsKept(int slot);

    /** The {@code i}-th cell the peer in {@code slot} keeps. */
    int cellKept(int slot, int i);
}
