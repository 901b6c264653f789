-- Issue 17. Discreet mode is a property of the chat (bot and counsellor messages alike go out silently), so it is
-- kept on the contact, not only in the session state.
alter table contact add column discreet boolean not null default false;

-- Categories read by the case list without decrypting anything: the GBVIMS violence types (option ids, comma
-- separated), the urgent-medical flag (rape or sexual assault within 72 hours), a child harmed online, and the
-- separate, optional consent to count the case in anonymised statistics (false unless the person said yes).
alter table intake add column violence_types varchar(300);
alter table intake add column urgent_medical boolean not null default false;
alter table intake add column child_online boolean not null default false;
alter table intake add column stats_consent boolean not null default false;

create index intake_urgent_medical_idx on intake (first_response_due_at) where urgent_medical;
