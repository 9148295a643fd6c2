package org.finbridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.finbridge.platform.QueuePage;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The links of a table the server pages: each keeps the other tables' pages and orders, starts a new order on its
 * first page, turns the current order around, and a hand-written sort never reaches the SQL.
 */
class PagedTableLinksTest {

    private static final Map<String, String> SORTS = Map.of("operator.score:end", "score", "operator.decided", "decided");

    @Test
    void aSortLinkKeepsTheOtherQueuesPagesAndStartsOnTheFirstPage() {
        MultiValueMap<String, String> query = query("aml-page", "3", "fraud-page", "2", "lang", "zh-CN");
        PagedTable table = table(query, 200);
        assertThat(table.sortHref("operator.score:end")).isEqualTo("/console/app/operator?aml-page=3&fraud-sort=score#fraud-heading");
        assertThat(table.pageHref(4)).isEqualTo("/console/app/operator?aml-page=3&fraud-page=3#fraud-heading");
        assertThat(table.ariaSort("operator.score:end")).isEqualTo("none");
        assertThat(table.ariaSort("operator.merchant")).isNull();
        assertThat(table.sortOf("operator.merchant")).isNull();
    }

    @Test
    void theColumnSortedByNowTurnsAround() {
        PagedTable ascending = table(query("fraud-sort", "score"), 200);
        assertThat(ascending.ariaSort("operator.score:end")).isEqualTo("ascending");
        assertThat(ascending.sortHref("operator.score:end")).isEqualTo("/console/app/operator?fraud-sort=score&fraud-dir=desc#fraud-heading");
        PagedTable descending = table(query("fraud-sort", "score", "fraud-dir", "desc"), 200);
        assertThat(descending.ariaSort("operator.score:end")).isEqualTo("descending");
        assertThat(descending.sortHref("operator.score:end")).isEqualTo("/console/app/operator?fraud-sort=score#fraud-heading");
    }

    @Test
    void aHandWrittenSortOrPageFallsBackToTheQueuesOwnOrder() {
        QueuePage.Request request = PagedTable.request("fraud", query("fraud-sort", "score; drop table x", "fraud-page", "x"));
        assertThat(request.page()).isZero();
        assertThat(request.orderBy(Map.of("score", "score"), "decided_at", "id")).isEqualTo(" order by decided_at, id");
        QueuePage.Request negative = PagedTable.request("fraud", query("fraud-page", "-4"));
        assertThat(negative.offset()).isZero();
        assertThat(new QueuePage.Request("score", true, 2, 25).orderBy(Map.of("score", "score"), "decided_at", "id"))
                .isEqualTo(" order by score desc nulls last, id desc");
    }

    @Test
    void pagesCountTheWholeQueue() {
        PagedTable table = table(query("fraud-page", "1"), 51);
        assertThat(table.number()).isEqualTo(2);
        assertThat(table.pages()).isEqualTo(3);
        assertThat(table.hasPrevious()).isTrue();
        assertThat(table.hasNext()).isTrue();
        assertThat(table(query(), 0).pages()).as("an empty queue is page 1 of 1").isEqualTo(1);
    }

    private static PagedTable table(MultiValueMap<String, String> query, long total) {
        return PagedTable.of("fraud", query, request -> new QueuePage<>(List.of("row"), total, request), r -> r, SORTS,
                "/console/app/operator", "fraud-heading");
    }

    private static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> q = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.add(pairs[i], pairs[i + 1]);
        }
        return q;
    }
}
