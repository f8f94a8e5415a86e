package switchboard.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started Switchboard where to open it. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment environment;

    ReadyBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Switchboard is ready: open http://localhost:{}/ in your browser (the first visit sets up your account). Stop with Ctrl-C.", port);
    }
}
