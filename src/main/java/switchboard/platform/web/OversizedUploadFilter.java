package switchboard.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.util.Locale;

/**
 * A page's file upload over the {@link UploadLimit}: the browser goes back to the page that
 * posted it (the same path, as a GET) with the flash attribute {@value #FLASH_ATTRIBUTE}, and that
 * page says so beside its file field.
 *
 * <p>Spring MVC never sees this error for a page: the CSRF check reads the form's token from the
 * multipart body first, Tomcat refuses to read past the limit and the check ends the request with
 * a bare 413. So this filter sits in the web security chain just before the CSRF check and reads
 * the parts itself; the redirect changes nothing, so it needs no token. A body within the limit
 * stays parsed for the CSRF check and the controller.
 */
public class OversizedUploadFilter extends OncePerRequestFilter {

    public static final String FLASH_ATTRIBUTE = "uploadTooLarge";

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || !isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            // Parses now; Spring turns the servlet container's size errors (Tomcat's
            // FileSizeLimitExceeded and SizeLimitExceeded) into this one exception.
            new StandardMultipartHttpServletRequest(request);
        } catch (MaxUploadSizeExceededException e) {
            FlashMap flash = new FlashMap();
            flash.put(FLASH_ATTRIBUTE, true);
            flash.setTargetRequestPath(request.getRequestURI());
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, request.getRequestURI());
            return;
        } catch (MultipartException malformed) {
            // Not a size problem: left to the usual handling further on.
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
