-- The inbox drains in batches, in parallel, and in order for one provider object (issue 16).

-- What an event is about, so that one subscription's (or one-off payment's) events are
-- applied one at a time and in the order received: the subscription a sandbox or Stripe
-- event names, else the payment intent, else the object itself. Derived from the stored
-- payload, so it holds for events received before this migration too.
alter table provider_event add column subject text not null generated always as (coalesce(
    payload #>> '{pledge,reference}',
    payload #>> '{payment,pledgeReference}',
    case when payload #>> '{data,object,object}' = 'subscription' then payload #>> '{data,object,id}' end,
    payload #>> '{data,object,parent,subscription_details,subscription}',
    payload #>> '{data,object,subscription}',
    payload #>> '{data,object,payment_intent}',
    payload #>> '{data,object,id}',
    event_id)) stored;

-- A worker's claim on an event it is applying: until then no other worker takes the event,
-- nor any other event of its subject. A worker that dies leaves it to expire.
alter table provider_event add column claimed_until timestamptz;

-- The claim reads the due events in order and stops after a batch: with id in the index it
-- neither reads nor sorts the rest of a backlog.
drop index provider_event_due_idx;
create index provider_event_due_idx on provider_event (next_attempt_at, id) where processed_at is null;
create index provider_event_subject_idx on provider_event (provider, subject) where processed_at is null;
