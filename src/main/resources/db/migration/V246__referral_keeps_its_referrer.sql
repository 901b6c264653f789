-- The referral letter names who referred and in what role. It read both from the account at print time, so a letter
-- printed again after the counsellor became coordinator (or was renamed) said something it did not say when issued.
-- The referral now keeps the referrer's name (encrypted) and role as they were when it was drafted. Older referrals
-- keep printing from the account (null here).
alter table referral add column referrer_name bytea;
alter table referral add column referrer_role varchar(16);
