package switchboard.audience.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How imports run. batchRows: rows merged and committed together (the checkpoint step);
 * pollInterval: how often each node looks for queued imports; takeoverAfter: how long a running
 * import may go without a heartbeat before another node resumes it (a crashed node's imports).
 */
@ConfigurationProperties("switchboard.imports")
public record ImportProperties(
        @DefaultValue("50000") int batchRows,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("2m") Duration takeoverAfter) {
}
