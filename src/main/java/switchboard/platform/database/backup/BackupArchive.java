package switchboard.platform.database.backup;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The archive layout: a zip (any unzip tool can look inside) with {@code manifest.json} and one
 * file per table under {@code tables/} in PostgreSQL's COPY text format, which every server
 * version from 15 on reads back.
 */
final class BackupArchive {

    static final String MANIFEST = "manifest.json";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_]{1,100}");
    private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BackupArchive() {
    }

    static String tableFile(int index, String table) {
        return "tables/" + (PLAIN_NAME.matcher(table).matches() ? table : "table-" + index) + ".copy";
    }

    static void writeManifest(ZipOutputStream zip, BackupManifest manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(json.writeValueAsBytes(manifest));
        zip.closeEntry();
    }

    static BackupManifest readManifest(ZipFile zip, String archiveName) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException(archiveName + " is not a Switchboard backup: it has no " + MANIFEST + ".");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = json.readValue(in, BackupManifest.class);
        } catch (JacksonException e) {
            throw new BackupException(archiveName + " has an unreadable " + MANIFEST + ": " + e.getOriginalMessage());
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new BackupException(archiveName + " is a backup in format " + manifest.format()
                    + ", which this Switchboard does not know (it reads format " + BackupManifest.FORMAT + "). Restore it with the Switchboard version that wrote it.");
        }
        return manifest;
    }
}
