package switchboard.audience.contact;

import switchboard.audience.ConsentStatus;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ConditionOperator;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.filter.InvalidConditionException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

    /** The filter of a {@link #query()} string (as bulk forms carry it in a hidden field). Unknown parameters are ignored. */
    public static ContactFilterForm parse(String query) {
        Map<String, List<String>> values = new HashMap<>();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int equals = part.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? part : part.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new ContactFilterForm(first(values, "q"), ids(values, "tag"), ids(values, "list"), ids(values, "segment"),
                first(values, "consent"), values.get("ca"), values.get("co"), values.get("cv"));
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.getFirst();
    }

    private static List<Long> ids(Map<String, List<String>> values, String name) {
        List<Long> ids = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidConditionException("'" + value + "' is not a " + name + " id");
            }
        }
        return ids;
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<Long> clean(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
