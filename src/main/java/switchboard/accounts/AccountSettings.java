package switchboard.accounts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The settings that describe a business: its name, time zone and default country for phone
 * numbers. Validates itself, so an invalid time zone or country never reaches the database.
 */
public record AccountSettings(String name, String timeZone, String defaultCountry) {

    private static final Set<String> PHONE_REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    public AccountSettings {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidAccountSettingsException("name", "Enter the business name (at most 200 characters).");
        }
        try {
            timeZone = ZoneId.of(timeZone == null ? "" : timeZone.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidAccountSettingsException("timeZone", "Choose a time zone such as America/New_York.");
        }
        defaultCountry = defaultCountry == null ? "" : defaultCountry.strip().toUpperCase(Locale.ROOT);
        if (!PHONE_REGIONS.contains(defaultCountry)) {
            throw new InvalidAccountSettingsException("defaultCountry", "Choose the country whose phone numbers your contacts mostly have.");
        }
    }

    public static Set<String> phoneRegions() {
        return PHONE_REGIONS;
    }
}
