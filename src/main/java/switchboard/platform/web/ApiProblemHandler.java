package switchboard.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the errors a caller can cause into RFC 9457 problem details for the REST API. Framework
 * errors (bad JSON, wrong method, missing parameter) are handled by the base class the same way.
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

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

    /** Framework errors (bad JSON, wrong method) get the explicit type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ProblemResponses.BLANK_TYPE);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
