package switchboard.accounts;

import switchboard.platform.web.FieldError;

import java.util.Locale;

/** A member's role in one account. Owners and admins manage the team, channels and settings; agents chat. */
public enum Role {
    OWNER, ADMIN, AGENT;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean managesAccount() {
        return this != AGENT;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case OWNER -> "Owner";
            case ADMIN -> "Admin";
            case AGENT -> "Agent";
        };
    }

    public static Role fromCode(String code) {
        return Role.valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** A role chosen in a form or API request; anything else is an error in the field "role". */
    public static Role parse(String code) {
        for (Role role : values()) {
            if (code != null && role.code().equalsIgnoreCase(code.strip())) {
                return role;
            }
        }
        throw new FieldError("role", "Choose a role: owner, admin or agent.");
    }
}
