package dev.entitynet.replication.interest;

/** Where an entity is, as a {@link Locator} reports it: reused for every entity, never kept. */
public final class Position {
    /** World x. */
    public float x;
    /** World y. */
    public float y;
    /** World z (ignored by 2D grids). */
    public float z;

    /** Sets a 2D position (z = 0). */
    public void set(float newX, float newY) {
        set(newX, newY, 0);
    }

    /** Sets a 3D position. */
    public void set(float newX, float newY, float newZ) {
        this.x = newX;
        this.y = newY;
        this.z = newZ;
    }
}
