package switchboard.platform.database.backup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the {@code public} schema holds, read from the catalog: its tables with their columns,
 * sequences and foreign keys. Objects that belong to an extension are left out (the extension
 * makes them). The queries use nothing newer than PostgreSQL 15.
 */
final class PublicSchema {

    static final String SCHEMA = "public";

    record Table(String name, List<String> columns) {

        /** {@code public."t" ("a", "b")}: generated columns are left out, COPY cannot write them. */
        String withColumns() {
            return qualified(name) + " (" + columns.stream().map(PublicSchema::quote).collect(Collectors.joining(", ")) + ")";
        }
    }

    record ForeignKey(String name, String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
    }

    record OwnedSequence(String sequence, String table, String column) {
    }

    private PublicSchema() {
    }

    static List<Table> tables(Connection connection) throws SQLException {
        String sql = """
                select c.relname,
                       array(select a.attname::text from pg_attribute a
                             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                             order by a.attnum) as columns
                from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relpersistence = 'p'
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                order by c.relname""";
        List<Table> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                tables.add(new Table(rows.getString(1), strings(rows.getArray(2))));
            }
        }
        return tables;
    }

    static List<String> sequences(Connection connection) throws SQLException {
        String sql = """
                select c.relname from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                order by c.relname""";
        List<String> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                sequences.add(rows.getString(1));
            }
        }
        return sequences;
    }

    /** Sequences behind serial and identity columns, by sequence name. */
    static Map<String, OwnedSequence> ownedSequences(Connection connection) throws SQLException {
        String sql = """
                select s.relname, t.relname, a.attname
                from pg_class s
                join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid
                                and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                join pg_class t on t.oid = d.refobjid
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace""";
        Map<String, OwnedSequence> owned = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                owned.put(rows.getString(1), new OwnedSequence(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return owned;
    }

    static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        String sql = """
                select con.conname, child.relname, parent.relname,
                       array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, position)
                             join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.position),
                       array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, position)
                             join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.position)
                from pg_constraint con
                join pg_class child on child.oid = con.conrelid
                join pg_class parent on parent.oid = con.confrelid
                where con.contype = 'f'
                  and child.relnamespace = 'public'::regnamespace and parent.relnamespace = 'public'::regnamespace
                order by child.relname, con.conname""";
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), strings(rows.getArray(4)),
                        rows.getString(3), strings(rows.getArray(5))));
            }
        }
        return keys;
    }

    /** Rows that point at a missing row, per foreign key; empty when every reference holds. */
    static Map<ForeignKey, Long> brokenReferences(Connection connection) throws SQLException {
        Map<ForeignKey, Long> broken = new LinkedHashMap<>();
        for (ForeignKey key : foreignKeys(connection)) {
            List<String> conditions = new ArrayList<>();
            List<String> matches = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                String column = quote(key.columns().get(i));
                conditions.add("c." + column + " is not null");
                matches.add("p." + quote(key.referencedColumns().get(i)) + " = c." + column);
            }
            String sql = "select count(*) from " + qualified(key.table()) + " c where " + String.join(" and ", conditions)
                    + " and not exists (select 1 from " + qualified(key.referencedTable()) + " p where " + String.join(" and ", matches) + ")";
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    broken.put(key, rows.getLong(1));
                }
            }
        }
        return broken;
    }

    /** Tables that hold at least one row. */
    static List<String> tablesWithRows(Connection connection, List<Table> tables) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (Table table : tables) {
            try (PreparedStatement statement = connection.prepareStatement("select exists (select 1 from " + qualified(table.name()) + ")");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getBoolean(1)) {
                    filled.add(table.name());
                }
            }
        }
        return filled;
    }

    /**
     * Referenced tables before the tables that reference them, so a restore that cannot switch
     * foreign-key triggers off (a server where we are not superuser) still loads. A cycle keeps
     * name order for its members.
     */
    static <T> List<T> inDependencyOrder(List<T> tables, Function<T, String> name, List<ForeignKey> keys) {
        Map<String, T> byName = new LinkedHashMap<>();
        tables.stream().sorted(Comparator.comparing(name)).forEach(table -> byName.put(name.apply(table), table));
        Map<String, Set<String>> needs = new HashMap<>();
        for (ForeignKey key : keys) {
            if (!key.table().equals(key.referencedTable())) {
                needs.computeIfAbsent(key.table(), t -> new HashSet<>()).add(key.referencedTable());
            }
        }
        List<T> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (placed.size() < byName.size()) {
            boolean progress = false;
            for (var entry : byName.entrySet()) {
                String table = entry.getKey();
                if (!placed.contains(table) && needs.getOrDefault(table, Set.of()).stream()
                        .allMatch(needed -> placed.contains(needed) || !byName.containsKey(needed))) {
                    ordered.add(entry.getValue());
                    placed.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                byName.forEach((table, value) -> {
                    if (placed.add(table)) {
                        ordered.add(value);
                    }
                });
            }
        }
        return ordered;
    }

    static String qualified(String name) {
        return SCHEMA + "." + quote(name);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
