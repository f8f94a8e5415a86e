package switchboard.platform.database;

/** The port chosen for the embedded server was taken by another PostgreSQL before ours could bind it. */
public class PortTakenException extends IllegalStateException {

    public PortTakenException(int port) {
        super("Another PostgreSQL server took port " + port + " just as the embedded one was starting there. "
                + "Nothing was changed; start Switchboard again (it picks a new free port each time).");
    }
}
