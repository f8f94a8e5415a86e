package switchboard.audience;

import java.util.Arrays;

/** A contact's SMS consent as it stands; its history is the compliance module's ledger. */
public enum ConsentStatus {
    UNKNOWN("unknown"), OPTED_IN("opted_in"), OPTED_OUT("opted_out");

    private final String code;

    ConsentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ConsentStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown consent status " + code));
    }
}
