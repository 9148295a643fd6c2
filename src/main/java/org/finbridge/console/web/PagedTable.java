package org.finbridge.console.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.finbridge.platform.QueuePage;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A table paged and sorted by the server, for queues that can hold thousands of items: the rows of one page and
 * the links to the other pages and orders. Several tables share one page, so each has its own query parameters
 * ({@code <name>-page}, {@code <name>-sort}, {@code <name>-dir}) and every link keeps the others' as they are.
 * The links work without script; each ends at the table's heading.
 *
 * @param name   the table's parameter prefix
 * @param rows   the page's rows
 * @param page   the page as read (its number, order and the queue's total)
 * @param sorts  column message key to the sort name the queue's owner offers; columns not in it do not sort
 * @param path   the page's path
 * @param query  the request's query parameters
 * @param anchor the id of the table's heading
 */
record PagedTable(String name, List<?> rows, QueuePage<?> page, Map<String, String> sorts, String path,
                  MultiValueMap<String, String> query, String anchor) {

    static final int PAGE_SIZE = 25;

    /** The page and order the request asks of table {@code name}; a malformed number reads as the first page. */
    static QueuePage.Request request(String name, MultiValueMap<String, String> query) {
        int page;
        try {
            page = Integer.parseInt(query.getOrDefault(name + "-page", List.of("0")).getFirst()) ;
        } catch (NumberFormatException e) {
            page = 0;
        }
        String sort = query.getOrDefault(name + "-sort", List.of("")).getFirst();
        boolean descending = "desc".equals(query.getOrDefault(name + "-dir", List.of("")).getFirst());
        return new QueuePage.Request(sort, descending, page, PAGE_SIZE);
    }

    /**
     * Reads a page for the request, and the last page instead when the request points past the end (the queue
     * shrank while the operator worked it), then maps the items to the page's rows.
     */
    static <T> PagedTable of(String name, MultiValueMap<String, String> query, Function<QueuePage.Request, QueuePage<T>> read,
                             Function<T, ?> row, Map<String, String> sorts, String path, String anchor) {
        QueuePage.Request request = request(name, query);
        QueuePage<T> page = read.apply(request);
        if (page.items().isEmpty() && request.page() > 0 && page.total() > 0) {
            page = read.apply(new QueuePage.Request(request.sort(), request.descending(), page.pages() - 1, request.size()));
        }
        List<?> rows = page.items().stream().map(row).toList();
        return new PagedTable(name, rows, page, sorts, path, query, anchor);
    }

    /** A table's state parameter ({@code <name>-page}, {@code -sort}, {@code -dir}), and the values it can take. */
    private static final java.util.regex.Pattern STATE_KEY = java.util.regex.Pattern.compile("[a-z]{1,20}-(page|sort|dir)");
    private static final java.util.regex.Pattern STATE_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,40}");

    /**
     * The page's tables as they stand (each one's page and order) as a query string: a form on the page carries it
     * back, so that its action returns the operator to the page they acted on, not to every queue's first page.
     */
    static String state(MultiValueMap<String, String> query) {
        return stateOnly(query).build().encode().getQuery();
    }

    /**
     * Where an action on a queue returns: {@code path} with the tables' state a form carried back, at the queue's
     * heading. Only table parameters with plain values are kept, so nothing else can be slipped into the redirect.
     */
    static String returnTo(String path, String state, String anchor) {
        MultiValueMap<String, String> query = state == null || state.length() > 1_000 ? new org.springframework.util.LinkedMultiValueMap<>()
                : UriComponentsBuilder.newInstance().query(state).build().getQueryParams();
        return "redirect:" + stateOnly(query).path(path).fragment(anchor).build().encode().toUriString();
    }

    private static UriComponentsBuilder stateOnly(MultiValueMap<String, String> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        query.forEach((key, values) -> {
            if (STATE_KEY.matcher(key).matches() && !values.isEmpty() && values.getFirst() != null
                    && STATE_VALUE.matcher(values.getFirst()).matches()) {
                uri.queryParam(key, values.getFirst());
            }
        });
        return uri;
    }

    public int number() {
        return page.request().page() + 1;
    }

    public int pages() {
        return page.pages();
    }

    public long total() {
        return page.total();
    }

    public boolean hasPrevious() {
        return page.request().page() > 0;
    }

    public boolean hasNext() {
        return page.request().page() + 1 < page.pages();
    }

    public String sortOf(String column) {
        return sorts.get(column);
    }

    /** The column's aria-sort: how the table is sorted by it now ({@code none} for a column that could sort). */
    public String ariaSort(String column) {
        String sort = sorts.get(column);
        if (sort == null) {
            return null;
        }
        if (!sort.equals(page.request().sort())) {
            return "none";
        }
        return page.request().descending() ? "descending" : "ascending";
    }

    /** Sorting by a column starts at its first page; the column sorted by now turns around. */
    public String sortHref(String column) {
        String sort = sorts.get(column);
        boolean descending = sort.equals(page.request().sort()) && !page.request().descending();
        return link(0, sort, descending);
    }

    public String pageHref(int number) {
        return link(number - 1, page.request().sort(), page.request().descending());
    }

    private String link(int pageIndex, String sort, boolean descending) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        query.forEach((key, values) -> {
            if (!key.startsWith(name + "-") && !"lang".equals(key)) {
                uri.queryParam(key, values.toArray());
            }
        });
        if (pageIndex > 0) {
            uri.queryParam(name + "-page", pageIndex);
        }
        if (!sort.isEmpty()) {
            uri.queryParam(name + "-sort", sort);
            if (descending) {
                uri.queryParam(name + "-dir", "desc");
            }
        }
        return uri.fragment(anchor).encode().build().toUriString();
    }
}
