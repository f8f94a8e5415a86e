package switchboard.audience.contact;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.springframework.stereotype.Service;
import switchboard.accounts.AccountView;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.filter.SqlCondition;
import switchboard.platform.web.FieldError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Contacts to CSV, streamed: rows go from a database cursor to the response as they are read,
 * so an export of a million contacts holds a few rows in memory. UTF-8 with a byte order mark
 * (Excel reads UTF-8 without one as the local code page), CRLF line ends, a header row of labels.
 *
 * <p>A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage return, which
 * some strip before looking) as a formula: such values are written with a leading apostrophe, so
 * a contact named "=HYPERLINK(...)" stays text. Phone numbers in E.164 start with + and get it too.
 */
@Service
public class ContactExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ContactExportRepository rows;
    private final ContactQueries queries;
    private final AttributeDefinitionRepository attributes;
    private final Accounts accounts;

    ContactExport(ContactExportRepository rows, ContactQueries queries, AttributeDefinitionRepository attributes, Accounts accounts) {
        this.rows = rows;
        this.queries = queries;
        this.attributes = attributes;
        this.accounts = accounts;
    }

    public List<ExportColumn> columns(long accountId) {
        return ExportColumn.all(attributes.all(accountId));
    }

    /** The chosen columns in the order offered; none chosen means the default set. Unknown keys are a field error. */
    public List<ExportColumn> chosen(long accountId, List<String> keys) {
        List<ExportColumn> all = columns(accountId);
        if (keys == null || keys.isEmpty()) {
            return all.stream().filter(ExportColumn::chosenByDefault).toList();
        }
        for (String key : keys) {
            if (all.stream().noneMatch(column -> column.key().equals(key))) {
                throw new FieldError("columns", "There is no column " + key + " to export.");
            }
        }
        return all.stream().filter(column -> keys.contains(column.key())).toList();
    }

    /** Writes the CSV of the selection to {@code out}; does not close it. */
    public void write(Member member, BulkSelection selection, List<ExportColumn> columns, OutputStream out) throws IOException {
        SqlCondition condition = selection.allMatching() || selection.ids().isEmpty()
                ? queries.condition(member.accountId(), selection.filter())
                : new SqlCondition("c.id in (:b_ids)", Map.of("b_ids", selection.ids()));
        String zone = accounts.account(member.accountId()).map(AccountView::timeZone).orElse("UTC");
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord(columns.stream().map(column -> neutralized(column.label())).toList());
        try {
            rows.stream(member.accountId(), condition, columns, zone, values -> csv.writeRecord(Arrays.stream(values).map(ContactExport::neutralized).toList()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        writer.flush();
    }

    /**
     * The value as a spreadsheet shows it without running it; null is an empty cell. A plain
     * number (an E.164 phone, a negative amount) stays as it is: a spreadsheet reads it as a
     * number and runs nothing, and a quote in front of every phone would spoil the column.
     */
    public static String neutralized(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaStart && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]\\d+(\\.\\d+)?");
}
