package health.cms.webhooks;

import java.util.List;

/** A page of a subscription's delivery log, newest first; pass {@code nextBefore} back for the next page. */
public record DeliveryPage(List<DeliveryView> deliveries, Long nextBefore) {
}
