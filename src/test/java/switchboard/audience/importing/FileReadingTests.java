package switchboard.audience.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How the bytes of a file become text and fields: encoding, delimiter. */
class FileReadingTests {

    @Test
    void detectsByteOrderMarks() {
        assertThat(FileEncoding.detect(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, 4, true)).isEqualTo(FileEncoding.UTF_8_BOM);
        assertThat(FileEncoding.detect(new byte[]{(byte) 0xFF, (byte) 0xFE, 'a', 0}, 4, false)).isEqualTo(FileEncoding.UTF_16LE);
        assertThat(FileEncoding.detect(new byte[]{(byte) 0xFE, (byte) 0xFF, 0, 'a'}, 4, false)).isEqualTo(FileEncoding.UTF_16BE);
    }

    @Test
    void fallsBackToWindows1252WhenTheBytesAreNotUtf8() {
        assertThat(FileEncoding.detect("Ren".getBytes(), 3, false)).isEqualTo(FileEncoding.WINDOWS_1252);
        assertThat(FileEncoding.detect("Ren".getBytes(), 3, true)).isEqualTo(FileEncoding.UTF_8);
    }

    @Test
    void utf8CheckAcceptsACharacterSplitAcrossChunks() {
        byte[] bytes = "Zoë".getBytes(StandardCharsets.UTF_8);
        Utf8Check check = new Utf8Check();
        check.update(bytes, 3);
        check.update(new byte[]{bytes[3]}, 1);
        assertThat(check.finish()).isTrue();
    }

    @Test
    void utf8CheckRejectsAWindows1252ByteAnywhere() {
        Utf8Check check = new Utf8Check();
        byte[] clean = "a,b\r\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        check.update(clean, clean.length);
        check.update(new byte[]{'R', 'e', 'n', (byte) 0xE9, 'e'}, 5);
        assertThat(check.finish()).isFalse();
    }

    @Test
    void utf8CheckRejectsATruncatedCharacterAtTheEnd() {
        Utf8Check check = new Utf8Check();
        check.update(new byte[]{'a', (byte) 0xC3}, 2);
        assertThat(check.finish()).isFalse();
    }

    @Test
    void detectsEachDelimiter() {
        assertThat(Delimiters.detect("a,b,c\n1,2,3\n")).isEqualTo(',');
        assertThat(Delimiters.detect("a\tb\tc\n1\t2\t3\n")).isEqualTo('\t');
        assertThat(Delimiters.detect("a;b;c\n1;2;3\n")).isEqualTo(';');
        assertThat(Delimiters.detect("a|b|c\n1|2|3\n")).isEqualTo('|');
    }

    @Test
    void commasInsideNamesDoNotOutvoteTheSemicolons() {
        String sample = "Name;Phone;City\n\"Smith, John\";212 234 0101;Austin\n\"Doe, Jane\";212 234 0102;\"Dallas, TX\"\n";
        assertThat(Delimiters.detect(sample)).isEqualTo(';');
    }

    @Test
    void commaSeparatedWithCommasInQuotesStaysComma() {
        String sample = "Name,Phone\n\"Smith, John\",212\n\"Doe, Jane; Jr\",213\n";
        assertThat(Delimiters.detect(sample)).isEqualTo(',');
    }

    @Test
    void aCutOffLastLineDoesNotChangeTheAnswer() {
        assertThat(Delimiters.detect("a\tb\tc\n1\t2\t3\n4\t5")).isEqualTo('\t');
    }
}
