package health.cms.core.testing.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * An endpoint as the hostile-request generator sees it: method, path template, parameters with a
 * valid value and a kind (so that a mutation knows what a wrong value is), and a valid body. The
 * guards are the ways a write to it is certainly refused (no token, missing If-Match...); the
 * generator applies one to every request with an unsafe method, so no generated write can succeed.
 */
public final class Endpoint {

    /** What a parameter holds, so that a mutation can pick a value of another kind. */
    public enum Kind {
        SLUG, ID, NUMBER, TEXT, CHOICE, FLAG, TIME, CURSOR, USER, DATETIME_LOCAL
    }

    /** A path or query parameter with a valid value (plain text, not yet percent-encoded). */
    public record Param(String name, Kind kind, String valid, boolean required) {
    }

    /** A named way of making a write certainly refused. */
    public record Guard(String name, BiConsumer<Draft, RandomGenerator> apply) {
    }

    final String method;
    final String path;
    final Map<String, Param> pathParams = new LinkedHashMap<>();
    final List<Param> query = new ArrayList<>();
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    final List<Guard> guards = new ArrayList<>();
    Map<String, Object> json;
    List<Map.Entry<String, String>> form;
    byte[] rawBody;
    String contentType;
    String ifMatch;

    private Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static Endpoint of(String method, String path) {
        return new Endpoint(method, path);
    }

    public static Endpoint get(String path) {
        return of("GET", path);
    }

    public Endpoint path(String name, Kind kind, String valid) {
        pathParams.put(name, new Param(name, kind, valid, true));
        return this;
    }

    public Endpoint query(String name, Kind kind, String valid) {
        query.add(new Param(name, kind, valid, false));
        return this;
    }

    public Endpoint requiredQuery(String name, Kind kind, String valid) {
        query.add(new Param(name, kind, valid, true));
        return this;
    }

    /** A JSON body; values are strings, numbers, booleans, null, lists and maps. */
    public Endpoint json(Map<String, Object> body) {
        this.json = body;
        this.contentType = "application/json";
        return this;
    }

    public Endpoint form(List<Map.Entry<String, String>> fields) {
        this.form = fields;
        this.contentType = "application/x-www-form-urlencoded";
        return this;
    }

    public Endpoint raw(String contentType, byte[] body) {
        this.rawBody = body;
        this.contentType = contentType;
        return this;
    }

    public Endpoint ifMatch(String etag) {
        this.ifMatch = etag;
        return this;
    }

    public Endpoint header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    public Endpoint guard(String name, BiConsumer<Draft, RandomGenerator> apply) {
        guards.add(new Guard(name, apply));
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public List<Guard> guards() {
        return guards;
    }

    boolean hasBody() {
        return json != null || form != null || rawBody != null;
    }

    boolean has(Kind kind) {
        return pathParams.values().stream().anyMatch(p -> p.kind() == kind) || query.stream().anyMatch(p -> p.kind() == kind);
    }

    List<Param> params() {
        List<Param> all = new ArrayList<>(pathParams.values());
        all.addAll(query);
        return all;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
