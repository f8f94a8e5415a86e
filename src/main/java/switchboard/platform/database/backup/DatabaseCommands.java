package switchboard.platform.database.backup;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import switchboard.platform.database.DataFolderException;
import switchboard.platform.database.DatabaseProperties;
import switchboard.platform.secrets.EncryptionKey;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code switchboard backup <file>} and {@code switchboard restore <file>}: the same jar and the
 * same settings (arguments, environment, application.yml) as the server, but no web server,
 * no migrations on start, no scheduled work. See docs/database.md.
 */
public final class DatabaseCommands {

    private static final String USAGE = """
            Usage: switchboard backup <file.zip> [--switchboard.database.data-folder=<folder>]
                   switchboard restore <file.zip> [--switchboard.database.data-folder=<new folder>]
            Without switchboard.database.url (SWITCHBOARD_DATABASE_URL) both work on the embedded database in the data folder
            (default ./data). A backup may run while Switchboard runs; a restore needs an empty database.""";

    private final PrintStream out;
    private final PrintStream err;

    DatabaseCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 wrong usage). */
    public static int run(String[] args) {
        return new DatabaseCommands(System.out, System.err).execute(args);
    }

    int execute(String[] args) {
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        List<String> files = rest.stream().filter(arg -> !arg.startsWith("-")).toList();
        if (files.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(files.getFirst()).toAbsolutePath().normalize();
        String[] settingArguments = rest.stream().filter(arg -> arg.startsWith("-")).toArray(String[]::new);
        try (ConfigurableApplicationContext settings = settings(settingArguments)) {
            DatabaseProperties database = settings.getBean(DatabaseProperties.class);
            String configuredKey = settings.getEnvironment().getProperty(EncryptionKey.PROPERTY, "");
            Optional<EncryptionKey> key = EncryptionKey.find(configuredKey, database.dataFolder());
            if (command.equals("backup")) {
                backup(database, file, key);
            } else {
                List<String> locations = Binder.get(settings.getEnvironment())
                        .bind("spring.flyway.locations", Bindable.listOf(String.class)).orElse(List.of("classpath:db/migration"));
                restore(database, file, key, locations);
            }
            return 0;
        } catch (BackupException | DataFolderException e) {
            err.println(capitalised(command) + " failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println(capitalised(command) + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private void backup(DatabaseProperties properties, Path file, Optional<EncryptionKey> key) throws Exception {
        try (DatabaseAccess database = DatabaseAccess.forBackup(properties)) {
            out.println("Backing up " + database.description() + " ...");
            DatabaseBackup.Result result = new DatabaseBackup(Clock.systemUTC()).write(database, file, key.map(EncryptionKey::id).orElse(null));
            out.printf(Locale.ROOT, "Wrote %s: %d tables, %d rows, %s, in %.1f s (one snapshot at schema version %s).%n",
                    result.file(), result.manifest().tables().size(), result.manifest().totalRows(), size(result.bytes()),
                    result.took().toMillis() / 1000.0, result.manifest().schemaVersion());
        }
        out.println(key.map(found -> "The secret-encryption key (id " + found.id() + ") is NOT in the backup. Keep a copy of "
                        + (found.origin().equals(EncryptionKey.PROPERTY) ? "SWITCHBOARD_SECRET_KEY" : EncryptionKey.fileIn(properties.dataFolder()).toString())
                        + " with it, somewhere else: without it, the secrets Switchboard stored encrypted cannot be read after a restore.")
                .orElse("There is no secret-encryption key yet, so the backup needs none."));
    }

    private void restore(DatabaseProperties properties, Path file, Optional<EncryptionKey> key, List<String> locations) throws Exception {
        DatabaseRestore.Result result;
        try (DatabaseAccess database = DatabaseAccess.forRestore(properties)) {
            out.println("Restoring " + file + " into " + database.description() + " ...");
            result = new DatabaseRestore(locations).restore(database, file);
            out.printf(Locale.ROOT, "Restored %d tables, %d rows (backup made %s at schema version %s) in %.1f s.%n",
                    result.manifest().tables().size(), result.manifest().totalRows(), result.manifest().createdAt(),
                    result.manifest().schemaVersion(), result.took().toMillis() / 1000.0);
        }
        String archivedKey = result.manifest().secretKeyId();
        if (archivedKey == null) {
            return;
        }
        Path keyFile = EncryptionKey.fileIn(properties.dataFolder());
        if (key.isEmpty()) {
            out.println("Before starting Switchboard, copy the secret.key of the data folder the backup was made from (key id " + archivedKey
                    + ") to " + keyFile + " (or set SWITCHBOARD_SECRET_KEY to it). Otherwise Switchboard makes a new key and cannot read the stored secrets.");
        } else if (!key.get().id().equals(archivedKey)) {
            out.println("WARNING: the secret-encryption key here (" + key.get().origin() + ", id " + key.get().id()
                    + ") is not the one the backup was made with (id " + archivedKey + "): stored secrets cannot be read with it. "
                    + "Put the original secret.key at " + keyFile + " (or set SWITCHBOARD_SECRET_KEY to it) before starting Switchboard.");
        } else {
            out.println("The secret-encryption key here (" + key.get().origin() + ") is the one the backup was made with.");
        }
    }

    /**
     * A Spring context that only binds settings, so the command reads them exactly as the server
     * does; its log goes to the console alone (not the server's log file) and only when worth it.
     */
    private static ConfigurableApplicationContext settings(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("databaseCommand", Map.of(
                "logging.file.name", "",
                "logging.level.root", "warn",
                "spring.main.log-startup-info", "false")));
        return new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .environment(environment)
                .run(args);
    }

    private static String size(long bytes) {
        return bytes < 10_000 ? bytes + " bytes" : bytes < 10_000_000 ? bytes / 1000 + " kB" : bytes / 1_000_000 + " MB";
    }

    private static String capitalised(String command) {
        return Character.toUpperCase(command.charAt(0)) + command.substring(1);
    }

    /** Not a @Configuration, so the server's component scan never picks it up. */
    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Settings {
    }
}
