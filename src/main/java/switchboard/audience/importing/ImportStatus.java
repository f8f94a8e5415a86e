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

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
