package switchboard.audience.importing;

/** Where an import stands. */
public enum ImportStatus {
    /** The file is stored; the importer is choosing the mapping and options. */
    UPLOADED,
    /** Waiting for a node to run it (or to resume it after its node stopped). */
    QUEUED,
    RUNNING,
    COMPLETED,
    /** Stopped by the importer; what was imported before stays. */
    CANCELLED,
    /** Stopped by an error that no retry mends; what was imported before stays. */
    FAILED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ImportStatus ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** As the wizard and the imports list show it. */
    public String label() {
        return switch (this) {
            case UPLOADED -> "Waiting for your choices";
            case QUEUED -> "Waiting to start";
            case RUNNING -> "Importing";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
    }

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
