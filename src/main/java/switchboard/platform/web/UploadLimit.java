package switchboard.platform.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.stereotype.Component;

import java.util.stream.LongStream;

/**
 * The most one upload may carry, as configured (spring.servlet.multipart.max-file-size and
 * max-request-size, the smaller counts), in bytes and as people read it ("1 GB"), so pages and
 * error messages never repeat the number by hand.
 */
@Component
public class UploadLimit {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private final long bytes;

    UploadLimit(MultipartConfigElement multipart) {
        // Either limit may be -1 (none); the smaller real one is what an upload meets first.
        this.bytes = LongStream.of(multipart.getMaxFileSize(), multipart.getMaxRequestSize()).filter(limit -> limit > 0).min().orElse(-1);
    }

    /** -1 when uploads have no limit. */
    public long bytes() {
        return bytes;
    }

    /** "1 GB", "500 MB", "4 KB"; null when uploads have no limit. */
    public String text() {
        if (bytes <= 0) {
            return null;
        }
        if (bytes % GB == 0) {
            return bytes / GB + " GB";
        }
        if (bytes % MB == 0) {
            return bytes / MB + " MB";
        }
        if (bytes % KB == 0) {
            return bytes / KB + " KB";
        }
        return bytes + " bytes";
    }
}
