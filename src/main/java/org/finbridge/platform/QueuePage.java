package org.finbridge.platform;

import java.util.List;
import java.util.Map;

/**
 * One page of a work queue read in a stable order: the items shown and how many the whole queue holds, so a
 * day with thousands of items is browsed page by page instead of cut at a fixed length.
 *
 * @param items   the page's items, in the requested order
 * @param total   how many items the queue holds (every page)
 * @param request the page and the order asked for
 */
public record QueuePage<T>(List<T> items, long total, Request request) {

    public QueuePage {
        items = List.copyOf(items);
    }

    /** How many pages the queue fills; at least one, so an empty queue is "page 1 of 1". */
    public int pages() {
        return (int) Math.max(1, (total + request.size() - 1) / request.size());
    }

    /**
     * Which page, in which order: {@code sort} names a column the queue's owner offers (an unknown name falls
     * back to the queue's own order, so a hand-edited link never reaches the SQL), {@code page} counts from 0.
     */
    public record Request(String sort, boolean descending, int page, int size) {

        /** Pages are kept small enough that a page's rows render quickly and large enough to work through. */
        public static final int MAX_SIZE = 200;

        public Request {
            sort = sort == null ? "" : sort;
            page = Math.max(0, page);
            size = Math.clamp(size, 1, MAX_SIZE);
        }

        public static Request first(int size) {
            return new Request("", false, 0, size);
        }

        public long offset() {
            return (long) page * size;
        }

        /**
         * The {@code order by} clause for this request: the chosen column (from the owner's whitelist of sort
         * names to SQL expressions, else {@code fallback}) then {@code tiebreak}, which must be unique so that
         * rows never move between pages of one order. Nulls go last on every database.
         */
        public String orderBy(Map<String, String> columns, String fallback, String tiebreak) {
            String column = columns.get(sort);
            if (column == null) {
                return " order by " + fallback + ", " + tiebreak;
            }
            String direction = descending ? " desc" : " asc";
            return " order by " + column + direction + " nulls last, " + tiebreak + direction;
        }
    }
}
