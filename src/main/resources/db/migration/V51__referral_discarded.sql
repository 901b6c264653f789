-- A draft referral the team no longer wants is discarded ("Hapus draf"), not "revoked": nothing was ever asked or
-- shared. 'discarded' is final, like 'revoked', and leaves the open-referrals index.
alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check check (status in ('draft', 'awaiting_consent', 'consented',
    'declined', 'sent', 'accepted', 'declined_by_provider', 'completed', 'revoked', 'discarded'));
drop index referral_open_idx;
create index referral_open_idx on referral (provider_id, created_at)
    where status not in ('declined', 'declined_by_provider', 'completed', 'revoked', 'discarded');
