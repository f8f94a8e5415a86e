package switchboard.audience.importing;

/** A row the import did not take, for the error report: its line, its text as read, and why. */
public record RejectedRow(long line, String text, String reason) {
}
