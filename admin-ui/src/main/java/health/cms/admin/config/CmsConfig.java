package health.cms.admin.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Our own settings for the desk, under the {@code cms} prefix. */
@ConfigMapping(prefix = "cms")
public interface CmsConfig {

    Demo demo();

    Scheduler scheduler();

    Audit audit();

    Imports imports();

    Csrf csrf();

    /** Where readers find live articles; the desk links there. */
    @WithDefault("http://localhost:8080")
    String publicApiUrl();

    /** The runner of scheduled publications. */
    interface Scheduler {

        /** How often due jobs are claimed, e.g. {@code 10s}; {@code off} disables this instance's runner. */
        @WithDefault("10s")
        String every();

        /** How often live articles are checked for re-review milestones; {@code off} disables it here. */
        @WithDefault("15m")
        String reviewRemindersEvery();
    }

    /** The audit trail. */
    interface Audit {

        /**
         * Seals the checkpoints that anchor the audit chain (core's AuditCheckpoints reads it); listed here so
         * the mapping knows it. Required in production (a missing key stops the start).
         */
        Optional<String> key();
    }

    /** The desk's CSRF tokens. */
    interface Csrf {

        /**
         * The HMAC key of the session-bound tokens, at least 32 characters; shared by every admin-ui instance.
         * Required in production; elsewhere a missing key is replaced by a random one per process.
         */
        Optional<String> key();
    }

    /** Bulk imports of JSON Lines. */
    interface Imports {

        /** How many imports one person may run at once; each holds a worker thread and a spool file. */
        @WithDefault("2")
        int maxRunningPerUser();
    }

    /** Demo content for local use. */
    interface Demo {

        /** Load the demo content into an empty database at start. */
        @WithDefault("false")
        boolean enabled();
    }
}
