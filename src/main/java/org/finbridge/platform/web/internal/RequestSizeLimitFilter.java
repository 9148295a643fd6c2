package org.finbridge.platform.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit before anything parses them (an 8,190-transfer ledger batch is
 * about 3 MB of JSON; the default limit is 8 MB). Bulk file uploads, which their endpoints read as a
 * stream, have a limit of their own ({@code finbridge.http.max-upload-size} on the paths listed in
 * {@code finbridge.http.upload-paths}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final java.util.List<String> uploadPaths;

    RequestSizeLimitFilter(@Value("${finbridge.http.max-request-size:8MB}") DataSize max,
                           @Value("${finbridge.http.max-upload-size:1GB}") DataSize maxUpload,
                           @Value("${finbridge.http.upload-paths:}") java.util.List<String> uploadPaths) {
        this.maxBytes = max.toBytes();
        this.maxUploadBytes = maxUpload.toBytes();
        this.uploadPaths = java.util.List.copyOf(uploadPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long limit = uploadPaths.contains(request.getRequestURI()) ? maxUploadBytes : maxBytes;
        if (length > limit) {
            response.setHeader("Connection", "close");
            FilterProblems.write(response, 413, "PAYLOAD_TOO_LARGE", "request body exceeds " + limit + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
