package org.finbridge.fx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.fx.EuroFixing;
import org.finbridge.fx.RateProvider;

/**
 * The ECB's daily reference rates over HTTP (published around 16:00 CET on TARGET working days). Off
 * unless {@code finbridge.fx.ecb-daily.enabled=true}: nothing in the platform needs the network.
 */
final class EcbDailyFeed implements RateProvider {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final URI url;

    EcbDailyFeed(URI url) {
        this.url = url;
    }

    @Override
    public String source() {
        return EcbHistoryFile.SOURCE;
    }

    @Override
    public List<EuroFixing> fixingsAfter(LocalDate after) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the ECB feed answered " + response.statusCode());
                }
                return EcbDailyXml.read(body, source()).stream()
                        .filter(f -> after == null || f.date().isAfter(after)).toList();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the ECB feed could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ECB feed", e);
        }
    }
}
