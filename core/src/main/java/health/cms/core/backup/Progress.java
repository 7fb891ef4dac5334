package health.cms.core.backup;

/** Told how far an export or restore has got, so a long run can show it is alive. */
@FunctionalInterface
public interface Progress {

    /** Rows of this table done so far; {@code finished} on the last call for the table. */
    void rows(String table, long rows, boolean finished);

    Progress SILENT = (table, rows, finished) -> {
    };
}
