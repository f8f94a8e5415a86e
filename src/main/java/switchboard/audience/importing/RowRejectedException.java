package switchboard.audience.importing;

/** Why one row cannot be imported; the rest of the file goes on. */
final class RowRejectedException extends Exception {

    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
