package health.cms.core.backup;

/** A backup or restore that cannot go ahead; the message says why and what to do, for a person to read. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
