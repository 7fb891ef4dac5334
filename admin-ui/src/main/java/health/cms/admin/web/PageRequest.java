package health.cms.admin.web;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A management API list request ({@code @BeanParam}): its {@code limit} and {@code offset}, answered as one
 * {@link Paging} page read from the service, so every list handler is one line.
 */
public class PageRequest {

    @QueryParam("limit")
    private String limit;
    @QueryParam("offset")
    private String offset;
    @Context
    private UriInfo uri;

    /** How a service reads a page: {@code rows} rows from {@code offset} on. */
    @FunctionalInterface
    public interface Rows<T> {

        List<T> read(int offset, int rows);
    }

    /** A page of the default size, as the service's entries. */
    public <T> Response respond(Rows<T> read) {
        return respond(Paging.parse(limit, offset), read, Function.identity());
    }

    /** A page of the default size, each entry as its JSON. */
    public <T> Response respond(Rows<T> read, Function<T, ?> json) {
        return respond(Paging.parse(limit, offset), read, json);
    }

    /** A page of a list with sizes of its own (see {@link Paging#parse(String, String, int, int)}). */
    public <T> Response respond(int defaultLimit, int maxLimit, Rows<T> read) {
        return respond(Paging.parse(limit, offset, defaultLimit, maxLimit), read, Function.identity());
    }

    private <T> Response respond(Paging page, Rows<T> read, Function<? super T, ?> json) {
        return page.respond(read.read(page.offset(), page.fetch()).stream().map(json).toList(), uri);
    }
}
