package switchboard.audience.importing;

import java.util.Map;

/**
 * A row that passed every check: phone in E.164 or null, email or null (never both null),
 * trimmed names, and custom attribute values as JSON literals by key (null when none).
 */
record ContactRow(SourceRow source, String phone, String email, String firstName, String lastName, String company,
                  Map<String, String> attributes) {

    long line() {
        return source.line();
    }
}
