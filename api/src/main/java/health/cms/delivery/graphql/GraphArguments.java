package health.cms.delivery.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.GraphQLException;

import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.delivery.article.ArticleResource;
import health.cms.delivery.http.Slice;
import health.cms.delivery.store.ReadModel;

/**
 * Checks GraphQL arguments as REST checks its parameters, and turns the refusals the shared code throws into
 * GraphQL errors whose message names the argument (a runtime exception's message would be hidden).
 */
final class GraphArguments {

    static final String SLUG_MESSAGE = "must be lowercase letters, digits and single hyphens";

    private GraphArguments() {
    }

    /** A slug argument: absent is fine unless required; a value must look like a slug. */
    static void slug(String argument, String value) {
        if (value != null && (value.length() > Slugs.MAX_LENGTH || !Slugs.isValid(value))) {
            throw Refusal.invalid(argument, SLUG_MESSAGE);
        }
    }

    /** A language tag argument, checked as REST checks {@code ?locale=}: absent is fine. */
    static void locale(String argument, String value) {
        if (value != null && (value.length() > 35 || !value.matches(ArticleResource.LOCALE_PATTERN))) {
            throw Refusal.invalid(argument, ArticleResource.LOCALE_MESSAGE);
        }
    }

    /** Text of at most {@code max} characters without NUL. */
    static void text(String argument, String value, int max) {
        if (value != null && (value.length() > max || value.indexOf('\0') >= 0)) {
            throw Refusal.invalid(argument, "must be at most " + max + " characters without NUL");
        }
    }

    /** The number as the text REST's parsers take (null stays absent). */
    static String number(Integer value) {
        return value == null ? null : value.toString();
    }

    /** Runs a read; a refusal or an outage becomes a GraphQL error with a message a developer can act on. */
    static <T> T read(Supplier<T> read) throws GraphQLException {
        try {
            return read.get();
        } catch (Refusal.Invalid e) {
            throw new GraphQLException(describe(e.fieldErrors()));
        } catch (Refusal e) {
            throw new GraphQLException(e.getMessage());
        } catch (ReadModel.InvalidValueException e) {
            throw new GraphQLException("A value in the request cannot be searched for");
        } catch (ReadModel.StoreUnavailableException e) {
            throw new GraphQLException("The content store cannot be reached; try again in a few seconds");
        }
    }

    /** A page of a catalog list: {@code limit} and {@code offset} checked as REST checks them, then read. */
    static <T> List<T> slice(Integer limit, Integer offset, BiFunction<Integer, Integer, List<T>> list)
            throws GraphQLException {
        return read(() -> {
            Slice slice = Slice.parse(number(limit), number(offset));
            return list.apply(slice.limit(), slice.offset());
        });
    }

    private static String describe(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
