package switchboard.audience.contact;

import switchboard.audience.ConsentStatus;

/** Consent statuses and ledger sources as the pages word them. */
public final class ConsentLabels {

    private ConsentLabels() {
    }

    public static String of(ConsentStatus status) {
        return switch (status) {
            case UNKNOWN -> "unknown";
            case OPTED_IN -> "opted in";
            case OPTED_OUT -> "opted out";
        };
    }

    public static String source(String source) {
        return switch (source) {
            case "import" -> "Import attestation";
            case "manual" -> "Set by hand";
            case "keyword" -> "Keyword reply";
            case "web_form" -> "Web form";
            default -> source;
        };
    }
}
