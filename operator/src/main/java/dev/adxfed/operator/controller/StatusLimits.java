package dev.adxfed.operator.controller;

import java.util.Collection;
import java.util.List;

/**
 * Bounds on what the status holds. Lists and messages are filled from heartbeat rows other clusters
 * write, so without bounds a hostile or broken partition could grow the ADXCluster past the API
 * server's object size limit (about 1.5 MiB in etcd) and every status patch would fail.
 */
final class StatusLimits {

    /** Entries kept in a status list; a count beside it covers all of them. */
    static final int LIST_ENTRIES = 50;
    /** Items a condition message names; the message says how many more there are. */
    static final int MESSAGE_ITEMS = 3;
    /** Characters kept of one item (an error message, an endpoint). */
    static final int ITEM_CHARS = 512;
    /** Characters of a whole condition message (Kubernetes allows 32768). */
    static final int MESSAGE_CHARS = 4096;

    private StatusLimits() {}

    /** The first entries of a list, each clipped, in the list's order. */
    static List<String> first(Collection<?> entries) {
        return entries.stream().limit(LIST_ENTRIES).map(e -> clip(e.toString(), ITEM_CHARS)).toList();
    }

    /** Up to {@link #MESSAGE_ITEMS} items joined with "; ", then how many more there are. */
    static String summary(Collection<?> items) {
        String shown = String.join("; ", items.stream().limit(MESSAGE_ITEMS).map(e -> clip(e.toString(), ITEM_CHARS))
                .toList());
        int more = items.size() - MESSAGE_ITEMS;
        return shown + (more > 0 ? "; and " + more + " more" : "");
    }

    static String clip(String text, int chars) {
        return text == null || text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }
}
