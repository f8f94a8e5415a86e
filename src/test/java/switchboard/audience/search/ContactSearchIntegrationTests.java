package switchboard.audience.search;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class ContactSearchIntegrationTests {

    @Autowired ContactSearch search;
    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;

    long account;

    @BeforeEach
    void contacts() {
        account = tenants.create("Searcher").accountId();
        add("John", "Smith", "+12122340101", "John.Smith@Example.com");
        add("Joanna", "Johnson", "+12122340102", "joanna@example.com");
        add("Mary", "Major", "+12122340103", null);
        add("Percy", "100% Pure_Co", "+12122340104", null);
        add("John", "Smith", "+12122340199", null);
        long other = tenants.create("Other").accountId();
        jdbc.sql("insert into contacts (account_id, first_name, last_name, phone, source) values (:a, 'John', 'Smith', '+12122340101', 'manual')")
                .param("a", other).update();
    }

    private void add(String first, String last, String phone, String email) {
        jdbc.sql("""
                        insert into contacts (account_id, first_name, last_name, phone, email, source)
                        values (:a, :first, :last, :phone, :email, 'manual')""")
                .param("a", account).param("first", first).param("last", last).param("phone", phone).param("email", email).update();
    }

    private List<String> names(String query) {
        return search.search(account, "US", query, 25).stream().map(m -> m.firstName() + " " + m.lastName()).toList();
    }

    @Test
    void findsAFullNameByTheStartsOfItsWords() {
        assertThat(names("jo smi")).containsExactly("John Smith", "John Smith");
    }

    @Test
    void findsThreeLettersAnywhereInTheName() {
        assertThat(names("OHN")).containsExactly("John Smith", "Joanna Johnson", "John Smith");
    }

    @Test
    void oneOrTwoLettersMatchTheStartOfTheFirstOrLastName() {
        assertThat(names("ma")).containsExactly("Mary Major");
        assertThat(names("j")).containsExactly("John Smith", "Joanna Johnson", "John Smith");
        assertThat(names("hn")).isEmpty();
    }

    @Test
    void aPageFilledFromTheFirstContactsEqualsTheIndexAnswer() {
        List<ContactSearch.Match> all = search.search(account, "US", "ohn", 25);
        assertThat(all).hasSize(3);
        assertThat(search.search(account, "US", "ohn", 2)).containsExactlyElementsOf(all.subList(0, 2));
    }

    @Test
    void findsAPhoneWrittenAnyWay() {
        assertThat(names("(212) 234-0102")).containsExactly("Joanna Johnson");
        assertThat(names("+1 212 234 0102")).containsExactly("Joanna Johnson");
        assertThat(names("212.234.0102")).containsExactly("Joanna Johnson");
    }

    @Test
    void findsAnEmailInAnyCaseOrByItsBeginning() {
        assertThat(names("JOHN.SMITH@EXAMPLE.COM")).containsExactly("John Smith");
        assertThat(names("joanna@")).containsExactly("Joanna Johnson");
    }

    @Test
    void typedWildcardsAreLiteral() {
        assertThat(names("100%")).containsExactly("Percy 100% Pure_Co");
        assertThat(names("e_c")).containsExactly("Percy 100% Pure_Co");
        assertThat(names("%%%")).isEmpty();
    }

    @Test
    void neverFindsAnotherAccountsContacts() {
        assertThat(search.search(account, "US", "2122340101", 25)).singleElement()
                .satisfies(match -> assertThat(match.email()).isEqualTo("John.Smith@Example.com"));
    }
}
