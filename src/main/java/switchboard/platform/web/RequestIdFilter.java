package switchboard.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id that each log line written for it carries (MDC key {@code requestId})
 * and that the response echoes in {@code X-Request-Id}, so a user's report, a proxy's log and ours
 * can be matched. An id from the caller (a load balancer) is kept when it is short and plain;
 * anything else could forge or break log lines, so it is replaced by a fresh one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id;
        if (request.getAttribute(ATTRIBUTE) instanceof String earlier) {
            // A later dispatch of the same request (error page, async completion): the header is
            // already set, and touching headers here could race a streaming response's own thread.
            id = earlier;
        } else {
            id = offeredOrNew(request);
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static String offeredOrNew(HttpServletRequest request) {
        String offered = request.getHeader(HEADER);
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** Error pages and async completions run in later dispatches, maybe on other threads: their logs carry the id too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
