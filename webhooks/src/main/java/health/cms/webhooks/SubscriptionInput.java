package health.cms.webhooks;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * What an editor sets on a subscription. {@code categories} empty means every category;
 * {@code enabled} null keeps the current value (new subscriptions start enabled).
 */
public record SubscriptionInput(@Size(max = 2000) String url, @Size(max = 500) String description,
        @Size(max = 20) List<String> eventTypes, @Size(max = 100) List<String> categories, Boolean enabled) {
}
