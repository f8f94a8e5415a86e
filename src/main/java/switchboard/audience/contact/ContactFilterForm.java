package switchboard.audience.contact;

import switchboard.audience.ConsentStatus;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ConditionOperator;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.filter.InvalidConditionException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The contacts filter as it travels in a URL, so a reload or a bookmark keeps it: q (search),
 * tag, list and segment ids (repeated), consent, and attribute conditions as three repeated
 * parameters aligned by position (ca attribute, co operator, cv value), which is how the
 * condition editor's rows submit. A row without an attribute is an unused row, not an error.
 */
public record ContactFilterForm(String q, List<Long> tag, List<Long> list, List<Long> segment, String consent,
                                List<String> ca, List<String> co, List<String> cv) {

    public ContactFilterForm {
        q = q == null ? "" : q;
        tag = clean(tag);
        list = clean(list);
        segment = clean(segment);
        consent = consent == null ? "" : consent.strip();
        ca = ca == null ? List.of() : ca;
        co = co == null ? List.of() : co;
        cv = cv == null ? List.of() : cv;
    }

    public static ContactFilterForm none() {
        return new ContactFilterForm(null, null, null, null, null, null, null, null);
    }

    /**
     * @throws InvalidConditionException when the consent or a condition's operator is not one we know
     */
    public ContactFilter toFilter() {
        ConsentStatus status = null;
        if (!consent.isEmpty()) {
            try {
                status = ConsentStatus.ofCode(consent);
            } catch (IllegalArgumentException e) {
                throw new InvalidConditionException("'" + consent + "' is not a consent status (opted_in, opted_out, unknown)");
            }
        }
        return new ContactFilter(q, tag, list, segment, conditions(), status);
    }

    /** The condition rows that name an attribute, in order. */
    public List<AttributeCondition> conditions() {
        List<AttributeCondition> conditions = new ArrayList<>();
        for (int i = 0; i < ca.size(); i++) {
            String attribute = ca.get(i);
            if (attribute == null || attribute.isBlank()) {
                continue;
            }
            String operator = i < co.size() && co.get(i) != null && !co.get(i).isBlank() ? co.get(i) : "equals";
            conditions.add(new AttributeCondition(attribute.strip(), ConditionOperator.ofCode(operator), i < cv.size() ? cv.get(i) : null));
        }
        return conditions;
    }

    /** The condition rows to show in the editor: the submitted ones that name an attribute. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ca.size(); i++) {
            if (ca.get(i) != null && !ca.get(i).isBlank()) {
                rows.add(new Row(ca.get(i), i < co.size() ? co.get(i) : "equals", i < cv.size() ? cv.get(i) : ""));
            }
        }
        return rows;
    }

    public record Row(String attribute, String operator, String value) {
    }

    public boolean isEmpty() {
        return q.isBlank() && tag.isEmpty() && list.isEmpty() && segment.isEmpty() && consent.isEmpty() && rows().isEmpty();
    }

    /** The query string of this filter (without "?"), for page links, the export link and bulk forms. */
    public String query() {
        List<String> parts = new ArrayList<>();
        if (!q.isBlank()) {
            parts.add(param("q", q));
        }
        tag.forEach(id -> parts.add(param("tag", id.toString())));
        list.forEach(id -> parts.add(param("list", id.toString())));
        segment.forEach(id -> parts.add(param("segment", id.toString())));
        if (!consent.isEmpty()) {
            parts.add(param("consent", consent));
        }
        rows().forEach(row -> {
            parts.add(param("ca", row.attribute()));
            parts.add(param("co", row.operator() == null ? "" : row.operator()));
            parts.add(param("cv", row.value() == null ? "" : row.value()));
        });
        return String.join("&", parts);
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<Long> clean(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
