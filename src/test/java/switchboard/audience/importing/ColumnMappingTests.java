package switchboard.audience.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import switchboard.platform.web.FieldError;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnMappingTests {

    @ParameterizedTest
    @CsvSource({
            "First Name, first_name", "fname, first_name", "FIRST_NAME, first_name", "Given name, first_name",
            "Last Name, last_name", "Surname, last_name", "lname, last_name",
            "Name, full_name", "Full name, full_name",
            "Mobile, phone", "Cell, phone", "Phone Number, phone", "Mobile Phone, phone", "Tel., phone", "Cell phone #, phone",
            "E-mail, email", "Email Address, email", "e_mail, email",
            "Company Name, company", "Organization, company", "Organisation, company"})
    void matchesHeaderSynonymsToDefaultFields(String header, String field) {
        assertThat(ContactField.forHeader(header)).contains(ContactField.ofCode(field));
    }

    @Test
    void mapsCustomAttributesByLabelOrKeyAndIgnoresUnknownColumns() {
        ColumnMapping mapping = ColumnMapping.detect(List.of("Mobile", "Customer Since", "favourite_color", "Notes"),
                Map.of("customersince", "customer_since", "favouritecolor", "favourite_color"));

        assertThat(mapping.codes()).containsExactly("field:phone", "attribute:customer_since", "attribute:favourite_color", "ignore");
    }

    @Test
    void givesAFieldToTheFirstMatchingColumnOnly() {
        ColumnMapping mapping = ColumnMapping.detect(List.of("Phone", "Mobile", "Email"), Map.of());

        assertThat(mapping.codes()).containsExactly("field:phone", "ignore", "field:email");
    }

    @Test
    void theWizardsChoicesRoundTripThroughTheirCodes() {
        ColumnMapping chosen = ColumnMapping.ofCodes(List.of("ignore", "field:email", "attribute:city"));

        assertThat(chosen.columns()).containsExactly(new ColumnTarget.Ignored(), new ColumnTarget.Field(ContactField.EMAIL),
                new ColumnTarget.Attribute("city"));
        assertThat(ColumnMapping.ofCodes(chosen.codes())).isEqualTo(chosen);
    }

    @Test
    void refusesAMappingWithoutPhoneOrEmail() {
        assertThatThrownBy(() -> ColumnMapping.ofCodes(List.of("field:first_name", "ignore")).requireUsable())
                .isInstanceOf(FieldError.class).hasMessage("Choose which column holds the phone number or the email address");
    }

    @Test
    void refusesAFieldChosenForTwoColumns() {
        assertThatThrownBy(() -> ColumnMapping.ofCodes(List.of("field:phone", "field:phone")).requireUsable())
                .isInstanceOf(FieldError.class).hasMessage("Phone is chosen for two columns; choose it for one");
    }

    @Test
    void splitsFullNamesWrittenEitherWay() {
        assertThat(ContactRowParser.splitFullName("John Smith")).containsExactly("John", "Smith");
        assertThat(ContactRowParser.splitFullName("Mary Ann van Dyke")).containsExactly("Mary Ann van", "Dyke");
        assertThat(ContactRowParser.splitFullName("Smith, Jane")).containsExactly("Jane", "Smith");
        assertThat(ContactRowParser.splitFullName("Cher")).containsExactly("Cher", null);
    }
}
