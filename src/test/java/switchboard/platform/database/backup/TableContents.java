package switchboard.platform.database.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every table of the public schema as "rows:md5 of its sorted rows", to compare two databases whole. */
final class TableContents {

    private TableContents() {
    }

    /** @param url a JDBC URL that carries its user (and password, if any) */
    static Map<String, String> of(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return of(connection);
        }
    }

    static Map<String, String> of(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, String> contents = new TreeMap<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from public.\""
                         + table + "\" t")) {
                rows.next();
                contents.put(table, rows.getString(1));
            }
        }
        return contents;
    }
}
