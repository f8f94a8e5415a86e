package switchboard.audience.importing;

/** Where one column of an import goes: a default attribute, a custom attribute, or nowhere. */
public sealed interface ColumnTarget {

    /** Stored in the import's mapping as text: "field:phone", "attribute:city", "ignore". */
    String code();

    record Field(ContactField field) implements ColumnTarget {
        @Override
        public String code() {
            return "field:" + field.code();
        }
    }

    record Attribute(String key) implements ColumnTarget {
        @Override
        public String code() {
            return "attribute:" + key;
        }
    }

    record Ignored() implements ColumnTarget {
        @Override
        public String code() {
            return "ignore";
        }
    }

    static ColumnTarget ofCode(String code) {
        if (code == null || code.equals("ignore")) {
            return new Ignored();
        }
        if (code.startsWith("field:")) {
            return new Field(ContactField.ofCode(code.substring("field:".length())));
        }
        if (code.startsWith("attribute:")) {
            return new Attribute(code.substring("attribute:".length()));
        }
        throw new IllegalArgumentException("Unknown column target " + code);
    }
}
