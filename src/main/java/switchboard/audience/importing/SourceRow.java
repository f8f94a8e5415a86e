package switchboard.audience.importing;

/** One record of the file as read: the line it starts on and its fields. */
record SourceRow(long line, String[] fields) {

    /** The row as delimited text again, for the error report (quoted where needed). */
    String text(char delimiter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String field = fields[i];
            if (field.indexOf(delimiter) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        return out.toString();
    }
}
