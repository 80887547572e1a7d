package dev.entitynet.transport.enet.engine;

/** An intrusive doubly linked list of pooled commands: O(1) insert/remove, no allocation, no iterators. */
final class NodeList<T extends ListNode> {
    private T head;
    private T tail;
    private int size;

    T first() {
        return head;
    }

    T last() {
        return tail;
    }

    @SuppressWarnings("unchecked")
    T next(T node) {
        return (T) node.next;
    }

    @SuppressWarnings("unchecked")
    T previous(T node) {
        return (T) node.prev;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void addLast(T node) {
        insertAfter(tail, node);
    }

    /** Inserts {@code node} after {@code anchor}; a null anchor inserts at the head. */
    @SuppressWarnings("unchecked")
    void insertAfter(T anchor, T node) {
        if (node.owner != null) {
            throw new IllegalStateException("node is already in a list");
        }
        node.owner = this;
        node.prev = anchor;
        if (anchor == null) {
            node.next = head;
            if (head != null) {
                head.prev = node;
            }
            head = node;
        } else {
            node.next = anchor.next;
            if (anchor.next != null) {
                anchor.next.prev = node;
            }
            anchor.next = node;
        }
        if (node.next == null) {
            tail = node;
        }
        size++;
    }

    @SuppressWarnings("unchecked")
    void remove(T node) {
        if (node.owner != this) {
            throw new IllegalStateException("node is not in this list");
        }
        if (node.prev == null) {
            head = (T) node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tail = (T) node.prev;
        } else {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        node.owner = null;
        size--;
    }

    /** Removes and returns the head, or null. */
    T poll() {
        T h = head;
        if (h != null) {
            remove(h);
        }
        return h;
    }
}
