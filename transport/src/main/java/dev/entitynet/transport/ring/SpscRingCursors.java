package dev.entitynet.transport.ring;

/**
 * The producer's and the consumer's private cursors of {@link SpscRecordRing}, each on cache lines
 * of its own. The two threads write them on every operation; in one plain object they would share
 * a line, and every write by one thread would evict it from the other's cache (false sharing).
 * Java lays out a superclass's fields before a subclass's, so the padding classes in between keep
 * the groups 128 bytes apart (two lines, for the adjacent-line prefetcher), as Agrona's rings do.
 * The {@code p..} fields exist only to take that space.
 */
abstract class SpscRingCursors extends RingConsumerFields {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35;
}

/** Keeps the producer's fields off the object header's line and whatever precedes the object. */
abstract class RingLeadingPad {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** Written by the producer only. */
abstract class RingProducerFields extends RingLeadingPad {
    long tail;
    long cachedHead;
    long pendingTail = -1;
}

/** Keeps the producer's and the consumer's fields apart. */
abstract class RingMiddlePad extends RingProducerFields {
    long p40, p41, p42, p43, p44, p45, p46, p47, p48, p49, p50, p51, p52, p53, p54, p55;
}

/** Written by the consumer only: records before readCursor were read; room before head was given back. */
abstract class RingConsumerFields extends RingMiddlePad {
    long head;
    long readCursor;
    long cachedTail;
    int recordType;
    int recordLength;
    long recordBody = -1;
}
