-- What the platform last reported for an outbound message (WhatsApp: sent, delivered, read, failed).
-- It only ever moves forward; statuses can arrive out of order.
alter table chat_message add column delivery_status varchar(16);
alter table chat_message add column delivery_error varchar(200);
