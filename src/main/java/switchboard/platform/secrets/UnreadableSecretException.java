package switchboard.platform.secrets;

/** A sealed secret that cannot be opened with this key and context; the value itself is never in the message. */
public class UnreadableSecretException extends RuntimeException {

    UnreadableSecretException(String why) {
        super("The stored secret cannot be read: " + why + ".");
    }
}
