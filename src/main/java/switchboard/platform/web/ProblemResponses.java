package switchboard.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/** Writes RFC 9457 problem details from places outside Spring MVC (security filters). */
@Component
public class ProblemResponses {

    /**
     * RFC 9457's "no further semantics" type. Spring Framework 7 leaves type unset (omitted from
     * the JSON); the API always states it, so clients can rely on the field.
     */
    public static final URI BLANK_TYPE = URI.create("about:blank");

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(BLANK_TYPE);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
