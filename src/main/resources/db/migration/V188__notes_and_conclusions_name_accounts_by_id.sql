-- As V187, for the records the case page and the SOP page name: who wrote an internal note, who recorded the
-- conclusion and who recorded the recommendation. Kept by account id; a stored username that names no account
-- stays in the old column as the readable fallback, and one that names an account is cleared there.
alter table case_note add column author_account_id bigint references account (id);
alter table case_note alter column author drop not null;
update case_note t set author_account_id = a.id, author = null from account a where a.username = t.author;

alter table case_conclusion add column recorded_by_account_id bigint references account (id);
alter table case_conclusion alter column recorded_by drop not null;
update case_conclusion t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_recommendation add column recorded_by_account_id bigint references account (id);
alter table case_recommendation alter column recorded_by drop not null;
update case_recommendation t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;
