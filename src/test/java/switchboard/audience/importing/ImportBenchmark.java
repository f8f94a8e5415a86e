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
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ConditionOperator;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.search.ContactSearch;
import switchboard.platform.database.EmbeddedDatabase;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        // An experiment: last names of a real address book's variety (about 60,000 distinct
        // instead of 100; the trigram index's cost grows with it), -Dbench.varied-names=true.
        Path file = work.resolve("contacts-" + rows + (BenchmarkContacts.VARIED_NAMES ? "-varied" : "") + ".csv");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            BenchmarkContacts.write(file, rows);
            System.out.printf("generated %s (%,d bytes) in %.1f s%n", file, Files.size(file), seconds(t));
        }
        readerOnly(file);
        if (args.length > 2 && args[2].equals("reader-only")) {
            return;
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
            if (args.length > 2 && args[2].equals("max-wal-4gb")) {
                // An experiment, not the product's setting: fewer checkpoints during the import
                // (each makes the next change of every page write the whole page to the WAL).
                app.getBean(JdbcClient.class).sql("alter system set max_wal_size = '4GB'").update();
                app.getBean(JdbcClient.class).sql("select pg_reload_conf()").query().singleValue();
                System.out.println("experiment: max_wal_size = 4GB");
            }
            ImportBenchmark benchmark = new ImportBenchmark(app, data);
            if (args.length > 2 && args[2].equals("warm")) {
                // An experiment: the same import on a server that has run one before (its JIT
                // has compiled the import's code), as a long-running server would have.
                benchmark.warmUp(file, work.resolve("warm-up.csv"), 100_000);
            }
            benchmark.run(file, rows);
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;

    /**
     * The Java half alone (decode, parse, normalize phones, deduplicate, encode for COPY), without
     * the database, twice (the second pass has a warm JIT): where the reader thread spends its time.
     */
    private static void readerOnly(Path file) throws Exception {
        for (int pass = 1; pass <= 2; pass++) {
            long t = System.nanoTime();
            long parseNanos = 0;
            long rows = 0;
            long bytes = 0;
            try (ContactFile contacts = new ContactFile(Files.newInputStream(file), FileEncoding.UTF_8, ',')) {
                ColumnMapping mapping = ColumnMapping.detect(contacts.header(), java.util.Map.of("city", "city", "customersince", "customer_since"));
                var definitions = java.util.Map.of(
                        "city", new switchboard.audience.attribute.AttributeDefinition(1, "city", "City", AttributeType.TEXT, List.<String>of()),
                        "customer_since", new switchboard.audience.attribute.AttributeDefinition(2, "customer_since", "Customer Since", AttributeType.DATE, List.<String>of()));
                ContactRowParser parser = new ContactRowParser(mapping, contacts.header().size(), definitions, "US");
                BatchDeduplication batch = new BatchDeduplication(DuplicatePolicy.UPDATE_EMPTY, ',');
                ImportKeys importKeys = new ImportKeys(2_000_000);
                SourceRow row;
                while ((row = contacts.next()) != null) {
                    long p = System.nanoTime();
                    try {
                        batch.add(parser.parse(row));
                    } catch (RowRejectedException e) {
                        batch.reject(new RejectedRow(row.line(), row.text(','), e.getMessage()));
                    }
                    parseNanos += System.nanoTime() - p;
                    if (++rows % 50_000 == 0) {
                        bytes += PreparedBatch.of(batch, importKeys, 1, 50_000, row.line()).stagingRows().length;
                        batch = new BatchDeduplication(DuplicatePolicy.UPDATE_EMPTY, ',');
                    }
                }
            }
            double total = seconds(t);
            System.out.printf("reader alone, pass %d: %,d rows in %.2f s (%.0f rows/s); of which parse+normalize+dedupe %.2f s; COPY bytes %,d%n",
                    pass, rows, total, rows / total, parseNanos / 1e9, bytes);
        }
    }

    private final Path data;

    private ImportBenchmark(ConfigurableApplicationContext app, Path data) {
        this.app = app;
        this.data = data;
        this.jdbc = app.getBean(JdbcClient.class);
    }

    private static double gcSeconds() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum() / 1000.0;
    }

    /** CPU seconds used so far by this JVM and by our PostgreSQL (postmaster, its live children, its reaped children). */
    private double[] cpuSeconds() throws java.io.IOException {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst().strip());
        double ticks = 100.0;
        double postgres = ticks(postmaster, true) / ticks;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] stat = statFields(Long.parseLong(process.getFileName().toString()));
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        postgres += ticks(Long.parseLong(process.getFileName().toString()), false) / ticks;
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a backend that ended meanwhile is counted in the postmaster's reaped children
                }
            }
        }
        return new double[]{jvm, postgres};
    }

    /** Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    /** CPU seconds so far of each live child of our postmaster (backends, checkpointer, autovacuum...), by pid. */
    private Map<Long, Double> backendSeconds() throws java.io.IOException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst().strip());
        Map<Long, Double> seconds = new java.util.HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    long pid = Long.parseLong(process.getFileName().toString());
                    String[] stat = statFields(pid);
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        seconds.put(pid, ticks(pid, false) / 100.0);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        }
        return seconds;
    }

    /**
     * Where PostgreSQL's CPU went during the import, by process: each of the import's connections
     * is a backend of its own, named here by its last statement (the matcher's probe, the merge's
     * checkpoint update, the membership writer's consent insert).
     */
    private void printBackends(Map<Long, Double> before, Map<Long, Double> after, ActivitySampler activity) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .forEach(e -> {
                    String sampled = activity.mostSeen(e.getKey());
                    String what = sampled != null ? "mostly: " + sampled : jdbc.sql("""
                                    select coalesce(backend_type, '') || ': ' || left(regexp_replace(coalesce(query, ''), '\\s+', ' ', 'g'), 80)
                                    from pg_stat_activity where pid = :pid""")
                            .param("pid", e.getKey()).query(String.class).optional().orElse("(ended)");
                    System.out.printf("    %5.1f s  pid %d  %s%n", e.getValue(), e.getKey(), what);
                });
    }

    private static String[] statFields(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static double ticks(long pid, boolean withChildren) throws java.io.IOException {
        String[] f = statFields(pid);
        double own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

    /** Imports the first rows of the file into an account of its own and waits for it to end. */
    private void warmUp(Path file, Path head, int rows) throws Exception {
        try (var lines = Files.lines(file)) {
            Files.write(head, (Iterable<String>) lines.limit(rows + 1L)::iterator);
        }
        long accountId = app.getBean(AccountRepository.class).create(new AccountSettings("Warm-up", "America/New_York", "US"));
        Imports imports = app.getBean(Imports.class);
        long started = System.nanoTime();
        long importId;
        try (InputStream in = Files.newInputStream(head)) {
            importId = imports.upload(accountId, 1, head.getFileName().toString(), in);
        }
        imports.start(accountId, importId, 1, imports.preview(accountId, importId).detectedMapping(),
                new ImportOptions("Warm-up list", List.of("warm-up"), DuplicatePolicy.UPDATE_EMPTY, "They asked us to text them."));
        while (!imports.progress(accountId, importId).status().finished()) {
            Thread.sleep(50);
        }
        System.out.printf("experiment: warm server (a %,d-row import into another account ran first, %.1f s)%n", rows, seconds(started));
    }

    private void run(Path file, int rows) throws Exception {
        long accountId = app.getBean(AccountRepository.class).create(new AccountSettings("Benchmark", "America/New_York", "US"));
        app.getBean(AttributeDefinitionRepository.class).create(accountId, "city", "City", AttributeType.TEXT, List.of());
        app.getBean(AttributeDefinitionRepository.class).create(accountId, "customer_since", "Customer Since", AttributeType.DATE, List.of());
        Imports imports = app.getBean(Imports.class);

        String walBefore = jdbc.sql("select pg_current_wal_lsn()::text").query(String.class).single();
        long checkpointsBefore = count("select num_timed + num_requested from pg_stat_checkpointer");
        double[] cpuBefore = cpuSeconds();
        Map<Long, Double> backendsBefore = backendSeconds();
        double gcBefore = gcSeconds();
        long start = System.nanoTime();
        long importId;
        try (InputStream in = Files.newInputStream(file)) {
            importId = imports.upload(accountId, 1, file.getFileName().toString(), in);
        }
        double upload = seconds(start);
        ImportPreview preview = imports.preview(accountId, importId);
        DuringImport during = new DuringImport(app.getBean(ContactSearch.class), accountId);
        ActivitySampler activity = new ActivitySampler(jdbc);
        long started = System.nanoTime();
        imports.start(accountId, importId, 1, preview.detectedMapping(), new ImportOptions("Benchmark list",
                List.of("benchmark", "leads"), DuplicatePolicy.UPDATE_EMPTY, "These contacts asked us to text them."));
        ImportProgress progress;
        do {
            Thread.sleep(50);
            progress = imports.progress(accountId, importId);
        } while (!progress.status().finished());
        double run = seconds(started);
        Stats searchDuring = during.stop();
        activity.stop();
        double total = seconds(start);
        double[] cpuAfter = cpuSeconds();
        Map<Long, Double> backendsAfter = backendSeconds();
        double gc = gcSeconds() - gcBefore;
        long wal = count("select pg_wal_lsn_diff(pg_current_wal_lsn(), '" + walBefore + "')::bigint");
        long checkpoints = count("select num_timed + num_requested from pg_stat_checkpointer") - checkpointsBefore;
        System.out.printf("%nIMPORT %,d rows, %,d bytes: %s%n", rows, Files.size(file), progress.status().code());
        System.out.printf("  mapping detected: %s%n", preview.detectedMapping().codes());
        System.out.printf("  read %,d  created %,d  updated %,d  skipped %,d  failed %,d%n", progress.rowsRead(), progress.created(),
                progress.updated(), progress.skipped(), progress.failed());
        System.out.printf("  upload into the database %.2f s + import run %.2f s = %.2f s total%n", upload, run, total);
        System.out.printf("  CPU: Java %.1f s (garbage collection pauses %.1f s), PostgreSQL %.1f s (of %.1f s x 2 cores); WAL written %,d MB; checkpoints %d%n",
                cpuAfter[0] - cpuBefore[0], gc, cpuAfter[1] - cpuBefore[1], total, wal / 1_000_000, checkpoints);
        System.out.println("  PostgreSQL CPU by process (0.5 s or more):");
        printBackends(backendsBefore, backendsAfter, activity);
        if (progress.failure() != null) {
            System.out.println("  failure: " + progress.failure());
        }
        System.out.printf("  search while the import ran (%d name and phone searches, one every 50 ms): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                during.count(), searchDuring.p50(), searchDuring.p99(), searchDuring.max());
        long contacts = count("select count(*) from contacts where account_id = " + accountId);
        System.out.printf("  contacts %,d, list members %,d, contact tags %,d, consent entries %,d, error rows %,d%n", contacts,
                count("select count(*) from list_members where account_id = " + accountId),
                count("select count(*) from contact_tags where account_id = " + accountId),
                count("select count(*) from consent_events where account_id = " + accountId),
                count("select count(*) from import_errors where import_id = " + importId));

        if (Boolean.getBoolean("bench.import-only")) {
            return;
        }
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

    private void searchBenchmark(long accountId) {
        System.out.printf("%nSEARCH at %,d contacts in one account (ContactSearch, pages of 25; 200 queries each after 20 warm-up; ms)%n",
                count("select count(*) from contacts where account_id = " + accountId));
        ContactSearch search = app.getBean(ContactSearch.class);
        Random random = new Random(7);
        List<String> names = new ArrayList<>();
        BenchmarkContacts.FIRST.forEach(n -> names.add(n.toLowerCase()));
        BenchmarkContacts.LAST.forEach(n -> names.add(n.toLowerCase()));
        long maxId = count("select max(id) from contacts where account_id = " + accountId);
        long minId = count("select min(id) from contacts where account_id = " + accountId);
        Stats pk = measure(i -> jdbc.sql("select id, first_name, last_name, phone, email from contacts where account_id = :a and id = :id")
                .param("a", accountId).param("id", minId + random.nextLong(maxId - minId)).query().listOfRows().size());
        report("plain primary key lookup (the baseline)", pk, pk);
        report("phone, five formats (parsed, exact)", measure(i -> search.search(accountId, "US",
                BenchmarkContacts.phone(random.nextInt(990_000), i % 5), 25).size()), pk);
        report("email, any case (exact / prefix)", measure(i -> search.search(accountId, "US",
                BenchmarkContacts.email(random.nextInt(990_000)).toUpperCase(), 25).size()), pk);
        report("email, first 8 characters", measure(i -> search.search(accountId, "US",
                BenchmarkContacts.email(random.nextInt(990_000)).substring(0, 8) + "@", 25).size()), pk);
        for (int length = 1; length <= 4; length++) {
            int l = length;
            report("name, " + length + " letter(s)" + (length < 3 ? " (word start)" : " (anywhere)"), measure(i -> search.search(accountId, "US",
                    cut(names.get(random.nextInt(names.size())), l, l < 3), 25).size()), pk);
        }
        report("name, 2 letters no name starts with", measure(i -> search.search(accountId, "US",
                new String[]{"qz", "xq", "zx", "yy"}[i % 4], 25).size()), pk);
        report("name, 3 letters no name contains", measure(i -> search.search(accountId, "US",
                new String[]{"qzx", "xqj", "zzv", "yyq"}[i % 4], 25).size()), pk);
        report("full name \"jo smi\"", measure(i -> search.search(accountId, "US",
                cut(BenchmarkContacts.FIRST.get(random.nextInt(30)).toLowerCase(), 2, true) + " "
                        + cut(BenchmarkContacts.LAST.get(random.nextInt(30)).toLowerCase(), 3, true), 25).size()), pk);
        long tagId = count("select id from tags where account_id = " + accountId + " and name = 'leads'");
        // The page of tag members first (the tag's slice of the primary key, in order), then their rows:
        // joined the other way round the planner walked every contact in id order.
        report("filter by tag, page of 100", measure(i -> jdbc.sql("""
                        select c.id, c.first_name, c.last_name
                        from (select contact_id from contact_tags where account_id = :a and tag_id = :tag and contact_id > :after
                              order by contact_id limit 100) t
                        join contacts c on c.account_id = :a and c.id = t.contact_id order by c.id""")
                .param("a", accountId).param("tag", tagId).param("after", minId + random.nextLong(maxId - minId))
                .query().listOfRows().size()), pk);
        filterBenchmark(accountId, tagId, minId, maxId, pk);
    }

    /**
     * The contacts list's filters as the product runs them (ContactQueries, pages of 100 from a
     * random place): a tag every contact has, a tag one contact in a hundred has, a segment of that
     * rare tag narrowed by a custom attribute condition, a condition alone, a name search within a
     * tag, and the segment's live count.
     */
    private void filterBenchmark(long accountId, long commonTag, long minId, long maxId, Stats pk) {
        System.out.printf("%nFILTERS at %,d contacts (ContactQueries, pages of 100 after a random contact; ms)%n",
                count("select count(*) from contacts where account_id = " + accountId));
        long rareTag = count("insert into tags (account_id, name) values (" + accountId + ", 'rare') returning id");
        jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) select account_id, :tag, id from contacts where account_id = :a and id % 100 = 0")
                .param("tag", rareTag).param("a", accountId).update();
        long segment = count("insert into segments (account_id, name, conditions) values (" + accountId + ", 'Rare, customers before 2012', "
                + "'[{\"attribute\": \"customer_since\", \"operator\": \"before\", \"value\": \"2012-01-01\"}]') returning id");
        jdbc.sql("insert into segment_tags (account_id, segment_id, tag_id) values (:a, :s, :t)").param("a", accountId).param("s", segment).param("t", rareTag).update();
        jdbc.sql("analyze").update();
        ContactQueries queries = app.getBean(ContactQueries.class);
        Random random = new Random(11);
        ContactFilter common = ContactFilter.everyone().withTagIds(List.of(commonTag));
        ContactFilter rare = ContactFilter.everyone().withTagIds(List.of(rareTag));
        ContactFilter inSegment = ContactFilter.everyone().withSegmentIds(List.of(segment));
        ContactFilter condition = ContactFilter.everyone().withConditions(List.of(
                new AttributeCondition("city", ConditionOperator.EQUALS, "Austin")));
        ContactFilter nameInTag = ContactFilter.everyone().withSearch("mar").withTagIds(List.of(rareTag));
        report("tag every contact has", measure(i -> queries.page(accountId, common, minId + random.nextLong(maxId - minId), 100).size()), pk);
        report("tag 1 in 100 contacts have", measure(i -> queries.page(accountId, rare, minId + random.nextLong(maxId - minId), 100).size()), pk);
        report("segment: rare tag + date condition", measure(i -> queries.page(accountId, inSegment, minId + random.nextLong(maxId - minId), 100).size()), pk);
        report("condition city = Austin", measure(i -> queries.page(accountId, condition, minId + random.nextLong(maxId - minId), 100).size()), pk);
        report("name \"mar\" within the rare tag", measure(i -> queries.page(accountId, nameInTag, minId + random.nextLong(maxId - minId), 100).size()), pk);
        report("segment member count (live count)", measureFew(() -> (int) queries.count(accountId, inSegment)), pk);
        report("count up to 100,000, tag every contact has", measureFew(() -> (int) queries.countUpTo(accountId, common, 100_000)), pk);
        System.out.printf("  (segment members: %,d; Austin: %,d)%n", queries.count(accountId, inSegment), queries.count(accountId, condition));
    }

    /** For statements that take a while: 20 runs after 3 warm-up ones. */
    private static Stats measureFew(java.util.function.IntSupplier query) {
        double[] times = new double[20];
        for (int i = -3; i < times.length; i++) {
            long t = System.nanoTime();
            query.getAsInt();
            if (i >= 0) {
                times[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(times);
        return new Stats(times[times.length / 2], times[times.length - 1], times[times.length - 1]);
    }

    /** A piece of a name as someone would type it: its start, or any part. */
    private static String cut(String name, int length, boolean start) {
        int from = !start && name.length() > length ? new Random(name.hashCode()).nextInt(name.length() - length + 1) : 0;
        return name.substring(from, Math.min(name.length(), from + length));
    }

    private record Stats(double p50, double p99, double max) {
    }

    /**
     * Samples what each PostgreSQL backend is running, every 50 ms, so the CPU by process can be
     * told apart: the import's connections all end their transactions with COMMIT.
     */
    private static final class ActivitySampler {
        private final Map<Long, Map<String, Integer>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        ActivitySampler(JdbcClient jdbc) {
            thread = Thread.ofPlatform().name("activity-sampler").daemon().start(() -> {
                while (running) {
                    jdbc.sql("""
                                    select pid, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) from pg_stat_activity
                                    where state = 'active' and pid <> pg_backend_pid()""")
                            .query((row, n) -> seen.computeIfAbsent(row.getLong(1), pid -> new java.util.concurrent.ConcurrentHashMap<>())
                                    .merge(row.getString(2), 1, Integer::sum)).list();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        String mostSeen(long pid) {
            Map<String, Integer> queries = seen.get(pid);
            if (queries == null || queries.isEmpty()) {
                return null;
            }
            int total = queries.values().stream().mapToInt(Integer::intValue).sum();
            return queries.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(2)
                    .map(q -> (100 * q.getValue() / total) + "% " + q.getKey()).collect(java.util.stream.Collectors.joining(" | "));
        }
    }

    /** Searches the account being imported into, every 50 ms, for as long as the import runs. */
    private static final class DuringImport {
        private final List<Double> times = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean running = true;

        DuringImport(ContactSearch search, long accountId) {
            Random random = new Random(11);
            thread = Thread.ofPlatform().name("search-during-import").start(() -> {
                for (int i = 0; running; i++) {
                    String query = i % 2 == 0 ? BenchmarkContacts.LAST.get(random.nextInt(BenchmarkContacts.LAST.size())).substring(0, 3)
                            : BenchmarkContacts.phone(random.nextInt(1_000_000), i % 5);
                    long t = System.nanoTime();
                    search.search(accountId, "US", query, 25);
                    times.add((System.nanoTime() - t) / 1e6);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        Stats stop() throws InterruptedException {
            running = false;
            thread.join();
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Stats(0, 0, 0);
            }
            return new Stats(sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
        }

        int count() {
            return times.size();
        }
    }

    private static Stats measure(IntFunction<Integer> query) {
        double[] times = new double[200];
        for (int i = -20; i < times.length; i++) {
            long t = System.nanoTime();
            query.apply(i + 20);
            if (i >= 0) {
                times[i] = (System.nanoTime() - t) / 1e6;
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
