package switchboard.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the errors a caller can cause into RFC 9457 problem details for the REST API. Framework
 * errors (bad JSON, wrong method, missing parameter) are handled by the base class the same way.
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final UploadLimit uploadLimit;

    ApiProblemHandler(UploadLimit uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        problem.setType(ProblemResponses.BLANK_TYPE);
        return problem;
    }

    @ExceptionHandler(FieldError.class)
    ProblemDetail invalidField(FieldError e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid field");
        problem.setType(ProblemResponses.BLANK_TYPE);
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        problem.setType(ProblemResponses.BLANK_TYPE);
        return problem;
    }

    /**
     * A file over the limit. The multipart body is read lazily (spring.servlet.multipart.resolve-lazily),
     * when the controller asks for the file, so this comes here and not, before any controller
     * is chosen, to the servlet container's bare 413.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The file is larger than " + uploadLimit.text() + ", the most one upload takes; split it into smaller files.");
        problem.setTitle("File too large");
        problem.setType(ProblemResponses.BLANK_TYPE);
        problem.setProperty("field", "file");
        problem.setProperty("maxBytes", uploadLimit.bytes());
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** Framework errors (bad JSON, wrong method) get the explicit type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ProblemResponses.BLANK_TYPE);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
