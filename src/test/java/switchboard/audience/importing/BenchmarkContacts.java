package switchboard.audience.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the benchmark's contact file: a spreadsheet-like export with names, phones in the five
 * ways people write US numbers, emails, companies (some quoted, with commas), a custom attribute
 * (City), and the dirt real files carry: repeated contacts (1 in 100), rows whose phone and email
 * belong to two different earlier rows (1 in 1000), invalid phones (1 in 400) and rows with
 * neither phone nor email (1 in 2000). Deterministic: the same count gives the same bytes.
 */
final class BenchmarkContacts {

    static final List<String> FIRST = List.of("James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
            "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
            "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
            "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth",
            "Dorothy", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah", "Ronald", "Stephanie",
            "Timothy", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy",
            "Nicholas", "Shirley", "Eric", "Angela", "Jonathan", "Helen", "Stephen", "Anna", "Larry", "Brenda", "Justin",
            "Pamela", "Scott", "Nicole", "Brandon", "Emma", "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory",
            "Christine", "Frank", "Debra", "Alexander", "Rachel", "Raymond", "Catherine", "Patrick", "Carolyn", "Jack",
            "Janet", "Dennis", "Ruth", "Jerry", "Maria", "José", "Zoë", "François", "Øyvind");
    static final List<String> LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
            "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
            "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
            "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips",
            "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales",
            "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
            "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett",
            "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross",
            "Foster", "Jiménez", "O'Brien", "Müller");
    static final List<String> COMPANIES = List.of("Acme Corporation", "Globex", "Initech", "Umbrella Health", "Stark Industries",
            "Wayne Enterprises", "Smith, Jones & Co", "Hooli", "Vandelay Industries", "Bluth Company", "Dunder Mifflin",
            "Pied Piper", "Wonka Industries", "Soylent \"Green\" Foods", "Cyberdyne Systems", "Tyrell Corp");
    static final List<String> CITIES = List.of("New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia",
            "San Antonio", "San Diego", "Dallas", "Austin", "Seattle", "Denver", "Boston", "Nashville", "Portland");
    static final List<String> SOURCES = List.of("Website", "Trade show", "Referral", "Cold call", "Newsletter signup");
    static final int[] AREA_CODES = {201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224,
            225, 228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 272, 276, 281, 301, 302,
            303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 325, 330, 331, 334, 336,
            337, 339, 346, 347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415,
            417, 419, 423, 424, 425};

    private BenchmarkContacts() {
    }

    static void write(Path file, int rows) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Mobile,E-mail,Company Name,City,Customer Since,Lead Source\r\n");
            for (int i = 0; i < rows; i++) {
                int person = i;
                String phone;
                String email;
                if (i % 100 == 99) {
                    // the person of 50 rows earlier again, phone written another way, email in capitals
                    person = i - 50;
                    phone = phone(person, i % 3);
                    email = email(person).toUpperCase(Locale.ROOT);
                } else if (i % 1000 == 500) {
                    // phone of one earlier contact, email of another: a conflict
                    phone = phone(i - 3, 0);
                    email = email(i - 4);
                } else if (i % 400 == 7) {
                    phone = "555-12" + (i % 10);
                    email = email(i);
                } else if (i % 2000 == 13) {
                    phone = "";
                    email = "";
                } else {
                    phone = phone(i, i % 5);
                    email = email(i);
                }
                String company = random.nextInt(10) < 3 ? "" : csv(COMPANIES.get(random.nextInt(COMPANIES.size())));
                out.write(first(person) + ',' + csv(last(person)) + ',' + phone + ',' + email + ',' + company + ','
                        + CITIES.get(random.nextInt(CITIES.size())) + ',' + (1 + random.nextInt(12)) + '/' + (1 + random.nextInt(28))
                        + '/' + (2010 + random.nextInt(16)) + ',' + SOURCES.get(random.nextInt(SOURCES.size())) + "\r\n");
            }
        }
    }

    private static long mix(int i) {
        long h = (i + 1) * 0x9E3779B97F4A7C15L;
        return (h ^ (h >>> 29)) & Long.MAX_VALUE;
    }

    static String first(int person) {
        return FIRST.get((int) (mix(person) % FIRST.size()));
    }

    static final boolean VARIED_NAMES = Boolean.getBoolean("bench.varied-names");
    private static final String[] SYLLABLES = {"", "ber", "son", "man", "ley", "ton", "field", "wood", "ski", "ez", "ini", "ova",
            "ard", "ell", "ick", "ing", "ham", "worth", "dale", "stein", "berg", "feld", "mann", "ov", "enko", "escu", "aki",
            "oglu", "sen", "strom", "quist", "ard", "ot", "eau", "ier", "ez", "as", "is", "os", "us"};

    static String last(int person) {
        String last = LAST.get((int) (mix(person) / FIRST.size() % LAST.size()));
        if (!VARIED_NAMES) {
            return last;
        }
        long more = mix(person) / FIRST.size() / LAST.size();
        return last + SYLLABLES[(int) (more % SYLLABLES.length)] + (char) ('a' + more / SYLLABLES.length % 15);
    }

    /** Row i's number (unique per i), written in one of five ways. */
    static String phone(int i, int style) {
        int area = AREA_CODES[i % AREA_CODES.length];
        int k = i / AREA_CODES.length;
        int exchange = 230 + k % 700;
        int line = 1000 + (k / 700) * 517;
        return switch (style) {
            case 0 -> "(%d) %d-%04d".formatted(area, exchange, line);
            case 1 -> "%d.%d.%04d".formatted(area, exchange, line);
            case 2 -> "+1 %d %d %04d".formatted(area, exchange, line);
            case 3 -> "%d%d%04d".formatted(area, exchange, line);
            default -> "1-%d-%d-%04d".formatted(area, exchange, line);
        };
    }

    /** The email of a person: unique by the number in it (the name only makes it realistic). */
    static String email(int person) {
        return (ascii(first(person)) + "." + ascii(last(person)) + person + "@example.com").toLowerCase(Locale.ROOT);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }

    private static String csv(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
