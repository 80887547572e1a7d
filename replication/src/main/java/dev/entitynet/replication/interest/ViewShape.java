package dev.entitynet.replication.interest;

/**
 * How a viewpoint decides which cells it enters and keeps as its anchor moves: a radius zone or a
 * user policy. Every entered cell is kept. Shapes report gains before losses, keeps gained before
 * enters gained and enters lost before keeps lost, so a cell is never entered without being kept.
 */
interface ViewShape {
    /** Where a shape reports the cells it starts and stops entering and keeping. */
    interface Changes {
        void keepGained(int cell);

        void enterGained(int cell);

        void enterLost(int cell);

        void keepLost(int cell);
    }

    /** The anchor entered cell {@code to} from {@code from} (-1 at first placement). */
    void moved(int from, int to, Changes changes);

    /** The game asked for a re-evaluation with the anchor in {@code cell}. */
    void refresh(int cell, Changes changes);

    /** Stops entering and keeping every cell; {@code cell} is the anchor's (-1 if never placed). */
    void clear(int cell, Changes changes);

    /** Cells kept now. */
    int size();

    /** Most cells it may keep at once, for reserving subscriptions (a guess for policies). */
    int maxCells();
}
