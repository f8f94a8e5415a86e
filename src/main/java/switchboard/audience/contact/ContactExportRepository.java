package switchboard.audience.contact;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import switchboard.audience.filter.SqlCondition;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the contacts of an export row by row. PostgreSQL's JDBC driver streams a result only
 * with a fetch size and inside a transaction (otherwise it reads every row into memory first), so
 * this repository has its own JdbcTemplate with a fetch size and reads in a read-only transaction.
 * Column expressions come from {@link ExportColumn}'s whitelist; attribute keys are parameters.
 */
@Repository
class ContactExportRepository {

    static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    ContactExportRepository(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(new NamedParameterJdbcTemplate(template));
    }

    /** Calls {@code row} with each chosen contact's values, in column order and id order, as they are read. */
    @Transactional(readOnly = true)
    public void stream(long accountId, SqlCondition condition, List<ExportColumn> columns, String timeZone, Consumer<String[]> row) {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("x_account", accountId);
        params.put("x_zone", timeZone);
        for (int i = 0; i < columns.size(); i++) {
            ExportColumn column = columns.get(i);
            if (column.attributeKey() != null) {
                params.put("x_attr" + i, column.attributeKey());
                expressions.add("c.attributes ->> :x_attr" + i);
            } else {
                expressions.add(column.expression());
            }
        }
        int width = columns.size();
        jdbc.sql("select %s from contacts c where c.account_id = :x_account and (%s) order by c.id"
                        .formatted(String.join(", ", expressions), condition.sql()))
                .params(params)
                .query(result -> {
                    String[] values = new String[width];
                    for (int i = 0; i < width; i++) {
                        values[i] = result.getString(i + 1);
                    }
                    row.accept(values);
                });
    }
}
