package switchboard.platform.web;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Choices offered by account forms: time zones and countries (with their calling codes). */
public final class FormChoices {

    public static final FormChoices INSTANCE = new FormChoices();

    private final List<String> timeZones = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final List<Country> countries = PhoneNumberUtil.getInstance().getSupportedRegions().stream()
            .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH),
                    PhoneNumberUtil.getInstance().getCountryCodeForRegion(code)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    private FormChoices() {
    }

    public List<String> timeZones() {
        return timeZones;
    }

    public List<Country> countries() {
        return countries;
    }

    public record Country(String code, String name, int callingCode) {
    }
}
