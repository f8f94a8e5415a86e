package switchboard.audience.importing;

import switchboard.platform.web.FieldError;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which target each column of the file fills, by column position. Detected from the header
 * row, then changed by the importer in the wizard (ignore a column, pick another field, send it
 * to a custom attribute).
 */
public record ColumnMapping(List<ColumnTarget> columns) {

    public ColumnMapping {
        columns = List.copyOf(columns);
    }

    /**
     * Matches each header to a default field by synonym, else to a custom attribute whose key or
     * label it names ({@code attributesByHeader}: normalized key/label -> key); a field already
     * taken by an earlier column is not given twice.
     */
    public static ColumnMapping detect(List<String> headers, Map<String, String> attributesByHeader) {
        Set<ContactField> taken = EnumSet.noneOf(ContactField.class);
        List<ColumnTarget> columns = new ArrayList<>();
        for (String header : headers) {
            Optional<ContactField> field = ContactField.forHeader(header).filter(f -> !taken.contains(f));
            if (field.isPresent()) {
                taken.add(field.get());
                columns.add(new ColumnTarget.Field(field.get()));
            } else {
                String attribute = attributesByHeader.get(ContactField.normalizedHeader(header));
                columns.add(attribute == null ? new ColumnTarget.Ignored() : new ColumnTarget.Attribute(attribute));
            }
        }
        return new ColumnMapping(columns);
    }

    public static ColumnMapping ofCodes(List<String> codes) {
        return new ColumnMapping(codes.stream().map(ColumnTarget::ofCode).toList());
    }

    public List<String> codes() {
        return columns.stream().map(ColumnTarget::code).toList();
    }

    public ColumnTarget target(int column) {
        return column < columns.size() ? columns.get(column) : IGNORED;
    }

    private static final ColumnTarget IGNORED = new ColumnTarget.Ignored();

    public boolean maps(ContactField field) {
        return columns.contains(new ColumnTarget.Field(field));
    }

    /** An import needs a phone or an email column to know who each row is; a field may be used once. */
    void requireUsable() {
        if (!maps(ContactField.PHONE) && !maps(ContactField.EMAIL)) {
            throw new FieldError("mapping", "Choose which column holds the phone number or the email address");
        }
        Set<ContactField> seen = EnumSet.noneOf(ContactField.class);
        for (ColumnTarget target : columns) {
            if (target instanceof ColumnTarget.Field(ContactField field) && !seen.add(field)) {
                throw new FieldError("mapping", field.label() + " is chosen for two columns; choose it for one");
            }
        }
        if (maps(ContactField.FULL_NAME) && (maps(ContactField.FIRST_NAME) || maps(ContactField.LAST_NAME))) {
            throw new FieldError("mapping", "Choose either a full name column or first and last name columns, not both");
        }
    }
}
