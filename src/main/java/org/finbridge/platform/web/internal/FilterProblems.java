package org.finbridge.platform.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.finbridge.platform.RequestIds;

/** Problem documents written by servlet filters, which answer before any controller (or Jackson) runs. */
public final class FilterProblems {

    private FilterProblems() {
    }

    /** {@code detail} is written as given: callers pass fixed text without quotes or backslashes. */
    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        String requestId = RequestIds.current().map(id -> ",\"requestId\":\"" + id + "\"").orElse("");
        response.getWriter().write("{\"type\":\"https://finbridge.org/problems/" + code.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + code.replace('_', ' ').toLowerCase() + "\",\"status\":" + status
                + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"" + requestId + "}");
        response.flushBuffer();
    }
}
