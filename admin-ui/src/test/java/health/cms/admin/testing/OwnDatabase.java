package health.cms.admin.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A database of their own for the suites that fill the desk with hundreds of articles (authorization
 * matrix, hostile content, concurrency), so the bounded queues and lists other tests look at stay
 * short. The suites share it: Quarkus orders test classes by profile and restarts once.
 */
public class OwnDatabase implements QuarkusTestProfile {
}
