-- The webhooks pruner deletes old outbox events and finished deliveries in batches (issue 13, point 18).
-- Deleting an event sets webhook_delivery.event_id to NULL (ON DELETE SET NULL) and the pruner asks
-- whether an event still has a pending delivery: both look deliveries up by event, which without this
-- index is a scan of the whole delivery table per deleted event.
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id) WHERE event_id IS NOT NULL;
-- The pruner walks fanned-out events oldest first.
CREATE INDEX outbox_event_prune_idx ON outbox_event (occurred_at) WHERE fanned_out_at IS NOT NULL;
