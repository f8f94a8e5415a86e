package switchboard.platform.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Starts a live stream's writer only after the request that opened it has left every filter.
 * Filters still at work on that request (the session commit, security headers) write response
 * headers; a writer flushing or completing the same response from its own thread meanwhile
 * corrupted Tomcat's header list (an NPE at recycle, and a response that never finished).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LiveStreamStartFilter extends OncePerRequestFilter {

    private static final String WRITER = LiveStreamStartFilter.class.getName() + ".writer";

    /** Runs the writer once the current request has returned; at once outside a request. */
    static void startAfterRequest(Runnable writer) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            writer.run();
            return;
        }
        request.setAttribute(WRITER, writer, RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/events".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(WRITER) instanceof Runnable writer) {
                request.removeAttribute(WRITER);
                writer.run();
            }
        }
    }
}
