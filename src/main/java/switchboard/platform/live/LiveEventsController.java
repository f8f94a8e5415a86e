package switchboard.platform.live;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import switchboard.platform.tenancy.TenantPrincipal;

/**
 * GET /events: the live-updates stream of one browser tab, for the signed-in member's current
 * account (switchboard.js opens it on every page of the app shell). Each event is an SSE event
 * named {@code live} whose id is the event id and whose data is {@code {type, subjectId, text}}.
 * The browser reconnects by itself and sends the last id it saw as Last-Event-ID.
 *
 * <p>The request holds no thread and no database connection while it streams.
 */
@Controller
class LiveEventsController {

    private final LiveStreams streams;

    LiveEventsController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/events")
    SseEmitter events(@AuthenticationPrincipal TenantPrincipal member,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletResponse response) {
        // nginx and similar proxies would otherwise buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(member.accountId(), eventId(lastEventId));
    }

    /** Only ever an id we sent; anything else is treated as a first connection. */
    private static Long eventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
