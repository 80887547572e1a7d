package dev.entitynet.transport.enet.engine;

/** A member of one {@link NodeList} at a time; the links live in the pooled object, so lists never allocate. */
abstract class ListNode {
    ListNode prev;
    ListNode next;
    NodeList<?> owner;
}
