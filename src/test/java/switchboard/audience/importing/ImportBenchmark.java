package switchboard.audience.importing;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.SwitchboardApplication;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.account.AccountRepository;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.platform.database.EmbeddedDatabase;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The import and search benchmark of issue 8 (run by bench/import-bench, not a test): imports a
 * generated 1M-row file through the real engine in a real Switchboard on a fresh embedded
 * PostgreSQL, times a raw COPY of the resulting rows into fresh copies of the same tables (same
 * indexes) for the ratio, then times the search queries at 1M contacts against a plain primary
 * key lookup. Everything runs in one JVM and one PostgreSQL, side by side, as STACK.md advises.
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
        Files.createDirectories(work);
        Path file = work.resolve("contacts-" + rows + ".csv");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            BenchmarkContacts.write(file, rows);
            System.out.printf("generated %s (%,d bytes) in %.1f s%n", file, Files.size(file), seconds(t));
        }
        Path data = Files.createTempDirectory(work, "data-");
        System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("load before: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());

        // Command-line arguments, not builder properties: those are defaults that application.yml overrides.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class)
                .run("--switchboard.database.data-folder=" + data, "--server.port=0",
                        "--logging.file.name=" + data.resolve("switchboard.log"), "--logging.level.root=warn",
                        "--logging.level.switchboard.audience.importing=debug")) {
            new ImportBenchmark(app, data).run(file, rows);
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;

    private ImportBenchmark(ConfigurableApplicationContext app, Path data) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
    }

    private void run(Path file, int rows) throws Exception {
        long accountId = app.getBean(AccountRepository.class).create(new AccountSettings("Benchmark", "America/New_York", "US"));
        app.getBean(AttributeDefinitionRepository.class).create(accountId, "city", "City", AttributeType.TEXT, List.of());
        app.getBean(AttributeDefinitionRepository.class).create(accountId, "customer_since", "Customer Since", AttributeType.DATE, List.of());
        Imports imports = app.getBean(Imports.class);

        long start = System.nanoTime();
        long importId;
        try (InputStream in = Files.newInputStream(file)) {
            importId = imports.upload(accountId, 1, file.getFileName().toString(), in);
        }
        double upload = seconds(start);
        ImportPreview preview = imports.preview(accountId, importId);
        long started = System.nanoTime();
        imports.start(accountId, importId, 1, preview.detectedMapping(), new ImportOptions("Benchmark list",
                List.of("benchmark", "leads"), DuplicatePolicy.UPDATE_EMPTY, "These contacts asked us to text them."));
        ImportProgress progress;
        do {
            Thread.sleep(50);
            progress = imports.progress(accountId, importId);
        } while (!progress.status().finished());
        double run = seconds(started);
        double total = seconds(start);
        System.out.printf("%nIMPORT %,d rows, %,d bytes: %s%n", rows, Files.size(file), progress.status().code());
        System.out.printf("  mapping detected: %s%n", preview.detectedMapping().codes());
        System.out.printf("  read %,d  created %,d  updated %,d  skipped %,d  failed %,d%n", progress.rowsRead(), progress.created(),
                progress.updated(), progress.skipped(), progress.failed());
        System.out.printf("  upload into the database %.2f s + import run %.2f s = %.2f s total%n", upload, run, total);
        if (progress.failure() != null) {
            System.out.println("  failure: " + progress.failure());
        }
        long contacts = count("select count(*) from contacts where account_id = " + accountId);
        System.out.printf("  contacts %,d, list members %,d, contact tags %,d, consent entries %,d, error rows %,d%n", contacts,
                count("select count(*) from list_members where account_id = " + accountId),
                count("select count(*) from contact_tags where account_id = " + accountId),
                count("select count(*) from consent_events where account_id = " + accountId),
                count("select count(*) from import_errors where import_id = " + importId));

        RawCopy raw = rawCopy(accountId);
        System.out.printf("%nRAW COPY of the same rows into fresh tables with the same indexes%n");
        System.out.printf("  contacts only: %.2f s; contacts + list members + tags + consent entries: %.2f s%n", raw.contacts(), raw.all());
        System.out.printf("  ratio import total / raw COPY contacts = %.2f; / raw COPY all rows = %.2f%n", total / raw.contacts(), total / raw.all());

        searchBenchmark(accountId);
    }

    private record RawCopy(double contacts, double all) {
    }

    /** Exports what the import produced, then COPies it into a fresh database migrated by the same Flyway scripts. */
    private RawCopy rawCopy(long accountId) throws Exception {
        String url = app.getBean(EmbeddedDatabase.class).jdbcUrl();
        jdbc.sql("create database raw_copy").update();
        String rawUrl = url.substring(0, url.lastIndexOf('/') + 1) + "raw_copy";
        Flyway.configure().dataSource(rawUrl, "postgres", null).locations("classpath:db/migration").load().migrate();
        String[][] tables = {
                {"contacts", "account_id, id, first_name, last_name, phone, email, company, attributes, consent_status, source, source_import_id, created_at, updated_at"},
                {"lists", "id, account_id, name, created_at"},
                {"tags", "id, account_id, name, created_at"},
                {"list_members", "account_id, list_id, contact_id, added_at"},
                {"contact_tags", "account_id, tag_id, contact_id"},
                {"consent_attestations", "id, account_id, source, import_id, text, user_id, attested_at"},
                {"consent_events", "account_id, contact_id, status, source, attestation_id, user_id, occurred_at"}};
        double contactsSeconds = 0;
        double all = 0;
        try (Connection source = app.getBean(DataSource.class).getConnection();
             Connection target = DriverManager.getConnection(rawUrl, "postgres", null)) {
            for (String[] table : tables) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                source.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy (select " + table[1] + " from " + table[0] + ") to stdout", rows);
                byte[] bytes = rows.toByteArray();
                long t = System.nanoTime();
                target.createStatement().execute(table[0].equals("lists") || table[0].equals("tags") || table[0].equals("consent_attestations")
                        ? "alter table " + table[0] + " alter column id drop identity" : "select 1");
                target.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table[0] + " (" + table[1] + ") from stdin", new java.io.ByteArrayInputStream(bytes));
                double s = seconds(t);
                all += s;
                if (table[0].equals("contacts")) {
                    contactsSeconds = s;
                }
                System.out.printf("  raw COPY %-20s %,12d bytes %.2f s%n", table[0], bytes.length, s);
            }
        }
        return new RawCopy(contactsSeconds, all);
    }

    private void searchBenchmark(long accountId) throws SQLException {
        System.out.printf("%nSEARCH at %,d contacts in one account (200 queries each after 20 warm-up; ms)%n",
                count("select count(*) from contacts where account_id = " + accountId));
        Random random = new Random(7);
        List<String> names = new ArrayList<>();
        BenchmarkContacts.FIRST.forEach(n -> names.add(n.toLowerCase()));
        BenchmarkContacts.LAST.forEach(n -> names.add(n.toLowerCase()));
        int maxId = (int) count("select max(id) from contacts where account_id = " + accountId);
        int minId = (int) count("select min(id) from contacts where account_id = " + accountId);
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            Stats pk = measure(c, "select id, first_name, last_name from contacts where account_id = ? and id = ?",
                    i -> new Object[]{accountId, (long) (minId + random.nextInt(maxId - minId))});
            report("plain primary key lookup (the baseline)", pk, pk);
            Stats phoneExact = measure(c, "select id, first_name, last_name from contacts where account_id = ? and phone = ?",
                    i -> new Object[]{accountId, switchboard.audience.PhoneNumber.parse(BenchmarkContacts.phone(random.nextInt(1000), i % 5), "US").e164()});
            report("phone in any format (parsed to E.164, exact)", phoneExact, pk);
            Stats emailExact = measure(c, "select id, first_name, last_name from contacts where account_id = ? and email_key = lower(?)",
                    i -> new Object[]{accountId, BenchmarkContacts.email(random.nextInt(990_000)).toUpperCase()});
            report("email (exact, any case)", emailExact, pk);
            String fragment = """
                    select id, first_name, last_name from contacts where account_id = ? and search_name like ? order by id limit 25""";
            for (int length = 1; length <= 3; length++) {
                int l = length;
                Stats s = measure(c, fragment, i -> new Object[]{accountId, "%" + cut(names.get(random.nextInt(names.size())), l) + "%"});
                report("name fragment of " + length + " letter(s)", s, pk);
            }
            Stats rare = measure(c, fragment, i -> new Object[]{accountId, "%" + new String[]{"qz", "xq", "zx", "jq"}[i % 4] + "%"});
            report("2 letters that match nothing", rare, pk);
            String fullName = """
                    select id, first_name, last_name from contacts
                    where account_id = ? and search_name like ? and search_name like ? order by id limit 25""";
            Stats full = measure(c, fullName, i -> new Object[]{accountId,
                    "%" + cut(BenchmarkContacts.FIRST.get(random.nextInt(30)).toLowerCase(), 2) + "%",
                    "%" + cut(BenchmarkContacts.LAST.get(random.nextInt(30)).toLowerCase(), 3) + "%"});
            report("full name \"jo smi\"", full, pk);
            long tagId = count("select id from tags where account_id = " + accountId + " and name = 'leads'");
            Stats tag = measure(c, """
                    select c.id, c.first_name, c.last_name from contact_tags t join contacts c on c.account_id = t.account_id and c.id = t.contact_id
                    where t.account_id = ? and t.tag_id = ? and t.contact_id > ? order by t.contact_id limit 100""",
                    i -> new Object[]{accountId, tagId, (long) (minId + random.nextInt(maxId - minId))});
            report("filter by tag, page of 100", tag, pk);
        }
    }

    private static String cut(String name, int length) {
        int from = name.length() > length ? new Random(name.hashCode()).nextInt(name.length() - length + 1) : 0;
        return name.substring(from, Math.min(name.length(), from + length));
    }

    private record Stats(double p50, double p99, double max) {
    }

    private static Stats measure(Connection c, String sql, IntFunction<Object[]> parameters) throws SQLException {
        double[] times = new double[200];
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = -20; i < times.length; i++) {
                Object[] values = parameters.apply(i + 20);
                for (int p = 0; p < values.length; p++) {
                    statement.setObject(p + 1, values[p]);
                }
                long t = System.nanoTime();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
                if (i >= 0) {
                    times[i] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        Arrays.sort(times);
        return new Stats(times[times.length / 2], times[(int) Math.ceil(times.length * 0.99) - 1], times[times.length - 1]);
    }

    private static void report(String what, Stats s, Stats baseline) {
        System.out.printf("  %-46s p50 %7.2f  p99 %7.2f  max %7.2f   p99 ratio to pk lookup %6.1f%n", what, s.p50(), s.p99(), s.max(),
                s.p99() / baseline.p99());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }
}
