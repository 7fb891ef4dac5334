package health.cms.admin.media;

/**
 * The audited changes to the media library. Each value is stored as written and hashed into the audit chain,
 * so it never changes once released, and none may equal a workflow action's value.
 */
public enum MediaAction {

    UPLOAD("upload-media"), DESCRIBE("describe-media");

    private final String value;

    MediaAction(String value) {
        this.value = value;
    }

    /** The value stored in the audit trail. */
    public String value() {
        return value;
    }
}
