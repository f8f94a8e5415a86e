package switchboard.audience.contact;

import switchboard.audience.attribute.AttributeDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * A column an export may have: a default field, consent, tags, lists, times, or a custom
 * attribute. The SQL expression of each default column is fixed here (the whitelist); a custom
 * attribute's key is passed as a parameter.
 */
public record ExportColumn(String key, String label, String expression, String attributeKey) {

    private static final String TAGS = """
            (select string_agg(t.name::text, ', ' order by t.name) from contact_tags ct join tags t on t.id = ct.tag_id and t.account_id = ct.account_id
             where ct.account_id = c.account_id and ct.contact_id = c.id)""";
    private static final String LISTS = """
            (select string_agg(l.name::text, ', ' order by l.name) from list_members m join lists l on l.id = m.list_id and l.account_id = m.account_id
             where m.account_id = c.account_id and m.contact_id = c.id)""";
    private static final String TIME = "to_char(%s at time zone :x_zone, 'YYYY-MM-DD HH24:MI:SS')";

    public static final List<ExportColumn> DEFAULTS = List.of(
            new ExportColumn("first_name", "First name", "c.first_name", null),
            new ExportColumn("last_name", "Last name", "c.last_name", null),
            new ExportColumn("phone", "Phone", "c.phone", null),
            new ExportColumn("email", "Email", "c.email", null),
            new ExportColumn("company", "Company", "c.company", null),
            new ExportColumn("tags", "Tags", TAGS, null),
            new ExportColumn("lists", "Lists", LISTS, null),
            new ExportColumn("consent", "SMS consent", "replace(c.consent_status, '_', ' ')", null),
            new ExportColumn("source", "Source", "c.source", null),
            new ExportColumn("created_at", "Created", TIME.formatted("c.created_at"), null),
            new ExportColumn("updated_at", "Updated", TIME.formatted("c.updated_at"), null));

    /** Every column an account can export: the defaults, then its custom attributes. */
    public static List<ExportColumn> all(List<AttributeDefinition> attributes) {
        List<ExportColumn> columns = new ArrayList<>(DEFAULTS);
        attributes.forEach(attribute -> columns.add(new ExportColumn("attributes." + attribute.key(), attribute.label(), null, attribute.key())));
        return columns;
    }

    /** What an export has when the user chose nothing: all but the times and the source. */
    public boolean chosenByDefault() {
        return !key.equals("source") && !key.equals("created_at") && !key.equals("updated_at");
    }
}
