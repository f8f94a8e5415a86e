package switchboard.audience.attribute;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.attribute.Attributes.Draft;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom attribute definitions on the real database: keys, labels, types, choices, deletion with the values. */
@SwitchboardTest
class AttributesIntegrationTests {

    @Autowired Attributes attributes;
    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired AttributeDefinitionRepository repository;

    long account;

    @BeforeEach
    void newAccount() {
        account = tenants.create("Attribute Atelier").accountId();
    }

    @Test
    void derivesTheKeyFromTheLabelWhenNoneIsGiven() {
        AttributeDefinition birthday = attributes.create(account, new Draft(null, "  Date of birth ", AttributeType.DATE, null));
        AttributeDefinition accented = attributes.create(account, new Draft("", "Café préféré", AttributeType.TEXT, null));
        AttributeDefinition numeric = attributes.create(account, new Draft(null, "2nd phone", AttributeType.TEXT, null));

        assertThat(birthday.key()).isEqualTo("date_of_birth");
        assertThat(birthday.label()).isEqualTo("Date of birth");
        assertThat(accented.key()).isEqualTo("cafe_prefere");
        assertThat(numeric.key()).isEqualTo("a_2nd_phone");
        assertThat(repository.all(account)).extracting(AttributeDefinition::label).containsExactly("2nd phone", "Café préféré", "Date of birth");
    }

