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

    Mail mail();

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

    /** Notification mails; the SMTP server is Quarkus Mailer's ({@code QUARKUS_MAILER_*}). */
    interface Mail {

        /** How often this instance claims due mails from the queue, e.g. {@code 10s}; {@code off} disables it. */
        @WithDefault("10s")
        String every();

        /** When the daily digests are queued (a Quartz-style cron, server time); {@code off} disables it here. */
        @WithDefault("0 0 7 * * ?")
        String digestCron();

        /** The desk's address as people reach it: mails link there. */
        @WithDefault("http://localhost:8081")
        String deskUrl();

        /** Show the "Local mailbox" page of sent mails: the local stack only, never production. */
        @WithDefault("false")
        boolean localMailbox();
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