    @Test
    void refusesTheKeysOfDefaultFieldsWhetherTypedOrDerived() {
        for (String key : List.of("first_name", "last_name", "phone", "email", "company", "source", "created_at", "updated_at",
                "tags", "lists", "consent")) {
            assertThatThrownBy(() -> attributes.create(account, new Draft(key, "Label " + key, AttributeType.TEXT, null)))
                    .as(key).isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("key"))
                    .hasMessageContaining("default field");
        }
        assertThatThrownBy(() -> attributes.create(account, new Draft(null, "Email", AttributeType.TEXT, null)))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("key"));
        assertThat(repository.all(account)).isEmpty();
    }

    @Test
    void refusesKeysThatAreNotLowerCaseWordsWithUnderscores() {
        for (String key : List.of("1plan", "Plan", "plan-tier", "plan tier", "_plan", "p".repeat(64))) {
            assertThatThrownBy(() -> attributes.create(account, new Draft(key, "Plan " + key.length() + key, AttributeType.TEXT, null)))
                    .as(key).isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("key"));
        }
        assertThat(attributes.create(account, new Draft("p".repeat(63), "Long key", AttributeType.TEXT, null)).key()).hasSize(63);
    }

    @Test
    void refusesASecondAttributeWithTheSameKeyOrTheSameLabelInAnyCase() {
        attributes.create(account, new Draft("plan", "Plan", AttributeType.TEXT, null));

        assertThatThrownBy(() -> attributes.create(account, new Draft("plan", "Other", AttributeType.TEXT, null)))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("key"));
        assertThatThrownBy(() -> attributes.create(account, new Draft("plan_2", "PLAN", AttributeType.TEXT, null)))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("label"))
                .hasMessageContaining("already exists");
        long other = tenants.create("Other Atelier").accountId();
        assertThat(attributes.create(other, new Draft("plan", "Plan", AttributeType.TEXT, null)).key())
                .as("another account may use the same key").isEqualTo("plan");
    }

    @Test
    void aListOfChoicesNeedsChoicesEachOnce() {
        assertThatThrownBy(() -> attributes.create(account, new Draft(null, "Tier", AttributeType.CHOICE, List.of(" ", ""))))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("choices"));
        assertThatThrownBy(() -> attributes.create(account, new Draft(null, "Tier", AttributeType.CHOICE, List.of("Gold", "gold"))))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("choices"))
                .hasMessageContaining("twice");

        AttributeDefinition tier = attributes.create(account, new Draft(null, "Tier", AttributeType.CHOICE, List.of(" Gold ", "", "Silver")));
        AttributeDefinition note = attributes.create(account, new Draft(null, "Note", AttributeType.TEXT, List.of("ignored")));

        assertThat(tier.choices()).containsExactly("Gold", "Silver");
        assertThat(note.choices()).as("only a list of choices keeps choices").isEmpty();
    }

    @Test
    void relabelsAndAddsChoicesAndRemovesAChoiceContactsHoldOnlyWhenTold() {
        AttributeDefinition tier = attributes.create(account, new Draft(null, "Tier", AttributeType.CHOICE, List.of("Gold", "Silver")));
        contact(account, "+12125550001", "{\"tier\": \"Gold\"}");

        AttributeDefinition renamed = attributes.update(account, tier.id(), new Draft(null, "Loyalty tier", null, List.of("Gold", "Silver", "Bronze")));
        assertThat(renamed.label()).isEqualTo("Loyalty tier");
        assertThat(renamed.key()).as("the key never changes").isEqualTo("tier");
        assertThat(renamed.choices()).containsExactly("Gold", "Silver", "Bronze");

        contact(account, "+12125550006", "{\"tier\": \"gold\"}");
        contact(account, "+12125550007", "{\"tier\": \"Silver\"}");
        assertThatThrownBy(() -> attributes.update(account, tier.id(), new Draft(null, null, null, List.of("Bronze"))))
                .isInstanceOfSatisfying(ChoicesInUseException.class, e -> {
                    assertThat(e.field()).isEqualTo("choices");
                    assertThat(e.contacts()).isEqualTo(3);
                    assertThat(e.choices()).containsExactly("Gold", "Silver");
                })
                .hasMessage("3 contacts hold 'Gold', 'Silver'. Once removed, they can no longer be chosen, and those contacts keep them "
                        + "as they are until someone changes them.");
        jdbc.sql("delete from contacts where account_id = :a and attributes ->> 'tier' = 'Silver'").param("a", account).update();
        assertThatThrownBy(() -> attributes.update(account, tier.id(), new Draft(null, null, null, List.of("Silver", "Bronze"))))
                .isInstanceOfSatisfying(ChoicesInUseException.class, e -> assertThat(e.choices()).containsExactly("Gold"))
                .hasMessage("2 contacts hold 'Gold'. Once removed, it can no longer be chosen, and those contacts keep it as it is "
                        + "until someone changes it.");
        assertThat(attributes.get(account, tier.id()).choices()).as("nothing changed").containsExactly("Gold", "Silver", "Bronze");
        assertThat(attributes.update(account, tier.id(), new Draft(null, null, null, List.of("GOLD", "Bronze"))).choices())
                .as("Silver, which nobody holds, may go").containsExactly("GOLD", "Bronze");

        assertThat(attributes.update(account, tier.id(), new Draft(null, null, null, List.of("Bronze")), true).choices())
                .as("told, the admin removes a choice contacts hold").containsExactly("Bronze");
        assertThat(jdbc.sql("select attributes ->> 'tier' from contacts where account_id = :a order by id").param("a", account)
                .query(String.class).list()).as("the contacts keep it as it is").containsExactly("Gold", "gold");
        assertThatThrownBy(() -> attributes.update(account, tier.id(), new Draft("loyalty", null, null, null)))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("key"));
    }

    @Test
    void changesTheTypeOnlyWhileNoContactHasAValue() {
        AttributeDefinition score = attributes.create(account, new Draft(null, "Score", AttributeType.TEXT, null));
        assertThat(attributes.hasValues(account, score.id())).isFalse();
        assertThat(attributes.update(account, score.id(), new Draft(null, null, AttributeType.NUMBER, null)).type()).isEqualTo(AttributeType.NUMBER);

        contact(account, "+12125550002", "{\"score\": 7}");

        assertThat(attributes.hasValues(account, score.id())).isTrue();
        assertThatThrownBy(() -> attributes.update(account, score.id(), new Draft(null, null, AttributeType.TEXT, null)))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("type"))
                .hasMessageContaining("contacts already have a Score value");
        assertThat(attributes.get(account, score.id()).type()).isEqualTo(AttributeType.NUMBER);
    }

    @Test
    void deletingRemovesTheValueFromEveryContactOfTheAccountAndSaysHowMany() {
        AttributeDefinition city = attributes.create(account, new Draft(null, "City", AttributeType.TEXT, null));
        long ann = contact(account, "+12125550003", "{\"city\": \"Austin\", \"other\": 1}");
        contact(account, "+12125550004", "{\"city\": \"Boston\"}");
        contact(account, "+12125550005", "{}");
        long elsewhere = tenants.create("Elsewhere").accountId();
        long theirs = contact(elsewhere, "+12125550003", "{\"city\": \"Denver\"}");

        assertThat(attributes.contactsWithValue(account, city.id())).isEqualTo(2);
        assertThat(attributes.delete(account, city.id())).isEqualTo(2);

        assertThat(attributes.all(account)).isEmpty();
        assertThat(attributesOf(account, ann)).isEqualTo("{\"other\": 1}");
        assertThat(jdbc.sql("select count(*) from contacts where account_id = :a and jsonb_exists(attributes, 'city')")
                .param("a", account).query(Long.class).single()).isZero();
        assertThat(attributesOf(elsewhere, theirs)).as("another account's contacts keep their values").isEqualTo("{\"city\": \"Denver\"}");
    }

    @Test
    void refusesToDeleteAnAttributeASegmentFiltersOn() {
        AttributeDefinition city = attributes.create(account, new Draft(null, "City", AttributeType.TEXT, null));
        jdbc.sql("""
                        insert into segments (account_id, name, conditions)
                        values (:a, 'Texans', '[{"attribute": "city", "operator": "equals", "value": "Austin"}]')""")
                .param("a", account).update();

        assertThatThrownBy(() -> attributes.delete(account, city.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Texans");
        assertThat(attributes.all(account)).hasSize(1);
    }

    @Test
    void anotherAccountsAttributeIsNotFound() {
        AttributeDefinition mine = attributes.create(account, new Draft(null, "Plan", AttributeType.TEXT, null));
        long other = tenants.create("Snoop").accountId();

        assertThatThrownBy(() -> attributes.get(other, mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> attributes.update(other, mine.id(), new Draft(null, "Hacked", null, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> attributes.delete(other, mine.id())).isInstanceOf(NotFoundException.class);
        assertThat(attributes.get(account, mine.id()).label()).isEqualTo("Plan");
    }

    private long contact(long accountId, String phone, String attributesJson) {
        return jdbc.sql("""
                        insert into contacts (account_id, phone, attributes, source) values (:a, :phone, :attributes::jsonb, 'manual')
                        returning id""")
                .param("a", accountId).param("phone", phone).param("attributes", attributesJson).query(Long.class).single();
    }

    private String attributesOf(long accountId, long contactId) {
        return jdbc.sql("select attributes::text from contacts where account_id = :a and id = :id")
                .param("a", accountId).param("id", contactId).query(String.class).single();
    }
}
